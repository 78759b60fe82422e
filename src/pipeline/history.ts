import type { Finding } from '../model/finding.js';
import type { ConfigContext } from '../configs/rule.js';
import { detectUnit, sortFindings, type Detectors, type ScanResult, type Suppressed } from './detect.js';
import { contextKey } from '../secrets/context.js';
import { BlobReader } from '../sources/history/blob-reader.js';
import { gitStream } from '../sources/git.js';
import type { HistoryCommands } from '../sources/history/range.js';
import { LineCache, type Version } from '../sources/history/line-cache.js';
import { addedLines, hashLines, pickLines } from '../sources/history/line-diff.js';
import { readRawLog, type BlobChange, type CommitInfo } from '../sources/history/raw-log.js';
import { SeenBlobs } from '../sources/history/seen-blobs.js';
import { asciiOnly, decode, looksBinary, newStats, type ScanUnit } from '../model/unit.js';
import { utf16Text } from '../sources/utf16.js';

export interface HistoryScanJob {
  root: string;
  /** Undefined for a range without commits. */
  commands?: HistoryCommands;
  include: (path: string) => boolean;
  maxFileSize: number;
  detectors: Detectors;
  /** How many `git cat-file --batch` processes inflate blobs at once. */
  concurrency: number;
  describe: (commits: number) => string;
  range?: { base?: string; head: string };
}

/** How many blobs git inflates ahead of the scan. */
const READ_AHEAD = 64;
const NO_CONFIGS: ConfigContext = { read: () => undefined, paths: () => [] };

type ScanOne = (unit: ScanUnit, seq: number, size: number) => void;

/**
 * Secrets in every line any commit added, each reported once, at the oldest commit that added it.
 *
 * `git log -p` spends its time inflating both sides of every change, diffing them, and printing
 * new files line by line, on one core. Here `git log --raw` lists the blob each commit wrote and
 * each blob is inflated once (see scanLog), while git lists the next commits. Each finding
 * carries its commit's place in the history and the oldest wins, so the report does not depend
 * on how many readers run.
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
    await scanLog(job, job.commands.log, stats, scanUnit);
  }
  return {
    findings: sortFindings(kept.values()),
    suppressed: quiet.values(),
    stats: { ...stats, durationMs: Date.now() - started },
    scanned: job.describe(stats.commits),
    range: job.range,
  };
}

/** A change waiting for its blobs, in log order. */
interface Pending {
  change: BlobChange;
  seq: number;
  reader: BlobReader;
  /** The version a modification writes (none for a new file); its line hashes are kept for the file's next change. */
  version?: Version;
  /** A modification's old side, when an earlier change entered it; else it is read first. */
  old?: Version;
}

/**
 * Walks `git log --raw`: every blob a commit wrote is read through `git cat-file --batch`. A new
 * file is scanned whole, once per content (a copy, a re-add or a revert of a file already
 * scanned is skipped); a modified one only in the lines it added, found by diffing line hashes
 * against the old version's (line-diff.ts), which the previous change of the file left cached.
 */
async function scanLog(job: HistoryScanJob, args: string[], stats: ReturnType<typeof newStats>, scanUnit: ScanOne): Promise<void> {
  const readers = Array.from({ length: Math.max(1, job.concurrency) }, () => new BlobReader(job.root));
  const seen = new SeenBlobs();
  const cache = new LineCache();
  // What a path changes about detection, numbered: there are a handful of distinct answers.
  const contexts = new Map<string, number>();
  const queue: Pending[] = [];
  // The current commit's place in the history, oldest first.
  let seq = -1;

  const scanNext = async () => {
    const item = queue.shift()!;
    const { change, seq, reader } = item;
    const skip = (reason: string) => void stats.skipped.push({ path: `${change.path} at ${change.commit.commit.slice(0, 12)}`, reason });
    let old = item.old?.lines;
    if (change.before && !item.old) {
      const before = await reader.read(job.maxFileSize);
      if (before.bytes && !looksBinary(before.bytes)) old = hashLines(before.bytes);
    }
    const blob = await reader.read(job.maxFileSize);
    if (blob.missing) return skip('blob missing from this clone');
    if (!blob.bytes) return skip(`larger than the ${job.maxFileSize}-byte limit (${blob.size} bytes)`);
    const bytes = blob.bytes;
    // Two byte compares on the fast path; a UTF-16 version is scanned whole (its lines are not
    // hashed as bytes), and the first-commit dedup keeps one finding per secret.
    if (bytes[0] === 0xff || bytes[0] === 0xfe) {
      const wide = utf16Text(bytes);
      if (wide !== undefined) {
        const { commit, author, date } = change.commit;
        return scanUnit({ path: change.path, text: wide, wholeFile: false, commit, author, date }, seq, blob.size);
      }
    }
    if (looksBinary(bytes)) return;
    const whole = () => scanUnit(unitOf(change.path, change.commit, bytes), seq, blob.size);
    if (!item.version) return whole();
    const lines = hashLines(bytes);
    cache.fill(change.blob, item.version, lines);
    // An old side that could not be read (binary, too large, missing): all of it is new.
    if (!old) return whole();
    const added = pickLines(bytes, lines, addedLines(old, lines));
    if (added.lineNumbers.length) scanUnit({ ...unitOf(change.path, change.commit, added.bytes), lineNumbers: added.lineNumbers }, seq, added.bytes.length);
  };

  try {
    for await (const batch of gitStream(job.root, args, readRawLog)) {
      for (const item of batch) {
        if (!('path' in item)) {
          seq = stats.commits++;
          continue;
        }
        if (!job.include(item.path)) continue;
        if (!item.before) {
          const ctx = contextKey(item.path);
          let code = contexts.get(ctx);
          if (code === undefined) contexts.set(ctx, (code = contexts.size));
          if (seen.checkAndAdd(code, item.blob)) continue;
        }
        // Both sides of a change come from one reader, so they answer in the order asked; all
        // versions of a file from the same one, whose cache of delta bases may still hold them.
        const reader = readers[pathHash(item.path) % readers.length];
        const old = item.before ? cache.take(item.before) : undefined;
        if (item.before && !old) reader.request(item.before);
        reader.request(item.blob);
        // Only a modification's version is kept: most new files are never edited, and the
        // first edit of one reads its old side from git.
        queue.push({ change: item, seq, reader, version: item.before ? cache.enter(item.blob) : undefined, old });
        // Scanned in bursts, so that the next requests reach git together.
        if (queue.length >= READ_AHEAD) while (queue.length > READ_AHEAD / 2) await scanNext();
      }
    }
    while (queue.length) await scanNext();
  } finally {
    for (const r of readers) r.close();
  }
}

function pathHash(path: string): number {
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (Math.imul(h, 31) + path.charCodeAt(i)) | 0;
  return h >>> 0;
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
