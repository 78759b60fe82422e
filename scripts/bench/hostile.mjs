// The hostile-inputs table of `npm run bench` (alone: `npm run bench -- --only hostile`): the
// worst shapes of issue 13, built into a cache folder at two sizes (n and 4n), best of 3 runs. Each shape is a
// fraction of a megabyte, so its wall time is mostly process start and costs that do not grow
// (one scrypt per published secret, at most 500): what tells linear from quadratic is the
// marginal time per MB between the two sizes, set against ordinary code (target: within 2x).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const value = (i) => createHash('sha256').update(String(i)).digest('base64').replace(/[+/=]/g, 'x').slice(0, 24);

function folder(cache, name, files, git) {
  const dir = join(cache, 'hostile', name);
  if (existsSync(join(dir, '.built'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sh = (...args) => spawnSync('git', args, { cwd: dir, stdio: 'ignore' });
  if (git) {
    sh('init', '-q');
    writeFileSync(join(dir, 'README.md'), 'bench\n');
    sh('add', '-A');
    sh('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'init');
  }
  for (const [path, text] of files()) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (git) {
    sh('add', '-A');
    sh('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'many files');
  }
  writeFileSync(join(dir, '.built'), '');
  return dir;
}

const jwtLine = (n) => [['notes.txt', `${'eyJhbGciOiJIUzI1NiJ9.'.repeat(n)}\n`]];
const envKeys = (n) => [['.env', Array.from({ length: n }, (_, i) => `SERVICE${i}_PASSWORD=${value(i)}\n`).join('')]];
// Distinct tokens sharing a long prefix, as every JWT does (its header): the masking index once
// kept them in one bucket and tried each at every place the prefix occurred.
const jwtHeader = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
const jwtEnv = (n) => [
  ['app.env', Array.from({ length: n }, (_, i) => `TOKEN_${i}=${jwtHeader}.${Buffer.from(`{"sub":"${i}"}`).toString('base64url')}.${value(i)}${value(i + 1)}\n`).join('')],
];
const dropIns = (n) => [
  ['deploy/agent.service', '[Service]\nUser=agent\nExecStart=/usr/bin/agent\n'],
  ...Array.from({ length: n }, (_, i) => [`deploy/agent.service.d/${String(i).padStart(5, '0')}.conf`, `[Service]\nEnvironment=LEVEL_${i}=debug\n`]),
];
const addedFiles = (n) => Array.from({ length: n }, (_, i) => [`src/m${i}.ts`, `export const m${i} = ${i};\n`]);
const includeMesh = (n) => [
  ['etc/ssh/sshd_config', 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n'],
  ...Array.from({ length: n }, (_, i) => [`etc/ssh/sshd_config.d/${i}.conf`, 'Include /etc/ssh/sshd_config.d/*.conf\nX11Forwarding no\n']),
];
const nesting = (n) => [['docker-compose.yml', `services:\n  app:\n    image: nginx\n    privileged: true\n    x: ${'['.repeat(n)}\n`]];

/** [label with {n}, cache name, files(n), n, what n counts, in a git repository, extra scan arguments] */
const SHAPES = [
  ['long JWT line ({n} tokens, one line)', 'jwt-line', jwtLine, 16000, 'token'],
  ['.env of {n} keys', 'env', envKeys, 3000, 'key'],
  ['.env of {n} distinct JWTs (one shared header)', 'jwt-env', jwtEnv, 2000, 'token'],
  ['systemd unit with {n} drop-ins', 'dropins', dropIns, 2000, 'drop-in'],
  ['diff of a commit adding {n} files', 'diff', addedFiles, 5000, 'file', true, ['--mode', 'diff', '--base', 'HEAD~1']],
  ['sshd Include mesh ({n} drop-ins, each including the folder)', 'sshd-mesh', includeMesh, 12, 'drop-in'],
  ['compose file nested {n} deep', 'deep-nesting', nesting, 100000, 'level'],
];

const SCALE = 4;

/** Rows of the table; `moltguard(args)` runs one scan and returns { ms, report }, `ordinary` is ms per MB of ordinary code. */
export function hostileRows(cache, moltguard, ordinary) {
  const rows = [];
  for (const [label, name, files, n, unit, git = false, extra = []] of SHAPES) {
    const at = (size) => {
      const dir = folder(cache, `${name}-${size}`, () => files(size), git);
      // Best of 3: one run of a shape this small is mostly the noise of a shared machine.
      const runs = [0, 1, 2].map(() => moltguard(['scan', dir, ...extra]));
      const r = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
      return { ms: r.ms, mb: r.report.stats.bytes / 1e6, findings: r.report.findings.length };
    };
    const small = at(n);
    const large = at(n * SCALE);
    const marginal = (large.ms - small.ms) / Math.max(large.mb - small.mb, 1e-9);
    // Shapes of a few bytes (the Include mesh) have no meaningful time per MB: per unit says it.
    const perUnit = (large.ms - small.ms) / (n * (SCALE - 1));
    const sized = large.mb - small.mb >= 0.01;
    rows.push({ label: label.replace('{n}', `${n.toLocaleString('en')} / ${(n * SCALE).toLocaleString('en')}`), small, large, marginal, ratio: sized ? marginal / ordinary : undefined, perUnit, unit });
  }
  return rows;
}

export function printHostile(rows, ordinary) {
  console.log('');
  console.log(`hostile inputs at n and ${SCALE}n, against ordinary code at ${(ordinary / 1000).toFixed(2)} s per MB (synthetic corpus):`);
  console.log(`| shape (n / ${SCALE}n) | MB | wall time | growth | marginal time per MB | vs ordinary code | marginal per unit | findings |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const growth = r.large.ms / r.small.ms;
    console.log(
      `| ${r.label} | ${r.small.mb.toFixed(2)} / ${r.large.mb.toFixed(2)} | ${(r.small.ms / 1000).toFixed(2)} / ${(r.large.ms / 1000).toFixed(2)} s | ${growth.toFixed(2)}x | ${r.ratio === undefined ? '–' : `${(r.marginal / 1000).toFixed(2)} s`} | ${r.ratio === undefined ? '–' : `${r.ratio.toFixed(1)}x`} | ${(r.perUnit * 1000).toFixed(0)} µs per ${r.unit} | ${r.small.findings} / ${r.large.findings} |`,
    );
  }
  const worst = rows.filter((r) => r.ratio !== undefined).reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(`hostile inputs, marginal time per MB within 2x of ordinary code: ${worst.ratio <= 2 ? 'met' : `NOT met (worst: ${worst.label}, ${worst.ratio.toFixed(1)}x)`}`);
}
