import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWorkTree } from './git.js';
import { gitUnreadableFolders, walkFolder, type Listing } from './folder-walk.js';
import { LARGE_FILE, largeFileUnits } from './large.js';
import { utf16Text } from './utf16.js';
import { asciiOnly, decode, looksBinary } from './bytes.js';
import { newStats, type Skipped, type ReadLimits, type SourceStats, type ScanUnit, type Source } from '../model/unit.js';

export interface TreeOptions {
  root: string;
  /** Drops paths before anything is read (config ignores). */
  include: ReadLimits['include'];
  /** In git, also list the files git ignores (`--include-ignored`). */
  includeIgnored?: boolean;
}


/**
 * The paths a tree scan covers, sorted, after the config's path filter: in git, tracked and
 * untracked-but-not-ignored files; elsewhere, every file. `skipped` lists what could not be
 * listed or must not be opened (unreadable folders, FIFOs, sockets, devices).
 */
export async function listTree(opts: TreeOptions): Promise<{ paths: string[]; skipped: Skipped[] }> {
  const all = (await isWorkTree(opts.root)) ? await gitTreePaths(opts.root, opts.includeIgnored) : await walkFolder(opts.root);
  return { paths: all.paths.filter(opts.include).sort(), skipped: all.skipped.filter((s) => opts.include(s.path)) };
}

/**
 * Reads the given files under `root` (a worker gets a batch; `allPaths` is the whole tree, for
 * config checks that look up an Include or a drop-in).
 */
export function fileSource(root: string, paths: readonly string[], limits: FileLimits, allPaths: readonly string[] = paths): Source {
  const stats = newStats();
  const opts = { root, maxFileSize: limits.maxFileSize, keepBinary: limits.keepBinary };
  return {
    stats,
    paths: () => allPaths,
    describe: () => `working tree (${stats.files} files)`,
    read(path) {
      return readRegular(join(root, path));
    },
    async *units(): AsyncGenerator<ScanUnit> {
      // One file at a time: reads are synchronous, so reading ahead would only hold more
      // files in memory at once.
      for (const path of paths) {
        const unit = readOne(opts, path, stats);
        if (unit && 'large' in unit) yield* readLarge(unit, stats);
        else if (unit) yield unit;
      }
    },
  };
}

async function gitTreePaths(root: string, includeIgnored = false): Promise<Listing> {
  // Tracked files (deleted ones are dropped at read time) plus untracked ones git does not ignore.
  // Run from the root, git lists paths relative to it. Its stderr names the folders it could not open.
  const { stdout, stderr } = await promisify(execFile)('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', '--others', ...(includeIgnored ? [] : ['--exclude-standard']), '.'], {
    cwd: root,
    // The environment this module sees, as simple-git passes it to the other git calls.
    env: process.env,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  return { paths: [...new Set(stdout.split('\0').filter(Boolean))], skipped: gitUnreadableFolders(stderr) };
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

type FileLimits = Pick<ReadLimits, 'maxFileSize' | 'keepBinary'>;

function readOne(opts: FileLimits & { root: string }, path: string, stats: SourceStats): ScanUnit | Large | undefined {
  const full = join(opts.root, path);
  try {
    // O_NOFOLLOW refuses a symbolic link in the open itself (ELOOP), so no lstat is needed:
    // one open, one fstat, one read per file. Synchronous on purpose: each worker thread reads
    // its own batch, and the async API's round trips cost more than the reads.
    let fd: number;
    try {
      // Windows has no O_NOFOLLOW: there, ask first.
      if (constants.O_NOFOLLOW === undefined && lstatSync(full).isSymbolicLink()) throw Object.assign(new Error('symlink'), { code: 'ELOOP' });
      // O_NONBLOCK: a tracked file replaced by a FIFO in the work tree must not block the open.
      fd = openSync(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') {
        stats.skipped.push({ path, reason: 'symbolic link (not followed)' });
        return undefined;
      }
      throw e;
    }
    let buf: Buffer;
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) {
        // A folder is a submodule's checkout (git lists its path): not content of this repository.
        if (!info.isDirectory()) stats.skipped.push({ path, reason: 'not a regular file: not read' });
        return undefined;
      }
      if (info.size > opts.maxFileSize) {
        stats.skipped.push({ path, reason: `larger than the ${opts.maxFileSize}-byte limit (${info.size} bytes)` });
        return undefined;
      }
      if (info.size > LARGE_FILE) return { large: full, path, size: info.size };
      buf = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    const wide = utf16Text(buf);
    if (wide !== undefined) {
      stats.files++;
      stats.bytes += buf.length;
      return { path, text: wide, wholeFile: true };
    }
    if (looksBinary(buf)) {
      // A binary file some detector judges by its presence (a key store) is handed over empty.
      if (opts.keepBinary(path)) {
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

/** Another file of the tree for a config check (an Include, a drop-in): regular files only, so a FIFO cannot block it. */
function readRegular(full: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = readFileSync(fd);
    return utf16Text(buf) ?? decode(buf);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
