import { isAscii } from 'node:buffer';

/** What a source hands the detectors: text and where it came from, never a file handle. */
export interface ScanUnit {
  /** Relative to the scanned root, forward slashes. */
  path: string;
  text: string;
  /**
   * For patch texts (history's modified files): the real line number of each line of `text`. Absent when
   * `text` is the whole file.
   */
  lineNumbers?: readonly number[];
  /** For diff and staged scans: the lines the change added; findings elsewhere are dropped. */
  changedLines?: ReadonlySet<number>;
  /** The file's bytes when they are all ASCII (offsets then equal the text's): a faster keyword search. */
  asciiBytes?: Uint8Array;
  /**
   * A window of a large file: its first line is file line `lineOffset + 1`, starting at file
   * column `columnOffset + 1`; it reports only detections that start in [ownFrom, ownTo).
   */
  chunk?: { lineOffset: number; columnOffset: number; ownFrom: number; ownTo: number };
  /** Whether config checks see this unit (whole files only: a patch is not a config). */
  wholeFile: boolean;
  commit?: string;
  author?: string;
  date?: string;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface SourceStats {
  files: number;
  bytes: number;
  commits: number;
  skipped: Skipped[];
}

export interface Source {
  units(): AsyncIterable<ScanUnit>;
  /** The head version of another file of the scan, for cross-file config semantics. */
  read(path: string): string | undefined;
  paths(): readonly string[];
  readonly stats: SourceStats;
  /** The commits a diff or history scan covers, resolved to shas. */
  readonly range?: { base?: string; head: string };
  /** What was scanned, in words, for logs and summaries ("tree of 41 files"). */
  describe(): string;
}

/** Path order, for lists that must read the same in every run (reads finish out of order). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function newStats(): SourceStats {
  return { files: 0, bytes: 0, commits: 0, skipped: [] };
}

/** The bytes, when every one is ASCII, for the engine's byte-level keyword search. */
export function asciiOnly(buf: Buffer): Uint8Array | undefined {
  return isAscii(buf) ? buf : undefined;
}

/** Git prints UTF-8; a lone BOM at the start is not content. */
export function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Binary files that are findings by their mere presence (PKCS#12 and Java key stores): sources
 * hand them to the detectors with empty text instead of skipping them.
 */
export const KEYSTORE_NAME = /\.(p12|pfx|jks|keystore|bcfks)$/i;

export function looksBinary(buf: Buffer): boolean {
  // git's own test (a NUL in the first 8,000 bytes): a file git diffs as text is scanned as text.
  const end = Math.min(buf.length, 8000);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return true;
  return false;
}
