import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_EDITS, NO_LINES, addedLines, hashLines, pickLines } from '../../src/sources/history/line-diff.js';
import { LineCache } from '../../src/sources/history/line-cache.js';

const lines = (text: string) => hashLines(Buffer.from(text));
const added = (before: string, after: string) => addedLines(lines(before), lines(after));

/** Length of a longest common subsequence, by the textbook table: the reference for minimality. */
function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[b.length];
}

/** True when `sub` can be read off `seq` in order. */
function isSubsequence(sub: string[], seq: string[]): boolean {
  let at = 0;
  for (const s of seq) if (at < sub.length && sub[at] === s) at++;
  return at === sub.length;
}

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('hashLines', () => {
  test('finds every line, with or without a final newline, and where each starts', () => {
    expect(lines('').count).toBe(0);
    expect(lines('a').count).toBe(1);
    expect(lines('a\n').count).toBe(1);
    expect(lines('a\n\nb').count).toBe(3);
    const text = 'one\r\ntwo\n\nfour';
    const h = lines(text);
    expect(h.count).toBe(4);
    expect([...h.starts]).toEqual([0, 5, 9, 10, 14]);
  });

  test('equal lines hash equal wherever they sit; any one changed byte changes the hash', () => {
    const h = lines('same\nsame\nsamf\nSame\nsame \n');
    const pair = (i: number) => `${h.hashes[2 * i]},${h.hashes[2 * i + 1]}`;
    expect(pair(0)).toBe(pair(1));
    expect(new Set([pair(0), pair(2), pair(3), pair(4)]).size).toBe(4);
  });

  test('its scratch space grows for files of many lines', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `line ${i}`).join('\n');
    const h = lines(text);
    expect(h.count).toBe(100_000);
    expect(h.starts[99_999]).toBe(text.lastIndexOf('\n') + 1);
  });
});

describe('addedLines', () => {
  test('an edit, an insertion, an append and a new file', () => {
    expect(added('a\nb\nc\n', 'a\nB\nc\n')).toEqual([1]);
    expect(added('a\nc\n', 'a\nb\nc\n')).toEqual([1]);
    expect(added('a\n', 'a\nb\nc\n')).toEqual([1, 2]);
    expect(addedLines(NO_LINES, lines('x\ny\n'))).toEqual([0, 1]);
    expect(added('a\nb\n', 'a\n')).toEqual([]);
    expect(added('same\n', 'same\n')).toEqual([]);
  });

  test('a last line without its newline differs from the same text with one, as in git', () => {
    expect(added('a', 'a\nb')).toEqual([0, 1]);
    expect(added('a\n', 'a\nb\n')).toEqual([1]);
    expect(added('a\nb', 'a\nb')).toEqual([]);
  });

  test('a line moved up is added where it now is; a duplicated line counts as added once more', () => {
    expect(added('a\nb\nc\nd\n', 'd\na\nb\nc\n')).toEqual([0]);
    expect(added('k\n', 'k\nk\n')).toEqual([1]);
  });

  test('on random edits: what is kept is in order in the old file, and nothing more than needed is added', () => {
    const next = random(7);
    const alphabet = ['x', 'y', 'z', '}', '', 'return 1;', 'let a = 2;'];
    for (let round = 0; round < 400; round++) {
      const before = Array.from({ length: next(40) }, () => alphabet[next(alphabet.length)]);
      const after = before.filter(() => next(5) > 0);
      for (let k = next(6); k > 0; k--) after.splice(next(after.length + 1), 0, alphabet[next(alphabet.length)]);
      const found = addedLines(lines(before.map((l) => `${l}\n`).join('')), lines(after.map((l) => `${l}\n`).join('')));
      const kept = after.filter((_, i) => !found.includes(i));
      expect(isSubsequence(kept, before)).toBe(true);
      expect(found.length).toBe(after.length - lcs(before, after));
      expect([...found].sort((a, b) => a - b)).toEqual(found);
    }
  });

  test('agrees with git diff on which lines a realistic edit added', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moltguard-linediff-'));
    try {
      const next = random(11);
      const source = Array.from({ length: 600 }, (_, i) => `  const v${i} = compute(${i}, "${'abcdefgh'.slice(0, 1 + (i % 8))}");`);
      for (let round = 0; round < 12; round++) {
        const after = [...source];
        for (let k = 0; k < 8; k++) {
          const i = next(after.length);
          if (k % 3 === 0) after.splice(i, 0, `  // added ${round}.${k}`);
          else if (k % 3 === 1) after[i] = `${after[i]} // edited ${round}`;
          else after.splice(i, 1);
        }
        // Every third round one side lacks its final newline, which git marks as a change.
        const oldEnd = round % 3 === 1 ? '' : '\n';
        const newEnd = round % 3 === 2 ? '' : '\n';
        writeFileSync(join(dir, 'old'), source.join('\n') + oldEnd);
        writeFileSync(join(dir, 'new'), after.join('\n') + newEnd);
        let patch = '';
        try {
          execFileSync('git', ['diff', '--no-index', '-U0', '--no-color', 'old', 'new'], { cwd: dir, encoding: 'utf8' });
        } catch (e) {
          patch = (e as { stdout: string }).stdout;
        }
        const fromGit: number[] = [];
        let line = 0;
        for (const l of patch.split('\n')) {
          const hunk = /^@@ -\S+ \+(\d+)/.exec(l);
          if (hunk) line = Number(hunk[1]);
          else if (l.startsWith('+') && !l.startsWith('+++')) fromGit.push(line++ - 1);
        }
        const ours = addedLines(lines(source.join('\n') + oldEnd), lines(after.join('\n') + newEnd));
        expect(fromGit.length).toBeGreaterThan(2);
        expect(ours).toEqual(fromGit);
        source.splice(0, source.length, ...after);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`past ${MAX_EDITS} edits everything between the common head and tail counts as added`, () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`);
    const after = ['keep', ...Array.from({ length: 3000 }, (_, i) => `new ${i}`), 'tail'];
    const found = addedLines(lines(['keep', ...before, 'tail'].join('\n')), lines(after.join('\n')));
    expect(found).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  });
});

describe('pickLines', () => {
  test('joins the chosen lines without their line ends and numbers them from 1', () => {
    const text = Buffer.from('a\r\nbb\nccc\nlast');
    const picked = pickLines(text, hashLines(text), [1, 3]);
    expect(picked.bytes.toString()).toBe('bb\nlast');
    expect(picked.lineNumbers).toEqual([2, 4]);
    expect(pickLines(text, hashLines(text), []).bytes.length).toBe(0);
  });
});

describe('LineCache', () => {
  const filled = (count: number) => ({ hashes: new Int32Array(2 * count), count });

  test('keeps versions within its line budget, dropping the oldest; a version taken leaves it', () => {
    const cache = new LineCache(100);
    for (const blob of ['a', 'b', 'c']) cache.fill(blob, cache.enter(blob), filled(40));
    expect(cache.take('a')).toBeUndefined();
    expect(cache.size()).toEqual({ versions: 2, lines: 80 });
    expect(cache.take('b')?.lines?.count).toBe(40);
    expect(cache.take('b')).toBeUndefined();
    expect(cache.size()).toEqual({ versions: 1, lines: 40 });
    cache.fill('d', cache.enter('d'), filled(40));
    cache.fill('e', cache.enter('e'), filled(40));
    expect(cache.take('c')).toBeUndefined();
    expect(cache.size().lines).toBeLessThanOrEqual(100);
  });

  test('bounds versions that never fill, and does not count a version it already dropped', () => {
    const cache = new LineCache(1000, 10);
    const early = cache.enter('early');
    for (let i = 0; i < 50; i++) cache.enter(`binary${i}`);
    expect(cache.size().versions).toBe(10);
    // A change still in flight keeps its version and fills it, though the cache let it go.
    cache.fill('early', early, filled(5));
    expect(early.lines?.count).toBe(5);
    expect(cache.size().lines).toBe(0);
  });
});
