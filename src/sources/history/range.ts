import { hasCommits, isWorkTree, repoPrefix, resolveCommit } from '../git.js';
import { COMMIT_FORMAT } from './raw-log.js';
import type { LogCommands } from './commit-log.js';
import { UsageError } from '../../model/errors.js';

export interface HistoryOptions {
  root: string;
  base?: string;
  head?: string;
}

export interface HistoryRange {
  base?: string;
  head: string;
  /** `base..head`, or `head` for all of its history; empty for a repository without commits. */
  spec: string;
}

/**
 * `--raw -z` with the commit header pipeline/history.ts reads; renames are an add and a delete.
 * `--root`: a user's `log.showRoot=false` would otherwise hide the first commit's files.
 */
const RAW_FLAGS = ['--raw', '--root', '-z', '--no-abbrev', '--no-renames', '--no-color', COMMIT_FORMAT];

/** Limits git to the scanned folder when it is a subfolder; at the top a pathspec only costs git time (2x on `log --raw`). */
async function scope(root: string): Promise<{ relative: string[]; pathspec: string[] }> {
  return (await repoPrefix(root)) ? { relative: ['--relative'], pathspec: ['--', '.'] } : { relative: [], pathspec: [] };
}

export async function resolveHistory(opts: HistoryOptions): Promise<HistoryRange> {
  const dir = opts.root;
  if (!(await isWorkTree(dir))) throw new UsageError(`${dir} is not inside a git repository; --mode history needs one`);
  if (!(await hasCommits(dir)) && !opts.head) return { head: '', spec: '' };
  const head = await resolveCommit(dir, opts.head ?? 'HEAD');
  const base = opts.base ? await resolveCommit(dir, opts.base) : undefined;
  return { base, head, spec: base ? `${base}..${head}` : head };
}

/**
 * The git commands of a history scan (see pipeline/history.ts): every commit of the range,
 * oldest first, with the blobs it wrote (`--raw -z`), listed in segments (commit-log.ts); blobs
 * are then read with `git cat-file --batch`.
 */
export type HistoryCommands = LogCommands;

/** Undefined when the range has no commits. */
export async function historyCommands(root: string, range: HistoryRange): Promise<HistoryCommands | undefined> {
  if (!range.spec) return undefined;
  const { relative, pathspec } = await scope(root);
  return {
    revs: ['rev-list', '--reverse', '--no-merges'],
    head: range.head,
    exclude: range.base ? [`^${range.base}`] : [],
    pathspec,
    // --always: a commit that changed nothing still prints its header, as `git log` does.
    diff: ['diff-tree', '--stdin', '--always', '-r', ...RAW_FLAGS, ...relative, ...pathspec],
  };
}

export function describeHistory(range: HistoryRange, commits: number): string {
  return `history ${range.base ? `${range.base.slice(0, 12)}..` : ''}${range.head.slice(0, 12)} (${commits} commits)`;
}
