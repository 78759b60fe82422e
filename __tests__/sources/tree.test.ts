import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempRepos, type TempRepo } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';
import { listTree } from '../../src/sources/tree.js';

const repo = tempRepos();
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

async function scanJson(dir: string) {
  const run = await cli('scan', dir, '--format', 'json', '--fail-on', 'none');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { findings: { path: string; ruleId: string }[]; stats: { skipped: { path: string; reason: string }[] } };
}

describe('special files', () => {
  test('a FIFO beside a .env outside git is listed as skipped and never opened (it hung the scan)', async () => {
    const r = repo(false);
    r.write('.env', `TOKEN=${fake.telegram()}\n`);
    execFileSync('mkfifo', [join(r.dir, 'p.env')]);
    const report = await scanJson(r.dir);
    expect(report.findings.map((f) => f.path)).toContain('.env');
    expect(report.stats.skipped).toEqual([{ path: 'p.env', reason: 'not a regular file (named pipe): not opened' }]);
  }, 20_000);

  (isRoot ? test : test.skip)('a character device outside git is listed, not dropped without a trace', async () => {
    const r = repo(false);
    r.write('a.txt', 'hello\n');
    execFileSync('mknod', [join(r.dir, 'null'), 'c', '1', '3']);
    const report = await scanJson(r.dir);
    expect(report.stats.skipped).toEqual([{ path: 'null', reason: 'not a regular file (character device): not opened' }]);
  });

  test('a tracked file replaced by a FIFO in the work tree does not block the read', async () => {
    const r = repo();
    r.commit('env', { 'app.env': 'A=1\n', 'sshd_config': 'Include app.env\n' });
    execFileSync('rm', [join(r.dir, 'app.env')]);
    execFileSync('mkfifo', [join(r.dir, 'app.env')]);
    const report = await scanJson(r.dir);
    expect(report.stats.skipped).toEqual([{ path: 'app.env', reason: 'not a regular file: not read' }]);
  }, 20_000);
});

describe('large folders', () => {
  test('200,000 entries in one folder outside git are listed (the walk overflowed the stack)', async () => {
    const r = repo(false);
    mkdirSync(join(r.dir, 'many'));
    for (let i = 0; i < 200_000; i++) closeSync(openSync(join(r.dir, 'many', `f${i}`), 'w'));
    const listed = await listTree({ root: r.dir, include: () => true });
    expect(listed.paths).toHaveLength(200_000);
    expect(listed.paths[0]).toBe('many/f0');
  }, 120_000);
});

/**
 * chmod 000 stops nobody running as root, and CI runs as root: there the scan runs with its
 * effective uid and gid switched to nobody (65534), which the kernel checks for every open and
 * readdir, in this process and in the git it starts. As any other user, chmod 000 is enough.
 */
async function asUnprivileged<T>(dir: string, run: () => Promise<T>): Promise<T> {
  if (!isRoot) return run();
  execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
  // nobody cannot read root's git config, and git stops on that: a real user has a home of their own.
  const home = process.env.HOME;
  process.env.HOME = '/nonexistent';
  process.setegid?.(NOBODY);
  process.seteuid?.(NOBODY);
  try {
    return await run();
  } finally {
    process.seteuid?.(0);
    process.setegid?.(0);
    process.env.HOME = home;
  }
}

function lockFolder(r: TempRepo, folder: string): void {
  chmodSync(join(r.dir, folder), 0o000);
  if (isRoot) chownSync(join(r.dir, folder), NOBODY, NOBODY);
}

describe('unreadable folders', () => {
  test('outside git: listed as skipped with a note, and the rest is scanned', async () => {
    const r = repo(false);
    r.write('locked/inner.env', `TOKEN=${fake.telegram('in')}\n`).write('open.env', `TOKEN=${fake.telegram('out')}\n`);
    const run = await asUnprivileged(r.dir, async () => {
      lockFolder(r, 'locked');
      return cli('scan', r.dir, '--fail-on', 'none');
    });
    chmodSync(join(r.dir, 'locked'), 0o755);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('locked (unreadable folder (EACCES): nothing under it was scanned)');
    expect(run.stdout).toContain('open.env');
    expect(run.stdout).not.toContain('inner.env');
  });

  test('in git: an untracked folder git cannot open is listed as skipped, and the rest is scanned', async () => {
    const r = repo();
    r.commit('x', { 'open.env': `TOKEN=${fake.telegram('out')}\n` });
    r.write('locked/inner.env', `TOKEN=${fake.telegram('in')}\n`);
    const run = await asUnprivileged(r.dir, async () => {
      lockFolder(r, 'locked');
      return cli('scan', r.dir, '--format', 'json', '--fail-on', 'none');
    });
    chmodSync(join(r.dir, 'locked'), 0o755);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { path: string }[]; stats: { skipped: { path: string; reason: string }[] } };
    expect([...new Set(report.findings.map((f) => f.path))]).toEqual(['open.env']);
    expect(report.stats.skipped).toEqual([{ path: 'locked', reason: 'unreadable folder (Permission denied): nothing under it was scanned' }]);
  });

  test('the test really ran without read access (a root scan would have read the folder)', async () => {
    const r = repo(false);
    r.write('locked/x', 'x');
    const denied = await asUnprivileged(r.dir, async () => {
      lockFolder(r, 'locked');
      try {
        readdirSync(join(r.dir, 'locked'));
        return false;
      } catch {
        return true;
      }
    });
    chmodSync(join(r.dir, 'locked'), 0o755);
    expect(denied).toBe(true);
    expect(statSync(join(r.dir, 'locked')).isDirectory()).toBe(true);
  });
});
