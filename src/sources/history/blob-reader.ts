import { UsageError } from '../../model/errors.js';
import { gitFailure, spawnGit } from '../git.js';
import { GIT_MEMORY_BUDGET } from './commit-log.js';

export interface BlobRead {
  /**
   * The blob's content; undefined when it is larger than the caller's limit or missing. Valid
   * until the next read: it may live in a buffer the reader reuses.
   */
  bytes?: Buffer;
  size: number;
  missing: boolean;
}

const NL = 10;

/**
 * One `git cat-file --batch` process. Requests are written ahead and answers read back in the
 * same order, so git inflates the next blobs while the caller scans this one.
 *
 * A history scan pulls gigabytes through here. A blob that arrives in one chunk is handed out
 * as a view of it; one split over chunks is copied once into a reused buffer. Gluing chunks
 * together as they came (a fresh buffer each time) made V8 run a full GC every 40 ms.
 */
export class BlobReader {
  private readonly proc;
  private readonly chunks: AsyncIterator<Buffer>;
  /** Unread chunks from git, oldest first; the first is read from `at`. */
  private queue: Buffer[] = [];
  private at = 0;
  private arena = Buffer.alloc(0);
  private asked = '';
  private closed = false;

  constructor(private readonly dir: string) {
    this.proc = spawnGit(dir, [...GIT_MEMORY_BUDGET, 'cat-file', '--batch']);
    this.proc.child.stdin.on('error', () => undefined);
    // git that cannot start (not installed, no such folder) ends the output with the reason.
    this.proc.child.on('error', (e) => this.proc.child.stdout.destroy(new UsageError(`git cat-file could not start in ${dir}: ${e.message}`)));
    this.chunks = (this.proc.child.stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** Queues a request; requests go to git together, when the caller next waits for an answer. */
  request(oid: string): void {
    this.asked += `${oid}\n`;
  }

  /** The answer to the oldest unanswered request; content beyond `limit` bytes is read past, not kept. */
  async read(limit: number): Promise<BlobRead> {
    if (this.asked) {
      this.proc.child.stdin.write(this.asked);
      this.asked = '';
    }
    const header = (await this.take(await this.lineLength(), true)).toString('latin1').split(' ');
    await this.take(1, false);
    if (header[1] === 'missing' || header.length < 3) return { size: 0, missing: true };
    const size = Number(header[2]);
    const keep = size <= limit;
    const bytes = await this.take(size, keep);
    // git ends each blob with a newline of its own
    await this.take(1, false);
    return keep ? { bytes, size, missing: false } : { size, missing: false };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.proc.child.stdin.end();
    if (this.proc.child.exitCode === null) this.proc.child.kill();
  }

  /** How many bytes come before the next newline. */
  private async lineLength(): Promise<number> {
    let seen = 0;
    for (let i = 0; ; i++) {
      while (i >= this.queue.length) await this.more();
      const chunk = this.queue[i];
      const from = i === 0 ? this.at : 0;
      const nl = chunk.indexOf(NL, from);
      if (nl >= 0) return seen + nl - from;
      seen += chunk.length - from;
    }
  }

  /** Consumes `count` bytes; returns them when `keep` (a view when they sit in one chunk, else a copy in the arena). */
  private async take(count: number, keep: boolean): Promise<Buffer> {
    while (!this.queue.length) await this.more();
    const first = this.queue[0];
    if (this.at + count <= first.length) {
      const view = first.subarray(this.at, this.at + count);
      this.advance(count);
      return view;
    }
    if (keep && this.arena.length < count) this.arena = Buffer.allocUnsafe(Math.max(count, this.arena.length * 2));
    let done = 0;
    while (done < count) {
      while (!this.queue.length) await this.more();
      const chunk = this.queue[0];
      const n = Math.min(count - done, chunk.length - this.at);
      if (keep) chunk.copy(this.arena, done, this.at, this.at + n);
      done += n;
      this.advance(n);
    }
    return this.arena.subarray(0, keep ? count : 0);
  }

  private advance(n: number): void {
    this.at += n;
    if (this.at === this.queue[0].length) {
      this.queue.shift();
      this.at = 0;
    }
  }

  private async more(): Promise<void> {
    const next = await this.chunks.next();
    if (next.done) throw gitFailure(this.dir, 'cat-file', this.proc.stderr(), this.proc.child.exitCode);
    this.queue.push(next.value);
  }
}
