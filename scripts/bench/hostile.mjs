// The hostile-inputs table of `npm run bench` (alone: `npm run bench -- --only hostile`): the
// worst shapes of issue 13, built into a cache folder, each scanned once and timed per MB
// against the synthetic corpus of ordinary code (target: within 2x).
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

const SHAPES = [
  ['long JWT line (16,000 tokens, one line)', 'jwt-line', () => [['notes.txt', `${'eyJhbGciOiJIUzI1NiJ9.'.repeat(16000)}\n`]]],
  ['.env of 3,000 keys', 'env-3k', () => [['.env', Array.from({ length: 3000 }, (_, i) => `SERVICE${i}_PASSWORD=${value(i)}\n`).join('')]]],
  [
    'systemd unit with 2,000 drop-ins',
    'dropins-2k',
    () => [
      ['deploy/agent.service', '[Service]\nUser=agent\nExecStart=/usr/bin/agent\n'],
      ...Array.from({ length: 2000 }, (_, i) => [`deploy/agent.service.d/${String(i).padStart(4, '0')}.conf`, `[Service]\nEnvironment=LEVEL_${i}=debug\n`]),
    ],
  ],
  ['diff of a commit adding 5,000 files', 'diff-5k', () => Array.from({ length: 5000 }, (_, i) => [`src/m${i}.ts`, `export const m${i} = ${i};\n`]), true, ['--mode', 'diff', '--base', 'HEAD~1']],
  [
    'sshd Include mesh (12 drop-ins, each including the folder)',
    'sshd-mesh',
    () => [
      ['etc/ssh/sshd_config', 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n'],
      ...Array.from({ length: 12 }, (_, i) => [`etc/ssh/sshd_config.d/${i}.conf`, 'Include /etc/ssh/sshd_config.d/*.conf\nX11Forwarding no\n']),
    ],
  ],
  ['compose file nested 100,000 deep', 'deep-nesting', () => [['docker-compose.yml', `services:\n  app:\n    image: nginx\n    privileged: true\n    x: ${'['.repeat(100000)}\n`]]],
];

/** Rows of the table; `moltguard(args)` runs one scan and returns { ms, report }, `ordinary` is ms per MB of ordinary code. */
export function hostileRows(cache, moltguard, ordinary) {
  const rows = [];
  for (const [label, name, files, git, extra = []] of SHAPES) {
    const dir = folder(cache, name, files, git);
    const r = moltguard(['scan', dir, ...extra]);
    const mb = r.report.stats.bytes / 1e6;
    const perMB = r.ms / mb;
    rows.push({ label, ms: r.ms, mb, ratio: perMB / ordinary, findings: r.report.findings.length });
  }
  return rows;
}

export function printHostile(rows, ordinary) {
  console.log('');
  console.log(`hostile inputs, against ordinary code at ${(ordinary / 1000).toFixed(2)} s per MB (synthetic corpus):`);
  console.log('| shape | MB | wall time | time per MB vs ordinary code | findings |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${r.mb.toFixed(2)} | ${(r.ms / 1000).toFixed(2)} s | ${r.ratio.toFixed(1)}x | ${r.findings} |`);
}
