import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { TempRepo } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';

/**
 * Worker threads only run from the bundle (the entry doubles as the worker), so this test runs
 * dist/cli.js: `npm run build` first, as .ci/run does.
 */
const CLI = 'dist/cli.js';

function report(dir: string, workers: number) {
  const run = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'none', '--workers', String(workers)], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const r = JSON.parse(run.stdout);
  // Only timing and the worker count in the description may differ.
  delete r.stats.durationMs;
  delete r.scanned;
  return r;
}

test('one worker and many give identical findings, in the same order', () => {
  expect(existsSync(CLI)).toBe(true);
  const repo = new TempRepo();
  try {
    for (let i = 0; i < 150; i++) {
      repo.write(`pkg${i % 7}/file${i}.env`, i % 3 === 0 ? `KEY=${fake.mbd(`w${i}`)}\nTOKEN=${fake.telegram(`t${i}`)}\n` : `PLAIN=${i}\n`);
    }
    repo.write('etc/ssh/sshd_config', 'PermitRootLogin yes\n').write('bin.dat', Buffer.from([0, 1, 2]));
    const one = report(repo.dir, 1);
    expect(one.findings.length).toBeGreaterThan(100);
    expect(report(repo.dir, 2)).toEqual(one);
    expect(report(repo.dir, 5)).toEqual(one);
    expect(report('examples/insecure-vm', 3)).toEqual(report('examples/insecure-vm', 1));
  } finally {
    repo.cleanup();
  }
});

test('history with several blob readers reports each secret once, at its oldest commit, like one', () => {
  const repo = new TempRepo();
  try {
    const shared = fake.mbd('shared');
    for (let i = 0; i < 90; i++) {
      // Keys arrive both in new files (read whole) and in edits of existing ones (their added lines).
      const files: Record<string, string> = { [`f${i % 9}.txt`]: `change ${i}\n${i % 10 === 5 ? `TOKEN=${fake.telegram(`m${i}`)}\n` : ''}` };
      if (i % 10 === 3) files[`keys/k${i}.env`] = `KEY=${fake.mbd(`h${i}`)}\n`;
      if (i === 20 || i === 70) files[`copy${i}.env`] = `SAME=${shared}\n`;
      repo.commit(`c${i}`, files);
    }
    const history = (workers: number) => {
      const run = spawnSync(process.execPath, [CLI, 'scan', repo.dir, '--mode', 'history', '--format', 'json', '--fail-on', 'none', '--workers', String(workers)], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      const r = JSON.parse(run.stdout);
      // One scan order and one set of seen blobs whatever the readers: even what was read is the same.
      delete r.stats.durationMs;
      return r;
    };
    const one = history(1);
    expect(one.findings.filter((f: { path: string }) => f.path.startsWith('copy'))).toEqual([expect.objectContaining({ path: 'copy20.env' })]);
    expect(one.findings).toHaveLength(19);
    expect(history(2)).toEqual(one);
    expect(history(3)).toEqual(one);
  } finally {
    repo.cleanup();
  }
});
