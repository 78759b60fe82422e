import type { LineHashes } from './line-diff.js';

/** A version's line hashes: empty until the scan reaches the change that wrote it. */
export interface Version {
  lines?: LineHashes;
}

/**
 * The line hashes of recent file versions, by blob id, so the next change of a file finds its
 * old side here instead of asking git for it again. A version is entered when a modification is
 * queued and filled when that change is scanned (in queue order, so before any later change of
 * the same file reads it). The oldest entries go when the total passes a fixed line budget: a
 * miss costs one more blob read, and memory is the same for any history length.
 */
export class LineCache {
  private readonly entries = new Map<string, Version>();
  private lines = 0;

  /** 8 bytes a line: 1M lines is 8 MiB (the bench's 300 large files take 0.75M). The entry cap bounds versions that never fill (binary, missing). */
  constructor(
    private readonly budget = 1 << 20,
    private readonly maxEntries = 1 << 14,
  ) {}

  /**
   * The version, which leaves the cache: the change that asks for it writes the file's next
   * version, so this one is superseded. (A second change from the same version, on another
   * branch, reads it from git again.)
   */
  take(blob: string): Version | undefined {
    const found = this.entries.get(blob);
    if (found) {
      this.entries.delete(blob);
      this.lines -= found.lines?.count ?? 0;
    }
    return found;
  }

  /** The entry for a version about to be read; fill() it once its lines are hashed. */
  enter(blob: string): Version {
    const held = this.entries.get(blob);
    if (held) return held;
    const version: Version = {};
    this.entries.set(blob, version);
    if (this.entries.size > this.maxEntries) this.evict();
    return version;
  }

  /** Gives the version its lines; they count against the budget only while the cache holds it. */
  fill(blob: string, version: Version, lines: LineHashes): void {
    if (version.lines) return;
    version.lines = { hashes: lines.hashes, count: lines.count };
    if (this.entries.get(blob) !== version) return;
    this.lines += lines.count;
    this.evict();
  }

  /** How many versions are held, and their lines. */
  size(): { versions: number; lines: number } {
    return { versions: this.entries.size, lines: this.lines };
  }

  private evict(): void {
    for (const [blob, old] of this.entries) {
      if (this.lines <= this.budget && this.entries.size <= this.maxEntries) break;
      this.entries.delete(blob);
      this.lines -= old.lines?.count ?? 0;
    }
  }
}
