import { Readable } from 'node:stream';
import { COMMIT_MARK, readPatches, type BytePatch, type CommitInfo } from '../../src/sources/patch.js';

/** A git log -p -U0 stream, fed in chunks cut at every possible size, parses the same. */
const LOG = [
  `${COMMIT_MARK}aaaa\u0002Dev <d@x>\u00022026-01-01T00:00:00Z`,
  '',
  'diff --git a/app.env b/app.env',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/app.env',
  '@@ -0,0 +1,2 @@',
  '+KEY=one',
  '+++looks like a header but is an added line',
  `${COMMIT_MARK}bbbb\u0002Dev <d@x>\u00022026-01-02T00:00:00Z`,
  '',
  'diff --git a/app.env b/app.env',
  '--- a/app.env',
  '+++ b/app.env',
  '@@ -1 +1,0 @@',
  '-KEY=one',
  '@@ -5,0 +10,2 @@',
  '+ten',
  '+eleven\r',
  '\\ No newline at end of file',
  'diff --git "a/we\\303\\251rd\\tname" "b/we\\303\\251rd\\tname"',
  '+++ "b/we\\303\\251rd\\tname"',
  '@@ -0,0 +1 @@',
  '+é',
  'diff --git a/gone.txt b/gone.txt',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-bye',
  'Binary files a/x.bin and b/x.bin differ',
].join('\n');

async function parse(chunk: number): Promise<unknown[]> {
  const buf = Buffer.from(LOG);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk));
  const out: unknown[] = [];
  for await (const item of readPatches(Readable.from(parts))) {
    if ('path' in item) {
      const p = item as BytePatch;
      out.push({ path: p.path, text: p.bytes.toString('utf8'), lines: p.lineNumbers, commit: p.commit?.commit });
    } else out.push((item as CommitInfo).commit);
  }
  return out;
}

test('every chunking gives the same patches, with file line numbers', async () => {
  const expected = [
    'aaaa',
    { path: 'app.env', text: 'KEY=one\n++looks like a header but is an added line', lines: [1, 2], commit: 'aaaa' },
    'bbbb',
    { path: 'app.env', text: 'ten\neleven\r', lines: [10, 11], commit: 'bbbb' },
    { path: 'weérd\tname', text: 'é', lines: [1], commit: 'bbbb' },
  ];
  expect(await parse(1 << 16)).toEqual(expected);
  for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(await parse(size)).toEqual(expected);
});
