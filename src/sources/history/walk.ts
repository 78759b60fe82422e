import { asciiOnly, decode, looksBinary } from '../bytes.js';
import { utf16Text } from '../utf16.js';
import type { ScanUnit, SourceStats } from '../../model/unit.js';
import { BlobReader } from './blob-reader.js';
import { segmentedLog, type LogCommands } from './commit-log.js';
import { LineCache, type Version } from './line-cache.js';
import { addedLines, hashLines, pickLines } from './line-diff.js';
import { readRawLog, type BlobChange, type CommitInfo } from './raw-log.js';
import { SeenBlobs } from './seen-blobs.js';
import type { HistoryBudgets } from './budgets.js';

export interface HistoryWalk {
  root: string;
  /** The git commands that list the commits and their blobs (range.ts). */
  log: LogCommands;
  include: (path: string) => boolean;
  maxFileSize: number;
  /** How many `git cat-file --batch` processes inflate blobs at once. */
  concurrency: number;
  /**
   * What a path changes about detection, as a short key: a blob already scanned under a path
   * of the same key is not scanned again (a copy, a re-add or a revert could only repeat what
   * was reported at an older commit). The detectors' business, so the caller's to say.
   */
  pathKey: (path: string) => string;
  /** Smaller tables than the defaults (budgets.ts): the report is the same, only slower. */
  budgets?: Partial<HistoryBudgets>;
}

/** A unit of history: what one commit added to one file, its place in the log (oldest first), and its size. */
export type HistoryVisit = (unit: ScanUnit, seq: number, size: number) => void;

/** How many blobs git inflates ahead of the scan. */
const READ_AHEAD = 64;

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
 * file is handed out whole, once per content and path key; a modified one only in the lines it
 * added, found by diffing line hashes against the old version's (line-diff.ts), which the
 * previous change of the file left cached. Counts commits and files in `stats`.
 */
export async function walkHistory(job: HistoryWalk, stats: SourceStats, visit: HistoryVisit): Promise<void> {
  const readers = Array.from({ length: Math.max(1, job.concurrency) }, () => new BlobReader(job.root));
  const seen = new SeenBlobs(job.budgets?.seenSlots);
  const cache = new LineCache(job.budgets?.cacheLines, job.budgets?.cacheVersions);
  // Path keys, numbered: there are a handful of distinct answers.
  const keys = new Map<string, number>();
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
        return visit({ path: change.path, text: wide, wholeFile: false, commit, author, date }, seq, blob.size);
      }
    }
    if (looksBinary(bytes)) return;
    const whole = () => visit(unitOf(change.path, change.commit, bytes), seq, blob.size);
    if (!item.version) return whole();
    const lines = hashLines(bytes);
    cache.fill(change.blob, item.version, lines);
    // An old side that could not be read (binary, too large, missing): all of it is new.
    if (!old) return whole();
    const added = pickLines(bytes, lines, addedLines(old, lines));
    if (!added.lineNumbers.length) return;
    // The whole version is in hand until the next read: decoded only if a finding asks for it.
    let live = true;
    let decoded: string | undefined;
    const wholeText = () => (live ? (decoded ??= decode(bytes)) : undefined);
    visit({ ...unitOf(change.path, change.commit, added.bytes), lineNumbers: added.lineNumbers, wholeText, ...shebangOf(bytes) }, seq, added.bytes.length);
    live = false;
  };

  try {
    for await (const batch of readRawLog(segmentedLog(job.root, job.log, job.budgets?.segmentCommits, job.budgets?.chunkCommits))) {
      for (const item of batch) {
        if (!('path' in item)) {
          seq = stats.commits++;
          continue;
        }
        if (!job.include(item.path)) continue;
        if (!item.before) {
          const key = job.pathKey(item.path);
          let code = keys.get(key);
          if (code === undefined) keys.set(key, (code = keys.size));
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

/** A script's `#!` line: an extensionless file's language, which its patches do not show. */
function shebangOf(bytes: Buffer): { shebang?: string } {
  if (bytes[0] !== 0x23 || bytes[1] !== 0x21) return {};
  const nl = bytes.indexOf(10);
  return { shebang: bytes.toString('latin1', 0, Math.min(nl < 0 ? bytes.length : nl, 120)) };
}
