import { lstat, open, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitPaths, isWorkTree } from './git.js';
import { LARGE_FILE, largeFileUnits } from './large.js';
import { KEYSTORE_NAME, asciiOnly, decode, looksBinary, newStats, type SourceStats, type ScanUnit, type Source } from './unit.js';

export interface TreeOptions {
  root: string;
  maxFileSize: number;
  /** Drops paths before anything is read (config ignores). */
  include: (path: string) => boolean;
}

/** Reads in parallel but yields in path order, so output is the same on every run. */
const READ_AHEAD = 16;

/**
 * The paths a tree scan covers, sorted, after the config's path filter: in git, tracked and
 * untracked-but-not-ignored files; elsewhere, every file.
 */
export async function listTree(opts: TreeOptions): Promise<string[]> {
  const all = (await isWorkTree(opts.root)) ? await gitTreePaths(opts.root) : await walk(opts.root);
  return all.filter(opts.include).sort();
}

/**
 * Reads the given files under `root` (a worker gets a batch; `allPaths` is the whole tree, for
 * config checks that look up an Include or a drop-in).
 */
export function fileSource(root: string, paths: readonly string[], maxFileSize: number, allPaths: readonly string[] = paths): Source {
  const stats = newStats();
  const opts = { root, maxFileSize };
  return {
    stats,
    paths: () => allPaths,
    describe: () => `working tree (${stats.files} files)`,
    read(path) {
      try {
        return decode(readFileSync(join(root, path)));
      } catch {
        return undefined;
      }
    },
    async *units(): AsyncGenerator<ScanUnit> {
      const pending: Promise<ScanUnit | Large | undefined>[] = [];
      let next = 0;
      const fill = () => {
        while (pending.length < READ_AHEAD && next < paths.length) pending.push(readOne(opts, paths[next++], stats));
      };
      fill();
      while (pending.length) {
        const unit = await pending.shift()!;
        fill();
        if (unit && 'large' in unit) yield* readLarge(unit, stats);
        else if (unit) yield unit;
      }
    },
  };
}

async function gitTreePaths(root: string): Promise<string[]> {
  // Tracked files (deleted ones are dropped at read time) plus untracked ones git does not ignore.
  // Run from the root, git lists paths relative to it.
  const listed = await gitPaths(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '.']);
  return [...new Set(listed)];
}

async function walk(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== '.git') out.push(...(await walk(root, path)));
    } else {
      // Files and symlinks alike: readOne refuses to follow a link and says so.
      out.push(path);
    }
  }
  return out;
}

/** A file too large to read whole: scanned in windows, after the smaller files ahead of it. */
interface Large {
  large: string;
  path: string;
  size: number;
}

async function* readLarge(file: Large, stats: SourceStats): AsyncGenerator<ScanUnit> {
  try {
    for await (const unit of largeFileUnits(file.large, file.path, file.size)) {
      if (unit === 'binary') {
        stats.skipped.push({ path: file.path, reason: 'binary' });
        return;
      }
      yield unit;
    }
    stats.files++;
    stats.bytes += file.size;
  } catch (e) {
    stats.skipped.push({ path: file.path, reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
  }
}

async function readOne(opts: { root: string; maxFileSize: number }, path: string, stats: SourceStats): Promise<ScanUnit | Large | undefined> {
  const full = join(opts.root, path);
  try {
    const info = await lstat(full);
    if (info.isSymbolicLink()) {
      stats.skipped.push({ path, reason: 'symbolic link (not followed)' });
      return undefined;
    }
    if (!info.isFile()) return undefined;
    if (info.size > opts.maxFileSize) {
      stats.skipped.push({ path, reason: `larger than the ${opts.maxFileSize}-byte limit (${info.size} bytes)` });
      return undefined;
    }
    if (info.size > LARGE_FILE) return { large: full, path, size: info.size };
    const handle = await open(full, 'r');
    let buf: Buffer;
    try {
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (looksBinary(buf)) {
      // A binary key store is a finding in itself: the keystore check sees its name.
      if (KEYSTORE_NAME.test(path)) {
        stats.files++;
        stats.bytes += buf.length;
        return { path, text: '', wholeFile: true };
      }
      stats.skipped.push({ path, reason: 'binary' });
      return undefined;
    }
    stats.files++;
    stats.bytes += buf.length;
    return { path, text: decode(buf), asciiBytes: asciiOnly(buf), wholeFile: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A tracked file deleted in the work tree is not there to scan: not a failure.
    if (code === 'ENOENT') return undefined;
    stats.skipped.push({ path, reason: `unreadable (${code ?? (e as Error).message})` });
    return undefined;
  }
}
