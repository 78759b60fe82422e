export interface CommitInfo {
  commit: string;
  author: string;
  date: string;
}

/** The marker `--format` puts before each commit. */
export const COMMIT_MARK = '\u0001commit ';
/** The `--format` of the history log: the mark, then sha, author and date. */
export const COMMIT_FORMAT = `--format=${COMMIT_MARK}%H%x02%an <%ae>%x02%aI`;

/** Reads a header COMMIT_FORMAT printed, from just after the mark. */
export function parseCommitHeader(text: string): CommitInfo {
  const [commit = '', author = '', date = ''] = text.split('\u0002');
  return { commit, author, date };
}

/**
 * `git log --raw -z` (with COMMIT_FORMAT): which blob each commit gave each path, without the
 * diffs. Inflating and diffing both sides of every change is most of what `git log -p` costs;
 * a history scan reads each blob once instead (see pipeline/history.ts).
 */
export interface BlobChange {
  commit: CommitInfo;
  path: string;
  /** The blob the commit wrote at `path`. */
  blob: string;
  /** The blob it replaced, for a modification; undefined when the path is new (or changed type). */
  before?: string;
}

const NUL = 0;
const NL = 10;
const COLON = 58;
/** The mark's first byte, which no path or name holds. */
const MARK = 1;
const GITLINK = '160000';

/**
 * Yields, for each chunk git writes, the commits (as CommitInfo) and the blob changes they made,
 * in git's order: a batch a chunk, since an await per item cost more than parsing it.
 */
export async function* readRawLog(stdout: AsyncIterable<Buffer>): AsyncGenerator<(CommitInfo | BlobChange)[]> {
  const parser = new RawLogParser();
  let rest: Buffer | undefined;
  for await (const chunk of stdout) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    const used = parser.fields(buf);
    rest = used < buf.length ? buf.subarray(used) : undefined;
    const batch = parser.drain();
    if (batch.length) yield batch;
  }
  if (rest?.length) parser.fields(Buffer.concat([rest, Buffer.from([NUL])]));
  const last = parser.drain();
  if (last.length) yield last;
}

class RawLogParser {
  private out: (CommitInfo | BlobChange)[] = [];
  private commit: CommitInfo | undefined;
  /** The `:mode mode sha sha status` field whose path is the next field. */
  private pending: string[] | undefined;

  /** Consumes every complete NUL-ended field of `buf`; returns how many bytes it used. */
  fields(buf: Buffer): number {
    let start = 0;
    for (let end = buf.indexOf(NUL, start); end >= 0; end = buf.indexOf(NUL, start)) {
      this.field(buf, start, end);
      start = end + 1;
    }
    return start;
  }

  drain(): (CommitInfo | BlobChange)[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private field(buf: Buffer, start: number, end: number): void {
    if (this.pending) {
      // A path: taken verbatim, whatever bytes it starts with.
      const [, newMode, before, blob, status] = this.pending;
      this.pending = undefined;
      if (!this.commit || status === 'D' || newMode === GITLINK || /^0+$/.test(blob)) return;
      const path = buf.toString('utf8', start, end);
      // A type change (file to symlink) is read whole, like a new file.
      this.out.push({ commit: this.commit, path, blob, before: status === 'M' && !/^0+$/.test(before) ? before : undefined });
      return;
    }
    // git puts a newline between a commit's header and its first change.
    if (buf[start] === NL) start++;
    if (buf[start] === MARK) {
      this.commit = parseCommitHeader(buf.toString('utf8', start + COMMIT_MARK.length, end));
      this.out.push(this.commit);
    } else if (buf[start] === COLON) {
      this.pending = buf.toString('latin1', start + 1, end).split(' ');
    }
  }
}
