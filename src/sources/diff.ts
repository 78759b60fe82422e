import { defaultBase, gitObjectIds, gitPaths, gitStream, hasCommits, isWorkTree, resolveCommit, showBlob } from './git.js';
import { readPatches } from './patch.js';
import { asciiOnly, decode, looksBinary } from './bytes.js';
import { newStats, type ReadLimits, type ScanUnit, type Source } from '../model/unit.js';
import { UsageError } from '../model/errors.js';
import { utf16Changes } from './utf16-diff.js';
import { utf16Text } from './utf16.js';
import { BlobReader, type BlobRead } from './history/blob-reader.js';

export interface DiffOptions extends ReadLimits {
  root: string;
  base?: string;
  head?: string;
  /** Staged mode: the index against HEAD, for pre-commit hooks. */
  staged?: boolean;
}

/**
 * What a change adds: whole head versions of the changed files, with the added lines marked,
 * so config checks see the file as the program will and only new problems are reported.
 */
export async function diffSource(opts: DiffOptions): Promise<Source> {
  if (!(await isWorkTree(opts.root))) {
    throw new UsageError(`${opts.root} is not inside a git repository; --mode ${opts.staged ? 'staged' : 'diff'} needs one`);
  }
  const range = await resolveRange(opts);
  // Only the added lines' numbers are kept: the scan reads the whole head version.
  const patches = new Map<string, number[]>();
  for await (const patch of gitStream(opts.root, range.diffArgs, readPatches)) {
    if (opts.include(patch.path)) patches.set(patch.path, patch.lineNumbers);
  }
  // Binary files have no hunks; those a detector judges by their presence are scanned all the same.
  // UTF-16 text is binary to git too: those changes are read below, decoded, and compared by line.
  const binaries: string[] = [];
  for (const path of await gitPaths(opts.root, range.namesArgs)) {
    if (!opts.include(path) || patches.has(path)) continue;
    if (opts.keepBinary(path)) patches.set(path, [1]);
    else binaries.push(path);
  }
  const headIds = await gitObjectIds(opts.root, range.head.listArgs);
  const headPaths = [...headIds.keys()];
  // A path without an id (a submodule, or not in the head at all) is named the slow way and
  // answers as missing, as it did before.
  const headName = (path: string): string => headIds.get(path) ?? `${range.head.spec}${path}`;
  const stats = newStats();
  const read = (path: string): Buffer | undefined => showBlob(opts.root, headName(path));
  return {
    stats,
    range: range.range,
    paths: () => headPaths,
    describe: () => `${range.label} (${stats.files} changed files)`,
    read: (path) => {
      const buf = read(path);
      return buf ? (utf16Text(buf) ?? decode(buf)) : undefined;
    },
    async *units(): AsyncGenerator<ScanUnit> {
      const changed = [...patches].sort(([a], [b]) => (a < b ? -1 : 1));
      // One `git cat-file --batch` for every head version: a git process per changed file made
      // a commit of 5,000 new files take 28 s (history mode, which reads them this way: 2.9 s).
      const reader = new BlobReader(opts.root);
      try {
        let asked = 0;
        for (let i = 0; i < changed.length; i++) {
          for (; asked < changed.length && asked < i + READ_AHEAD; asked++) if (inBatch(changed[asked][0])) reader.request(headName(changed[asked][0]));
          const [path, lineNumbers] = changed[i];
          const blob = inBatch(path) ? await reader.read(opts.maxFileSize) : blobOf(read(path), opts.maxFileSize);
          if (blob.missing) {
            stats.skipped.push({ path, reason: 'unreadable in the head version' });
            continue;
          }
          if (!blob.bytes) {
            stats.skipped.push({ path, reason: `larger than the ${opts.maxFileSize}-byte limit (${blob.size} bytes)` });
            continue;
          }
          // The reader reuses its buffer for the next blob; the unit keeps its bytes.
          const buf = Buffer.from(blob.bytes);
          if (looksBinary(buf)) {
            if (opts.keepBinary(path)) yield { path, text: '', wholeFile: true, changedLines: new Set([1]) };
            else stats.skipped.push({ path, reason: 'binary' });
            continue;
          }
          stats.files++;
          stats.bytes += buf.length;
          yield { path, text: decode(buf), asciiBytes: asciiOnly(buf), wholeFile: true, changedLines: new Set(lineNumbers) };
        }
      } finally {
        reader.close();
      }
      const base = range.base;
      const baseIds = binaries.length && base ? await gitObjectIds(opts.root, base.listArgs) : new Map<string, string>();
      const names = binaries.map((path) => ({
        path,
        head: headName(path),
        base: base ? (baseIds.get(path) ?? `${base.spec}${path}`) : undefined,
      }));
      for await (const unit of utf16Changes(opts.root, names, opts.maxFileSize)) {
        stats.files++;
        stats.bytes += unit.text.length * 2;
        yield unit;
      }
    },
  };
}

/** Head versions asked of git ahead of the one being scanned, so git inflates while we scan. */
const READ_AHEAD = 64;

/** `git cat-file --batch` reads one name per line: a path holding a newline is read on its own. */
function inBatch(path: string): boolean {
  return !path.includes('\n');
}

function blobOf(buf: Buffer | undefined, limit: number): BlobRead {
  if (!buf) return { size: 0, missing: true };
  return buf.length <= limit ? { bytes: buf, size: buf.length, missing: false } : { size: buf.length, missing: false };
}

/** One side of the change: how to list its files with object ids, and how to name a path in it. */
interface Side {
  listArgs: string[];
  /** Prefix of a `git cat-file` name for a path that has no id: `sha:./` or `:./` for the index. */
  spec: string;
}

/** A commit's side; both facts come from the one revision so they cannot disagree. */
function commitSide(rev: string): Side {
  return { listArgs: ['ls-tree', '-r', '-z', rev, '.'], spec: `${rev}:./` };
}

const INDEX_SIDE: Side = { listArgs: ['ls-files', '-z', '--cached', '--stage', '.'], spec: ':./' };

interface Range {
  diffArgs: string[];
  /** The same change as NUL-separated names, binaries included. */
  namesArgs: string[];
  head: Side;
  /** Absent for staged changes in a repository without commits. */
  base?: Side;
  label: string;
  range?: { base: string; head: string };
}

const DIFF_FLAGS = ['-U0', '--relative', '--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--diff-filter=AMRC'];

async function resolveRange(opts: DiffOptions): Promise<Range> {
  const dir = opts.root;
  if (opts.staged) {
    const base = (await hasCommits(dir)) ? ['HEAD'] : [];
    return {
      diffArgs: ['diff', '--cached', ...DIFF_FLAGS, ...base, '--', '.'],
      namesArgs: ['diff', '--cached', '--name-only', '-z', '--relative', '--diff-filter=AMRC', ...base, '--', '.'],
      head: INDEX_SIDE,
      ...(base.length ? { base: commitSide('HEAD') } : {}),
      label: 'staged changes',
    };
  }
  const head = await resolveCommit(dir, opts.head ?? 'HEAD');
  const base = opts.base ? await resolveCommit(dir, opts.base) : await defaultBase(dir, head);
  return {
    diffArgs: ['diff', ...DIFF_FLAGS, base, head, '--', '.'],
    namesArgs: ['diff', '--name-only', '-z', '--relative', '--diff-filter=AMRC', base, head, '--', '.'],
    head: commitSide(head),
    base: commitSide(base),
    range: { base, head },
    label: `diff ${base.slice(0, 12)}..${head.slice(0, 12)}`,
  };
}
