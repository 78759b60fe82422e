import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempRepo, cli } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';

/**
 * Files over 16 MiB are scanned in 4 MiB windows that overlap: every secret is found once, at
 * its real line and column, wherever the seams fall, and memory does not grow with the file.
 */
const MiB = 1024 * 1024;

function placed(size: number, plants: number[], text: (i: number) => string, filler = 'a;') {
  // Build the file around the planted offsets, with multi-byte characters in the filler.
  let out = '';
  const keys: string[] = [];
  let at = 0;
  for (const [i, offset] of plants.entries()) {
    const pad = offset - at;
    // One two-byte character before each key: columns count characters, windows cut bytes.
    out += filler.repeat(Math.ceil(pad / filler.length)).slice(0, pad - 1) + 'é';
    const key = text(i);
    keys.push(key);
    out += `"${key}"`;
    at = out.length;
  }
  out += filler.repeat(Math.max(0, (size - out.length) / filler.length));
  return { out, keys };
}

test('a 40 MiB one-line file: secrets at seams and elsewhere, once each, at their columns', async () => {
  const repo = new TempRepo();
  try {
    // The windows' owned parts end every 4 MiB: keys across, just before and just after a seam.
    const seams = [10, 4 * MiB - 30, 4 * MiB + 60, 8 * MiB - 70, 12 * MiB - 2, 30 * MiB, 40 * MiB - 200];
    const { out, keys } = placed(40 * MiB, seams, (i) => fake.mbd(`seam${i}`));
    writeFileSync(join(repo.dir, 'bundle.min.js'), out);
    const config = join(repo.dir, '..', `${repo.dir.split('/').pop()}-big.yml`);
    writeFileSync(config, 'max-file-size: 100000000\n');
    const run = await cli('scan', repo.dir, '--format', 'json', '--config', config);
    const report = JSON.parse(run.stdout);
    const expected = keys.map((k) => ({ line: 1, column: out.indexOf(k) + 1 }));
    expect(report.findings.map((f: { line: number; column: number }) => ({ line: f.line, column: f.column }))).toEqual(expected);
    expect(report.stats.files).toBe(1);
    for (const k of keys) expect(run.stdout).not.toContain(k);
  } finally {
    repo.cleanup();
  }
});

test('a large file of many lines keeps line numbers across windows', async () => {
  const repo = new TempRepo();
  try {
    const line = `${'x'.repeat(99)}\n`;
    const lines = Array.from({ length: 200_000 }, () => line);
    const at = [5, 41_900, 41_950, 83_885, 150_000, 199_999];
    const keys = at.map((n, i) => fake.telegram(`lines${i}`));
    at.forEach((n, i) => (lines[n] = `é token: ${keys[i]}\n`));
    writeFileSync(join(repo.dir, 'huge.log'), lines.join(''));
    const config = join(repo.dir, '..', `${repo.dir.split('/').pop()}-lines.yml`);
    writeFileSync(config, 'max-file-size: 100000000\n');
    const report = JSON.parse((await cli('scan', repo.dir, '--format', 'json', '--config', config)).stdout);
    expect(report.findings.map((f: { line: number; column: number }) => [f.line, f.column])).toEqual(at.map((n) => [n + 1, 10]));
  } finally {
    repo.cleanup();
  }
});
