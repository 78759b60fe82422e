import { Readable } from 'node:stream';
import { readPatches } from '../../src/sources/patch.js';

/** A git diff -U0 stream, fed in chunks cut at every possible size, parses the same. */
const LOG = [
  'diff --git a/app.env b/app.env',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/app.env',
  '@@ -0,0 +1,2 @@',
  '+KEY=one',
  '+++looks like a header but is an added line',
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
  for await (const p of readPatches(Readable.from(parts))) out.push({ path: p.path, lines: p.lineNumbers });
  return out;
}

test('every chunking gives the same patches, with file line numbers', async () => {
  const expected = [
    // "+++looks like…" is an added line, not a file header: the hunk still counts it.
    { path: 'app.env', lines: [1, 2] },
    { path: 'app.env', lines: [10, 11] },
    { path: 'weérd\tname', lines: [1] },
  ];
  expect(await parse(1 << 16)).toEqual(expected);
  for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(await parse(size)).toEqual(expected);
});
