import type { Finding } from './finding.js';
import type { ConfigContext } from './configs/rule.js';
import { detectUnit, sortFindings, type Detectors, type ScanResult, type Suppressed } from './scan.js';
import { contextKey } from './secrets/context.js';
import { BlobReader } from './sources/blob-reader.js';
import { once } from 'node:events';
import { gitFailure, gitStream, spawnGit } from './sources/git.js';
import type { HistoryCommands } from './sources/history.js';
import { readPatches, type CommitInfo } from './sources/patch.js';
import { readRawLog, type BlobChange } from './sources/raw-log.js';
import { SeenBlobs } from './sources/seen-blobs.js';
import { asciiOnly, decode, looksBinary, newStats, type ScanUnit } from './sources/unit.js';

export interface HistoryScanJob {
  root: string;
  /** Undefined for a range without commits. */
  commands?: HistoryCommands;
  include: (path: string) => boolean;
  maxFileSize: number;
  detectors: Detectors;
  /** How many `git diff-tree -p` processes run at once (the cores to use). */
  concurrency: number;
  describe: (commits: number) => string;
  range?: { base?: string; head: string };
}

/** How many blobs git inflates ahead of the scan. */
const READ_AHEAD = 64;
const NO_CONFIGS: ConfigContext = { read: () => undefined, paths: () => [] };

/** A commit and its place in the history, oldest first. */
interface Placed {
  sha: string;
  seq: number;
}

/**
 * Secrets in every line any commit added, each reported once, at the oldest commit that added it.
 *
 * `git log -p` spends its time printing new files line by line and diffing modified ones, on
 * one core. Here `git log --raw` lists the blob each commit wrote; a new file is read whole
 * through `git cat-file --batch`, once per content (a copy, a re-add or a revert of a file
 * already scanned is skipped), and only commits that modify files go to `git diff-tree -p`,
 * one process per core. Each finding carries its commit's place in the history; the oldest
 * wins whatever order the processes answer in, so the report does not depend on how many run.
 */
export async function scanHistory(job: HistoryScanJob): Promise<ScanResult> {
  const started = Date.now();
  const stats = newStats();
  const kept = new Oldest<Finding>((f) => f);
  const quiet = new Oldest<Suppressed>((s) => s.finding);

  const scanUnit = (unit: ScanUnit, seq: number, size: number) => {
    stats.files++;
    stats.bytes += size;
    const result = detectUnit(unit, job.detectors, NO_CONFIGS);
    for (const f of result.findings) kept.offer(f, seq);
    for (const s of result.suppressed) quiet.offer(s, seq);
  };

  if (job.commands) {
    const patches = new PatchStreams(job, scanUnit);
    try {
      await scanLog(job, job.commands.log, stats, patches, scanUnit);
      await patches.done();
    } finally {
      patches.stop();
    }
  }
  return {
    findings: sortFindings(kept.values()),
    suppressed: quiet.values(),
    stats: { ...stats, durationMs: Date.now() - started },
    scanned: job.describe(stats.commits),
    range: job.range,
  };
}

/** Walks `git log --raw`: new blobs are scanned here, modifying commits handed to the patch runner. */
async function scanLog(
  job: HistoryScanJob,
  args: string[],
  stats: ReturnType<typeof newStats>,
  patches: PatchStreams,
  scanUnit: (unit: ScanUnit, seq: number, size: number) => void,
): Promise<void> {
  const reader = new BlobReader(job.root);
  const seen = new SeenBlobs();
  // What a path changes about detection, numbered: there are a handful of distinct answers.
  const contexts = new Map<string, number>();
  const queue: { change: BlobChange; seq: number }[] = [];
  let current: Placed | undefined;
  let modifies = false;

  const scanNext = async () => {
    const { change, seq } = queue.shift()!;
    const blob = await reader.read(job.maxFileSize);
    const skip = (reason: string) => void stats.skipped.push({ path: `${change.path} at ${change.commit.commit.slice(0, 12)}`, reason });
    if (blob.missing) return skip('blob missing from this clone');
    if (!blob.bytes) return skip(`larger than the ${job.maxFileSize}-byte limit (${blob.size} bytes)`);
    if (looksBinary(blob.bytes)) return;
    scanUnit(unitOf(change.path, change.commit, blob.bytes), seq, blob.size);
  };

  try {
    for await (const item of gitStream(job.root, args, readRawLog)) {
      if (!('path' in item)) {
        if (current && modifies) await patches.add(current);
        current = { sha: item.commit, seq: stats.commits++ };
        modifies = false;
        continue;
      }
      if (!job.include(item.path)) continue;
      if (item.before) {
        modifies = true;
        continue;
      }
      const ctx = contextKey(item.path);
      let code = contexts.get(ctx);
      if (code === undefined) contexts.set(ctx, (code = contexts.size));
      if (seen.checkAndAdd(code, item.blob)) continue;
      reader.request(item.blob);
      queue.push({ change: item, seq: current!.seq });
      if (queue.length >= READ_AHEAD) await scanNext();
    }
    if (current && modifies) await patches.add(current);
    while (queue.length) await scanNext();
  } finally {
    reader.close();
  }
}

/**
 * `concurrency` long-lived `git diff-tree --stdin -p` processes: each modifying commit goes to
 * the next one in turn, so git's diffing runs on every core, and each file's added lines are
 * scanned as they stream back. One process per core, not one per batch: a fresh git
 * re-inflates what the last one had cached, and 78 batches of 256 commits took 8.7 s where
 * one process took 5.2 s.
 */
class PatchStreams {
  private readonly streams: PatchStream[];
  private next = 0;

  constructor(job: HistoryScanJob, scan: (unit: ScanUnit, seq: number, size: number) => void) {
    const count = job.concurrency;
    this.streams = Array.from({ length: count }, () => new PatchStream(job, scan));
  }

  /** Hands a commit to the next process; waits while that one has a backlog (memory stays flat). */
  async add(commit: Placed): Promise<void> {
    const stream = this.streams[this.next++ % this.streams.length];
    await stream.add(commit);
  }

  /** Closes their input and waits for every process; throws git's complaint if one failed. */
  async done(): Promise<void> {
    for (const s of this.streams) s.end();
    await Promise.all(this.streams.map((s) => s.finished));
  }

  stop(): void {
    for (const s of this.streams) s.stop();
  }
}

class PatchStream {
  readonly finished: Promise<void>;
  private readonly proc;
  /** Commits written and not yet answered, oldest first; git answers in the same order. */
  private readonly fifo: Placed[] = [];

  constructor(
    private readonly job: HistoryScanJob,
    private readonly scan: (unit: ScanUnit, seq: number, size: number) => void,
  ) {
    this.proc = spawnGit(job.root, job.commands!.patches);
    this.proc.child.stdin.on('error', () => undefined);
    const exited = new Promise<number | null>((resolve, reject) => {
      this.proc.child.on('error', reject);
      this.proc.child.on('close', resolve);
    });
    this.finished = this.read().then(async () => {
      const code = await exited;
      if (code !== 0) throw gitFailure(job.root, 'diff-tree', this.proc.stderr(), code);
    });
    // Failures surface from done(); until then nothing may go unhandled.
    this.finished.catch(() => undefined);
  }

  async add(commit: Placed): Promise<void> {
    this.fifo.push(commit);
    if (this.proc.child.stdin.write(`${commit.sha}\n`)) return;
    await Promise.race([once(this.proc.child.stdin, 'drain'), this.finished]);
  }

  end(): void {
    this.proc.child.stdin.end();
  }

  stop(): void {
    if (this.proc.child.exitCode === null) this.proc.child.kill();
  }

  private async read(): Promise<void> {
    let current: Placed | undefined;
    for await (const item of readPatches(this.proc.child.stdout)) {
      if (!('path' in item)) {
        // Commits without a textual change print nothing: skip past them.
        while (this.fifo.length && this.fifo[0].sha !== item.commit) this.fifo.shift();
        current = this.fifo.shift();
        continue;
      }
      if (!current || !item.commit || !this.job.include(item.path)) continue;
      this.scan({ ...unitOf(item.path, item.commit, item.bytes), lineNumbers: item.lineNumbers }, current.seq, item.bytes.length);
    }
  }
}

function unitOf(path: string, commit: CommitInfo, bytes: Buffer): ScanUnit {
  return { path, text: decode(bytes), asciiBytes: asciiOnly(bytes), wholeFile: false, commit: commit.commit, author: commit.author, date: commit.date };
}

/**
 * Keeps, for each leak, the finding at the oldest commit (then the first place in it), as
 * findings arrive in any order.
 */
class Oldest<T> {
  private readonly best = new Map<string, { item: T; seq: number }>();

  constructor(private readonly finding: (item: T) => Finding) {}

  offer(item: T, seq: number): void {
    const key = historyKey(this.finding(item));
    const held = this.best.get(key);
    if (!held || order(seq, this.finding(item), held.seq, this.finding(held.item)) < 0) this.best.set(key, { item, seq });
  }

  /** Oldest commit first, then by place: the same order however the processes answered. */
  values(): T[] {
    return [...this.best.values()].sort((a, b) => order(a.seq, this.finding(a.item), b.seq, this.finding(b.item))).map((e) => e.item);
  }
}

function order(seqA: number, a: Finding, seqB: number, b: Finding): number {
  if (seqA !== seqB) return seqA - seqB;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  const ka = historyKey(a);
  const kb = historyKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * What makes two findings the same leak across commits: the secret itself, or for findings
 * without one (a bare ignore comment) the rule, file and line text.
 */
function historyKey(f: Finding): string {
  return f.secretHash ? `${f.ruleId}\0${f.secretHash}` : `${f.ruleId}\0${f.fingerprint}\0${f.snippet}`;
}
