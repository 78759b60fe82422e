import { defaultBase, gitPaths, gitStream, hasCommits, isWorkTree, resolveCommit, showBlob } from './git.js';
import { readPatches } from './patch.js';
import { asciiOnly, decode, looksBinary } from './bytes.js';
import { newStats, type ReadLimits, type ScanUnit, type Source } from '../model/unit.js';
import { UsageError } from '../model/errors.js';

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
  for (const path of await gitPaths(opts.root, range.namesArgs)) {
    if (opts.keepBinary(path) && opts.include(path) && !patches.has(path)) patches.set(path, [1]);
  }
  const headPaths = await gitPaths(opts.root, range.listArgs);
  const stats = newStats();
  const read = (path: string): Buffer | undefined => showBlob(opts.root, `${range.headSpec}${path}`);
  return {
    stats,
    range: range.range,
    paths: () => headPaths,
    describe: () => `${range.label} (${stats.files} changed files)`,
    read: (path) => {
      const buf = read(path);
      return buf ? decode(buf) : undefined;
    },
    async *units(): AsyncGenerator<ScanUnit> {
      for (const [path, lineNumbers] of [...patches].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const buf = read(path);
        if (!buf) {
          stats.skipped.push({ path, reason: 'unreadable in the head version' });
          continue;
        }
        if (buf.length > opts.maxFileSize) {
          stats.skipped.push({ path, reason: `larger than the ${opts.maxFileSize}-byte limit (${buf.length} bytes)` });
          continue;
        }
        if (looksBinary(buf)) {
          if (opts.keepBinary(path)) yield { path, text: '', wholeFile: true, changedLines: new Set([1]) };
          else stats.skipped.push({ path, reason: 'binary' });
          continue;
        }
        stats.files++;
        stats.bytes += buf.length;
        yield { path, text: decode(buf), asciiBytes: asciiOnly(buf), wholeFile: true, changedLines: new Set(lineNumbers) };
      }
    },
  };
}

interface Range {
  diffArgs: string[];
  /** The same change as NUL-separated names, binaries included. */
  namesArgs: string[];
  listArgs: string[];
  /** Prefix for `git cat-file blob` of a head path: `sha:` or `:` for the index. */
  headSpec: string;
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
      listArgs: ['ls-files', '-z', '--cached', '.'],
      headSpec: ':./',
      label: 'staged changes',
    };
  }
  const head = await resolveCommit(dir, opts.head ?? 'HEAD');
  const base = opts.base ? await resolveCommit(dir, opts.base) : await defaultBase(dir, head);
  return {
    diffArgs: ['diff', ...DIFF_FLAGS, base, head, '--', '.'],
    namesArgs: ['diff', '--name-only', '-z', '--relative', '--diff-filter=AMRC', base, head, '--', '.'],
    listArgs: ['ls-tree', '-r', '-z', '--name-only', head, '.'],
    headSpec: `${head}:./`,
    range: { base, head },
    label: `diff ${base.slice(0, 12)}..${head.slice(0, 12)}`,
  };
}
