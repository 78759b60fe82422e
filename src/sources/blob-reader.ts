import { gitFailure, spawnGit } from './git.js';

export interface BlobRead {
  /** The blob's content; undefined when it is larger than the caller's limit or missing. */
  bytes?: Buffer;
  size: number;
  missing: boolean;
}

const NL = 10;

/**
 * One `git cat-file --batch` process. Requests are written ahead and answers read back in the
 * same order, so git inflates the next blobs while the caller scans this one.
 */
export class BlobReader {
  private readonly proc;
  private readonly chunks: AsyncIterator<Buffer>;
  private buf: Buffer = Buffer.alloc(0);
  private closed = false;

  constructor(private readonly dir: string) {
    this.proc = spawnGit(dir, ['cat-file', '--batch']);
    this.proc.child.stdin.on('error', () => undefined);
    this.chunks = (this.proc.child.stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  request(oid: string): void {
    this.proc.child.stdin.write(`${oid}\n`);
  }

  /** The answer to the oldest unanswered request; content beyond `limit` bytes is read past, not kept. */
  async read(limit: number): Promise<BlobRead> {
    let nl = this.buf.indexOf(NL);
    while (nl < 0) {
      await this.more();
      nl = this.buf.indexOf(NL);
    }
    const header = this.buf.toString('latin1', 0, nl).split(' ');
    this.buf = this.buf.subarray(nl + 1);
    if (header[1] === 'missing' || header.length < 3) return { size: 0, missing: true };
    const size = Number(header[2]);
    const keep = size <= limit;
    const parts: Buffer[] = [];
    let left = size + 1; // git ends each blob with a newline of its own
    while (left > 0) {
      if (!this.buf.length) await this.more();
      const take = Math.min(left, this.buf.length);
      if (keep) parts.push(this.buf.subarray(0, take));
      this.buf = this.buf.subarray(take);
      left -= take;
    }
    if (!keep) return { size, missing: false };
    const whole = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    return { bytes: whole.subarray(0, size), size, missing: false };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.proc.child.stdin.end();
    if (this.proc.child.exitCode === null) this.proc.child.kill();
  }

  private async more(): Promise<void> {
    const next = await this.chunks.next();
    if (next.done) {
      const code = this.proc.child.exitCode;
      throw gitFailure(this.dir, 'cat-file', this.proc.stderr(), code);
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
  }
}
