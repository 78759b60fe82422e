/**
 * The lines a new version of a file added to the old one, found from line hashes, so that a
 * history scan reads each blob once and never asks git to diff. `git diff-tree -p` inflates both
 * sides of every change and diffs them in C; on a history of edits to large files that was 90%
 * of the scan, and every version was inflated twice (as the new side, then as the old side of
 * the next change). Here a version's hashes are kept until the next change of it arrives.
 *
 * Work arrays are module scratch, grown and reused: the history scan calls this for every blob,
 * and a fresh typed array per call made V8 sweep array buffers in a full GC every 50 ms.
 */
export interface LineHashes {
  /** Two independent 32-bit hashes per line, side by side: a false match needs both to collide. */
  readonly hashes: Int32Array;
  readonly count: number;
}

export interface HashedLines extends LineHashes {
  /** Where each line starts, plus the end: a view of scratch space, valid until the next hashLines. */
  readonly starts: Int32Array;
}

const NL = 10;

export const NO_LINES: LineHashes = { hashes: new Int32Array(0), count: 0 };

let scratchHashes: Int32Array = new Int32Array(1 << 14);
let scratchStarts: Int32Array = new Int32Array(1 << 13);

/** Hashes every line of `bytes`; a final newline ends the last line rather than starting an empty one. */
export function hashLines(bytes: Buffer): HashedLines {
  const size = bytes.length;
  let hashes = scratchHashes;
  let starts = scratchStarts;
  let a = 0x811c9dc5 | 0;
  let b = 0;
  let line = 0;
  // One tight loop over the bytes: a JS call per line (indexOf, compare) costs more than this.
  // Literals, not named constants: the bundle turns those into module variables, which V8
  // reloads on every byte (3.4 ns a byte instead of 2).
  for (let i = 0; i < size; i++) {
    const c = bytes[i];
    if (c === 10) {
      if (line + 2 >= starts.length) ({ hashes, starts } = grow(hashes, starts));
      hashes[2 * line] = a;
      hashes[2 * line + 1] = b;
      starts[++line] = i + 1;
      a = 0x811c9dc5 | 0;
      b = 0;
      continue;
    }
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(((b ^ c) + 0x9e3779b9) | 0, 0x5bd1e995);
  }
  if (size > 0 && bytes[size - 1] !== NL) {
    if (line + 2 >= starts.length) ({ hashes, starts } = grow(hashes, starts));
    // A last line without its newline is another line to git ("\ No newline at end of file"):
    // appending to it re-adds it, and a secret on it is reported then, as git log -p shows it.
    hashes[2 * line] = a;
    hashes[2 * line + 1] = b ^ 0x4e4f454f;
    starts[++line] = size;
  }
  starts[0] = 0;
  scratchHashes = hashes;
  scratchStarts = starts;
  return { hashes: hashes.slice(0, 2 * line), count: line, starts: starts.subarray(0, line + 1) };
}

function grow(hashes: Int32Array, starts: Int32Array): { hashes: Int32Array; starts: Int32Array } {
  const h = new Int32Array(hashes.length * 2);
  h.set(hashes);
  const s = new Int32Array(starts.length * 2);
  s.set(starts);
  return { hashes: h, starts: s };
}

/**
 * Beyond this many inserted and deleted lines the diff is not worth its cost (the trace grows
 * with its square): everything between the common head and tail counts as added. Scanning a
 * line that was not really added costs time, never a miss: the older copy wins (see Oldest).
 */
export const MAX_EDITS = 1000;

let scratchTrace: Int32Array = new Int32Array(1 << 12);

/**
 * Indices, ascending, of the lines of `now` that a shortest edit script from `old` inserts
 * (Myers' O(ND) algorithm, after trimming the common head and tail).
 */
export function addedLines(old: LineHashes, now: LineHashes): number[] {
  const x0 = old.hashes;
  const y0 = now.hashes;
  const same = (i: number, j: number) => x0[2 * i] === y0[2 * j] && x0[2 * i + 1] === y0[2 * j + 1];
  let head = 0;
  const limit = Math.min(old.count, now.count);
  while (head < limit && same(head, head)) head++;
  let tail = 0;
  while (tail < limit - head && same(old.count - 1 - tail, now.count - 1 - tail)) tail++;
  const n = old.count - head - tail;
  const m = now.count - head - tail;
  if (m === 0) return [];
  if (n === 0) return range(head, m);
  const max = Math.min(n + m, MAX_EDITS);
  // The trace holds, for each step d, the furthest x on diagonals -d-1 .. d+1 before that step
  // (what backtracking reads), at offset d*d + 2d; its last row is the live one.
  for (let d = 0; d <= max; d++) {
    const row = d * d + 2 * d;
    const next = row + 2 * d + 3;
    if (next + 2 * d + 5 > scratchTrace.length) {
      const t = new Int32Array(Math.max(scratchTrace.length * 2, next + 2 * d + 5));
      t.set(scratchTrace.subarray(0, next));
      scratchTrace = t;
    }
    const trace = scratchTrace;
    // Row d holds diagonal k at row + k + d + 1; row d+1 (being filled) at next + k + d + 2.
    // Step d reads only the diagonals step d-1 wrote (and, at the edges, none): scratch left
    // over from an earlier call is never used.
    if (d === 0) trace[row + 2] = 0;
    for (let k = -d; k <= d; k += 2) {
      const left = trace[row + k - 1 + d + 1];
      const right = trace[row + k + 1 + d + 1];
      let x = k === -d || (k !== d && left < right) ? right : left + 1;
      let y = x - k;
      while (x < n && y < m && same(head + x, head + y)) {
        x++;
        y++;
      }
      trace[next + k + d + 2] = x;
      if (x >= n && y >= m) return inserted(trace, d, n, m, head);
    }
  }
  return range(head, m);
}

/** Walks the trace back from step `last` and collects the lines each downward step inserted. */
function inserted(trace: Int32Array, last: number, n: number, m: number, head: number): number[] {
  const out: number[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const row = d * d + 2 * d;
    const at = (k: number) => trace[row + k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevX = down ? at(k + 1) : at(k - 1);
    const prevY = prevX - (down ? k + 1 : k - 1);
    if (down) out.push(head + prevY);
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/** The chosen lines of `bytes`, joined with newlines, and their 1-based numbers: what a patch's added lines give. */
export function pickLines(bytes: Buffer, lines: HashedLines, indices: readonly number[]): { bytes: Buffer; lineNumbers: number[] } {
  const { starts } = lines;
  const ends = indices.map((i) => (starts[i + 1] > starts[i] && bytes[starts[i + 1] - 1] === NL ? starts[i + 1] - 1 : starts[i + 1]));
  let size = Math.max(0, indices.length - 1);
  indices.forEach((i, n) => (size += ends[n] - starts[i]));
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  indices.forEach((i, n) => {
    if (n > 0) out[at++] = NL;
    at += bytes.copy(out, at, starts[i], ends[n]);
  });
  return { bytes: out, lineNumbers: indices.map((i) => i + 1) };
}
