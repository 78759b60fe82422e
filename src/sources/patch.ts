import type { Readable } from 'node:stream';

/**
 * A `git diff -U0` read as bytes, for the numbers of the lines each file gained (diff and staged
 * scans read the head version whole, and the action comments only on those lines). Lines are
 * found with indexOf and nothing is decoded but headers; one item per file patch.
 */
export interface FilePatch {
  path: string;
  /** The added lines' numbers in the new version. */
  lineNumbers: number[];
}

const NL = 10;
const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const AT = 64;
const BACKSLASH = 92;
const DIFF = Buffer.from('diff --git ');
const NEW_FILE = Buffer.from('+++ ');

export async function* readPatches(stdout: Readable): AsyncGenerator<FilePatch> {
  const parser = new BytePatchParser();
  let rest: Buffer | undefined;
  for await (const chunk of stdout as AsyncIterable<Buffer>) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    const end = buf.lastIndexOf(NL);
    if (end < 0) {
      rest = buf;
      continue;
    }
    parser.lines(buf, end + 1);
    rest = end + 1 < buf.length ? buf.subarray(end + 1) : undefined;
    yield* parser.drain();
  }
  if (rest) parser.lines(Buffer.concat([rest, Buffer.from('\n')]), rest.length + 1);
  parser.flush();
  yield* parser.drain();
}

class BytePatchParser {
  private out: FilePatch[] = [];
  private path: string | undefined;
  private numbers: number[] = [];
  private nextLine = 0;
  private inHunk = false;

  /** Parses every complete line of buf[0, end). */
  lines(buf: Buffer, end: number): void {
    let start = 0;
    while (start < end) {
      let nl = buf.indexOf(NL, start);
      if (nl < 0 || nl >= end) nl = end - 1;
      this.line(buf, start, nl);
      start = nl + 1;
    }
  }

  private line(buf: Buffer, start: number, end: number): void {
    const first = buf[start];
    if (this.inHunk) {
      if (first === PLUS) {
        this.numbers.push(this.nextLine++);
        return;
      }
      if (first === SPACE) {
        this.nextLine++;
        return;
      }
      if (first === MINUS || first === BACKSLASH) return;
      this.inHunk = false;
    }
    if (first === AT && buf[start + 1] === AT) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(buf.toString('latin1', start, Math.min(end, start + 80)));
      this.nextLine = m ? Number(m[1]) : 0;
      this.inHunk = !!m && this.path !== undefined;
      return;
    }
    if (startsWith(buf, start, end, DIFF)) {
      this.flush();
    } else if (startsWith(buf, start, end, NEW_FILE)) {
      this.flush();
      const target = buf.toString('utf8', start + NEW_FILE.length, end);
      this.path = target === '/dev/null' ? undefined : unquote(target).replace(/^b\//, '');
    }
  }

  flush(): void {
    if (this.path !== undefined && this.numbers.length) this.out.push({ path: this.path, lineNumbers: this.numbers });
    this.path = undefined;
    this.numbers = [];
    this.inHunk = false;
  }

  *drain(): Generator<FilePatch> {
    const ready = this.out;
    this.out = [];
    yield* ready;
  }
}

function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[start + i] !== prefix[i]) return false;
  return true;
}

/** Git C-quotes paths with unusual characters: "b/a\tb" -> b/a<TAB>b. */
export function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
