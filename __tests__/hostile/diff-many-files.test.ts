import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TempRepo } from '../helpers/repo.js';

/**
 * `--mode diff` on a commit that adds thousands of files: the head version of each changed
 * file was read by a git process of its own (5,000 files: 28 s, history mode on the same
 * commit 2.9 s). Counted: git processes started by the scan, through a `git` on PATH that
 * logs each start and runs the real one. The CLI runs in a child (dist/cli.js: `npm run build`
 * first, as .ci/run does), since jest's process.env does not reach the processes it starts.
 */
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
const bin = mkdtempSync(join(tmpdir(), 'moltguard-git-shim-'));
const log = join(bin, 'calls');
const names = join(bin, 'names');
// What the scan asks of `git cat-file --batch` is copied to `names` on its way to git.
writeFileSync(
  join(bin, 'git'),
  `#!/bin/sh\necho x >> '${log}'\ncase " $* " in *" cat-file --batch "*) tee -a '${names}' | '${realGit}' "$@"; exit $? ;; esac\nexec '${realGit}' "$@"\n`,
);
chmodSync(join(bin, 'git'), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

async function gitStartsForDiffOf(files: number): Promise<{ starts: number; findings: string[] }> {
  const repo = new TempRepo();
  try {
    repo.commit('init', { 'README.md': 'hello\n' });
    const added: Record<string, string> = {};
    for (let i = 0; i < files; i++) added[`src/m${i}.ts`] = `export const m${i} = ${i};\n`;
    added['deploy/sshd_config'] = 'PasswordAuthentication yes\n';
    repo.commit('many files', added);
    writeFileSync(log, '');
    writeFileSync(names, '');
    const run = spawnSync(process.execPath, ['dist/cli.js', 'scan', repo.dir, '--mode', 'diff', '--base', 'HEAD~1', '--format', 'json', '--fail-on', 'none'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { path: string; line: number; ruleId: string }[] };
    return { starts: readFileSync(log, 'utf8').split('\n').filter(Boolean).length, findings: report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`) };
  } finally {
    repo.cleanup();
  }
}

test('a diff of many added files starts the same few git processes as a diff of a few', async () => {
  const small = await gitStartsForDiffOf(10);
  const large = await gitStartsForDiffOf(200);
  expect(large.findings).toEqual(small.findings);
  expect(large.findings).toContain('deploy/sshd_config:1 ssh-password-auth');
  expect(large.starts).toBeLessThanOrEqual(small.starts + 2);
}, 120_000);

/**
 * git resolves a `rev:./path` name by searching the tree again for each name, so a commit adding
 * 20,000 files to one folder took 46 s in diff mode (5,000: 5.8 s) while git itself listed the
 * change in 0.1 s. The head versions are asked for by object id, which git finds by hash.
 */
test('a diff asks git for head versions by object id, not by path', async () => {
  const { findings } = await gitStartsForDiffOf(50);
  expect(findings).toContain('deploy/sshd_config:1 ssh-password-auth');
  const asked = readFileSync(names, 'utf8').split('\n').filter(Boolean);
  expect(asked.length).toBeGreaterThanOrEqual(51);
  expect(asked.filter((name) => !/^[0-9a-f]{40,64}$/.test(name))).toEqual([]);
}, 120_000);
