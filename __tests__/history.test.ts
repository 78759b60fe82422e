import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { cli, tempRepos } from './helpers/repo.js';
import { fake } from './helpers/fakes.js';
import { COMMIT_MARK, readRawLog, type BlobChange, type CommitInfo } from '../src/sources/history/raw-log.js';
import { BlobReader } from '../src/sources/history/blob-reader.js';
import { SeenBlobs } from '../src/sources/history/seen-blobs.js';
import { historyCommands, resolveHistory } from '../src/sources/history/range.js';
import { scanHistory } from '../src/pipeline/history.js';
import { SecretEngine } from '../src/secrets/engine.js';
import { loadBuiltinRules } from '../src/secrets/builtin.js';

const repo = tempRepos();

interface Found {
  path: string;
  line: number;
  column: number;
  commit: string;
  ruleId: string;
}
const history = async (dir: string, ...args: string[]) => {
  const run = await cli('scan', dir, '--mode', 'history', '--format', 'json', '--fail-on', 'none', ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { findings: Found[]; suppressed: { finding: Found }[]; stats: { commits: number; files: number; skipped: { path: string; reason: string }[] } };
};
const where = (f: Found) => `${f.path}:${f.line}:${f.column}@${f.commit.slice(0, 7)}`;

describe('history: what a commit added, read from whole blobs', () => {
  test('a secret already in a file before the range is not blamed on a commit that edits another line', async () => {
    const r = repo();
    const old = fake.mbd('before-range');
    const base = r.commit('old key', { 'app.env': `A=1\nOLD=${old}\nB=2\n` });
    r.commit('edit another line', { 'app.env': `A=10\nOLD=${old}\nB=2\n` });
    const fresh = fake.telegram('in-range');
    const added = r.commit('add a key', { 'app.env': `A=10\nOLD=${old}\nB=2\nBOT=${fresh}\n` });
    const report = await history(r.dir, '--base', base);
    expect(report.findings.map(where)).toEqual([`app.env:4:5@${added.slice(0, 7)}`]);
  });

  test('a secret moved within its file, or the file renamed, is not reported again', async () => {
    const r = repo();
    const key = fake.mbd('moved');
    const first = r.commit('add', { 'src/a.py': `x = 1\nKEY = "${key}"\n` });
    r.commit('move it down', { 'src/a.py': `x = 1\ny = 2\nz = 3\nKEY = "${key}"\n` });
    r.git('mv', 'src/a.py', 'src/b.py');
    r.commit('rename');
    const report = await history(r.dir);
    expect(report.findings.map(where)).toEqual([`src/a.py:2:8@${first.slice(0, 7)}`]);
  });

  test('each of two secrets is reported at the commit that added it, at its line in that version', async () => {
    const r = repo();
    const one = fake.mbd('one');
    const two = fake.openai('two');
    const c1 = r.commit('one', { 'cfg/app.ts': `export const a = "${one}";\n` });
    const c2 = r.commit('two', { 'cfg/app.ts': `// header\n\nexport const a = "${one}";\nexport const b = "${two}";\n` });
    const report = await history(r.dir);
    expect(report.findings.map(where).sort()).toEqual([`cfg/app.ts:1:19@${c1.slice(0, 7)}`, `cfg/app.ts:4:19@${c2.slice(0, 7)}`].sort());
  });

  test('a key in a file that is larger than max-file-size is listed as skipped, with its commit', async () => {
    const r = repo();
    r.write('.moltguard.yml', 'max-file-size: 1000\n');
    const big = r.commit('big', { 'data/big.txt': `${'x'.repeat(2000)}\nK=${fake.mbd('big')}\n` });
    const report = await history(r.dir);
    expect(report.findings).toEqual([]);
    expect(report.stats.skipped).toEqual([{ path: `data/big.txt at ${big.slice(0, 12)}`, reason: expect.stringMatching(/larger than the 1000-byte limit/) }]);
  });

  test('an edit that makes a file larger than max-file-size is listed as skipped, with its commit', async () => {
    const r = repo();
    r.write('.moltguard.yml', 'max-file-size: 1000\n');
    r.commit('small', { 'data/grows.txt': 'x\n' });
    const grown = r.commit('grown', { 'data/grows.txt': `x\n${'y'.repeat(2000)}\nK=${fake.mbd('grown')}\n` });
    const report = await history(r.dir);
    expect(report.findings).toEqual([]);
    expect(report.stats.skipped).toEqual([{ path: `data/grows.txt at ${grown.slice(0, 12)}`, reason: expect.stringMatching(/larger than the 1000-byte limit/) }]);
  });

  test('a file with its first NUL past byte 8,000 is text, as git diffs it: its added lines are scanned', async () => {
    const r = repo();
    r.commit('one', { 'b.py': 'v = 1\n' });
    const padded = `v = 1\n${'#'.repeat(8000 - 6)}\0\nkey = "${fake.mbd('past-8000')}"\n`;
    const two = r.commit('two', { 'b.py': padded });
    const report = await history(r.dir);
    expect(report.findings.map(where)).toEqual([`b.py:3:8@${two.slice(0, 7)}`]);
  });

  test("the first commit's files are scanned even with log.showRoot=false in the user's git config", async () => {
    const r = repo();
    const first = r.commit('first', { 'app.env': `KEY=${fake.mbd('root')}\n` });
    r.git('config', 'log.showRoot', 'false');
    const report = await history(r.dir);
    expect(report.findings.map(where)).toEqual([`app.env:1:5@${first.slice(0, 7)}`]);
  });

  test('binary blobs are not scanned as text', async () => {
    const r = repo();
    r.write('img.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0, 0, 1]), Buffer.from(`K=${fake.mbd('bin')}`)]));
    r.commit('binary');
    const report = await history(r.dir);
    expect(report.findings).toEqual([]);
    expect(report.stats.commits).toBe(1);
  });

  test('a file that turns from binary into text is read whole at that commit', async () => {
    const r = repo();
    r.write('blob.dat', Buffer.from([0x89, 0x50, 0, 0, 1, 2, 3]));
    r.commit('binary');
    const key = fake.mbd('was-binary');
    const text = r.commit('now text', { 'blob.dat': `header\nKEY=${key}\n` });
    const report = await history(r.dir);
    expect(report.findings.map(where)).toEqual([`blob.dat:2:5@${text.slice(0, 7)}`]);
  });

  test('an edit of a file last written before --base diffs against that version, read from git', async () => {
    const r = repo();
    const old = fake.mbd('old-side');
    r.commit('old', { 'deploy/app.env': `A=1\nOLD=${old}\n` });
    const base = r.commit('unrelated', { 'README.md': 'hi\n' });
    const fresh = fake.openai('new-side');
    const edit = r.commit('edit', { 'deploy/app.env': `A=2\nOLD=${old}\nNEW=${fresh}\n` });
    const report = await history(r.dir, '--base', base);
    expect(report.findings.map(where)).toEqual([`deploy/app.env:3:5@${edit.slice(0, 7)}`]);
  });

  test('scanning a subfolder reads only its history, with paths relative to it', async () => {
    const r = repo();
    const c = r.commit('two apps', { 'apps/api/.env': `K=${fake.mbd('api')}\n`, 'apps/web/.env': `K=${fake.mbd('web')}\n` });
    r.commit('root only', { 'README.md': 'hi\n' });
    const report = await history(`${r.dir}/apps/api`);
    expect(report.findings.map(where)).toEqual([`.env:1:3@${c.slice(0, 7)}`]);
    expect(report.stats.commits).toBe(1);
  });

  test('an inline-ignored secret is listed once as suppressed, not once per later version of its file', async () => {
    const r = repo();
    const key = fake.mbd('quiet');
    r.commit('ignored', { 'ops/x.env': `K=${key} # moltguard:ignore moltbotden-live-api-key -- rotated test key\nA=1\n` });
    r.commit('edit', { 'ops/x.env': `K=${key} # moltguard:ignore moltbotden-live-api-key -- rotated test key\nA=2\n` });
    r.commit('edit again', { 'ops/x.env': `K=${key} # moltguard:ignore moltbotden-live-api-key -- rotated test key\nA=3\n` });
    const report = await history(r.dir);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toHaveLength(1);
  });

  test('paths with spaces, tabs, newlines and non-ASCII names keep their names', async () => {
    const r = repo();
    const names = ['dir with space/a b.env', 'tab\there.env', 'new\nline.env', 'weïrd/ключ.env'];
    const files = Object.fromEntries(names.map((n, i) => [n, `K=${fake.mbd(`name${i}`)}\n`]));
    r.commit('odd names', files);
    const report = await history(r.dir);
    expect(report.findings.map((f) => f.path).sort()).toEqual([...names].sort());
  });

  test('--format github annotates a history finding on its file, naming the commit, not a line of the checkout', async () => {
    const r = repo();
    const key = fake.mbd('gh');
    const added = r.commit('add', { 'app.env': `A=1\nK=${key}\n` });
    r.commit('remove', { 'app.env': 'A=1\n' });
    const run = await cli('scan', r.dir, '--mode', 'history', '--format', 'github');
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^::error file=app\.env,title=moltguard critical%3A moltbotden-live-api-key::.* Added in commit /)]);
    expect(run.stdout).toContain(`Added in commit ${added.slice(0, 12)} (app.env:2)`);
    expect(run.stdout).not.toContain(key);
  });

  test('an unknown --base is a one-line usage error, exit 2', async () => {
    const r = repo();
    r.commit('x', { 'a.txt': 'a\n' });
    const run = await cli('scan', r.dir, '--mode', 'history', '--base', 'no-such-ref');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/unknown git ref "no-such-ref"/);
  });
});

describe('scanHistory', () => {
  const job = async (dir: string) => {
    const range = await resolveHistory({ root: dir });
    return {
      root: dir,
      commands: (await historyCommands(dir, range))!,
      include: () => true,
      maxFileSize: 1 << 20,
      detectors: { secrets: new SecretEngine(loadBuiltinRules().rules), configs: [] },
      concurrency: 1,
      describe: () => '',
    };
  };

  test('a failing git log fails the scan, naming git and its complaint: history is never silently unscanned', async () => {
    const r = repo();
    r.commit('one', { 'a.env': 'A=1\n' });
    const good = await job(r.dir);
    await expect(scanHistory({ ...good, commands: { ...good.commands, revs: ['rev-list', 'no-such-rev'] } })).rejects.toThrow(/^git rev-list failed in .*: fatal: ambiguous argument 'no-such-rev'/);
    await expect(scanHistory({ ...good, commands: { ...good.commands, diff: ['diff-tree', '--stdin', '--no-such-option'] } })).rejects.toThrow(/^git diff-tree failed in .*: usage: git diff-tree/);
    await expect(scanHistory(good)).resolves.toMatchObject({ stats: { commits: 1 } });
  });

  test('a modified file whose new version is missing from the clone is listed as skipped, not passed over', async () => {
    const r = repo();
    r.commit('one', { 'a.env': 'A=1\n' });
    const two = r.commit('two', { 'a.env': `A=1\nKEY=${fake.mbd('gone')}\n` });
    const blob = r.git('rev-parse', `${two}:a.env`).trim();
    rmSync(join(r.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const result = await scanHistory(await job(r.dir));
    expect(result.findings).toEqual([]);
    expect(result.stats.skipped).toEqual([{ path: `a.env at ${two.slice(0, 12)}`, reason: 'blob missing from this clone' }]);
  });
});

describe('readRawLog', () => {
  const mark = COMMIT_MARK;
  const zero = '0'.repeat(40);
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  const stream = [
    `${mark}c1\u0002Dev <d@x>\u00022026-01-01T00:00:00Z\0`,
    `\n:000000 100644 ${zero} ${a} A\0new.env\0`,
    `:100644 100644 ${a} ${b} M\0\nodd name\0`,
    `:100644 000000 ${b} ${zero} D\0gone.env\0`,
    `:000000 160000 ${zero} ${a} A\0submodule\0`,
    `${mark}c2\u0002Dev <d@x>\u00022026-01-02T00:00:00Z\0`,
    `${mark}c3\u0002Dev <d@x>\u00022026-01-03T00:00:00Z\0\n:100644 100755 ${a} ${b} M\0é.sh\0`,
  ].join('');

  const parse = async (chunks: Buffer[]) => {
    const out: string[] = [];
    for await (const batch of readRawLog(Readable.from(chunks))) for (const item of batch) {
      if ('path' in item) {
        const c = item as BlobChange;
        out.push(`${c.commit.commit} ${c.path} ${c.blob[0]}${c.before ? ` from ${c.before[0]}` : ''}`);
      } else out.push(`commit ${(item as CommitInfo).commit}`);
    }
    return out;
  };

  test('reads commits and the blobs they wrote, skipping deletions and submodules, however the bytes are chunked', async () => {
    const bytes = Buffer.from(stream);
    const expected = ['commit c1', 'c1 new.env a', 'c1 \nodd name b from a', 'commit c2', 'commit c3', 'c3 é.sh b from a'];
    expect(await parse([bytes])).toEqual(expected);
    for (const size of [1, 3, 7, 41, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await parse(chunks)).toEqual(expected);
    }
  });
});

describe('BlobReader', () => {
  test('answers requests in order, says when a blob is missing, and reads past blobs over the limit', async () => {
    const r = repo();
    r.commit('blobs', { 'small.txt': 'small\n', 'big.txt': 'B'.repeat(300_000), 'empty.txt': '' });
    const small = r.git('rev-parse', 'HEAD:small.txt').trim();
    const big = r.git('rev-parse', 'HEAD:big.txt').trim();
    const empty = r.git('rev-parse', 'HEAD:empty.txt').trim();
    const reader = new BlobReader(r.dir);
    try {
      for (const oid of [empty, big, small, 'f'.repeat(40), big, small]) reader.request(oid);
      expect(await reader.read(100)).toEqual({ bytes: Buffer.alloc(0), size: 0, missing: false });
      const bigRead = await reader.read(1_000_000);
      expect(bigRead.bytes?.length).toBe(300_000);
      expect(bigRead.bytes?.every((c) => c === 66)).toBe(true);
      expect((await reader.read(100))?.bytes?.toString()).toBe('small\n');
      expect(await reader.read(100)).toEqual({ size: 0, missing: true });
      expect(await reader.read(1000)).toEqual({ size: 300_000, missing: false });
      expect((await reader.read(100))?.bytes?.toString()).toBe('small\n');
    } finally {
      reader.close();
    }
  });
  test('a git that cannot start fails the read with a one-line reason, not a crash', async () => {
    const reader = new BlobReader('/nonexistent/moltguard-no-such-dir');
    reader.request('f'.repeat(40));
    await expect(reader.read(100)).rejects.toThrow(/^git cat-file could not start in \/nonexistent\/moltguard-no-such-dir: spawn git ENOENT/);
    reader.close();
  });
});

describe('SeenBlobs', () => {
  const oid = (i: number) => i.toString(16).padStart(8, '0').repeat(5);

  test('tells a pair seen before from a new one, by context too', () => {
    const seen = new SeenBlobs();
    expect(seen.checkAndAdd(0, oid(1))).toBe(false);
    expect(seen.checkAndAdd(0, oid(1))).toBe(true);
    expect(seen.checkAndAdd(1, oid(1))).toBe(false);
    expect(seen.checkAndAdd(0, oid(2))).toBe(false);
    expect(seen.checkAndAdd(1, oid(2))).toBe(false);
    expect(seen.checkAndAdd(1, oid(2))).toBe(true);
  });

  test('when full it forgets (a rescan), and never claims a new pair was seen', () => {
    const seen = new SeenBlobs();
    let claimed = 0;
    for (let i = 0; i < 300_000; i++) if (seen.checkAndAdd(0, oid(i))) claimed++;
    expect(claimed).toBe(0);
    // The latest ones are still remembered.
    expect(seen.checkAndAdd(0, oid(299_999))).toBe(true);
  });
});
