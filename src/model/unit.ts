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
  /**
   * For patch texts: the whole version the patch was cut from, decoded on demand. A finding's
   * weight can depend on the block around it (an `EXAMPLES = '''` opener many lines up), which
   * the added lines alone do not hold. Findings are rare, so it is called for few units; it
   * answers undefined once the unit's visit is over (the bytes behind it are reused).
   */
  wholeText?: () => string | undefined;
  /** For patch texts: the version's `#!` line, if it has one (the language of a file with no extension). */
  shebang?: string;
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

/**
 * What bounds a scan's reading, resolved once from the config: which paths, how large, and which
 * binary files the detectors still want to see (with empty text, judged by their name).
 */
export interface ReadLimits {
  /** Drops paths before anything is read (the config's ignore and only globs). */
  include: (path: string) => boolean;
  maxFileSize: number;
  /** Binary files a detector judges by their presence (key stores); all others are skipped. */
  keepBinary: (path: string) => boolean;
}
