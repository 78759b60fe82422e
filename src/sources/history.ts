import { git, gitStream, hasCommits, isWorkTree, resolveCommit } from './git.js';
import { COMMIT_MARK, readPatches } from './patch.js';
import { asciiOnly, decode, newStats, type ScanUnit, type Source, type SourceStats } from './unit.js';
import { UsageError } from '../errors.js';

export interface HistoryOptions {
  root: string;
  base?: string;
  head?: string;
  include: (path: string) => boolean;
}

export interface HistoryRange {
  base?: string;
  head: string;
  /** `base..head`, or `head` for all of its history; empty for a repository without commits. */
  spec: string;
}

const PATCH_FLAGS = ['-p', '-U0', '--no-renames', '--relative', '--no-color', '--no-ext-diff', '--no-textconv', `--format=${COMMIT_MARK}%H%x02%an <%ae>%x02%aI`];

export async function resolveHistory(opts: Omit<HistoryOptions, 'include'>): Promise<HistoryRange> {
  const dir = opts.root;
  if (!(await isWorkTree(dir))) throw new UsageError(`${dir} is not inside a git repository; --mode history needs one`);
  if (!(await hasCommits(dir)) && !opts.head) return { head: '', spec: '' };
  const head = await resolveCommit(dir, opts.head ?? 'HEAD');
  const base = opts.base ? await resolveCommit(dir, opts.base) : undefined;
  return { base, head, spec: base ? `${base}..${head}` : head };
}

/**
 * Every line added by every commit, oldest first, so the first commit a secret is seen in
 * is the one that introduced it. Streamed: memory does not grow with history length.
 */
export async function historySource(opts: HistoryOptions): Promise<Source> {
  const range = await resolveHistory(opts);
  const args = ['log', '--reverse', '--no-merges', ...PATCH_FLAGS, range.spec, '--', '.'];
  return patchSource(opts.root, range, range.spec ? args : undefined, undefined, opts.include);
}

/** The commits of a range, oldest first, that touch the scanned folder (merges add nothing of their own). */
export async function listCommits(root: string, range: HistoryRange): Promise<string[]> {
  if (!range.spec) return [];
  const out = await git(root).raw(['rev-list', '--reverse', '--no-merges', range.spec, '--', '.']);
  return out.split('\n').filter(Boolean);
}

/** The patches of exactly these commits, in this order: one worker's share of a history. */
export function commitsSource(root: string, range: HistoryRange, commits: readonly string[], include: (path: string) => boolean): Source {
  const args = ['log', '--no-walk=unsorted', '--stdin', ...PATCH_FLAGS, '--', '.'];
  return patchSource(root, range, commits.length ? args : undefined, `${commits.join('\n')}\n`, include);
}

function patchSource(root: string, range: HistoryRange, args: string[] | undefined, stdin: string | undefined, include: (path: string) => boolean): Source {
  const stats = newStats();
  return {
    stats,
    range: range.spec ? { base: range.base, head: range.head } : undefined,
    paths: () => [],
    read: () => undefined,
    describe: () => `history ${range.base ? `${range.base.slice(0, 12)}..` : ''}${range.head.slice(0, 12)} (${stats.commits} commits)`,
    units: () => (args ? patchUnits(root, args, stdin, stats, include) : empty()),
  };
}

async function* empty(): AsyncGenerator<ScanUnit> {
  // A repository without commits has no history to scan.
}

async function* patchUnits(root: string, args: string[], stdin: string | undefined, stats: SourceStats, include: (path: string) => boolean): AsyncGenerator<ScanUnit> {
  for await (const item of gitStream(root, args, readPatches, stdin)) {
    if (!('path' in item)) {
      stats.commits++;
      continue;
    }
    if (!include(item.path)) continue;
    stats.files++;
    stats.bytes += item.bytes.length;
    yield {
      path: item.path,
      text: decode(item.bytes),
      asciiBytes: asciiOnly(item.bytes),
      lineNumbers: item.lineNumbers,
      wholeFile: false,
      commit: item.commit?.commit,
      author: item.commit?.author,
      date: item.commit?.date,
    };
  }
}
