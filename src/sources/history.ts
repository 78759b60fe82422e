import { gitLines, hasCommits, isWorkTree, resolveCommit } from './git.js';
import { COMMIT_MARK, readPatches } from './patch.js';
import { newStats, type ScanUnit, type Source } from './unit.js';
import { UsageError } from '../errors.js';

export interface HistoryOptions {
  root: string;
  base?: string;
  head?: string;
  include: (path: string) => boolean;
}

/**
 * Every line added by every commit, oldest first, so the first commit a secret is seen in
 * is the one that introduced it. Streamed: memory does not grow with history length.
 */
export async function historySource(opts: HistoryOptions): Promise<Source> {
  const dir = opts.root;
  if (!(await isWorkTree(dir))) throw new UsageError(`${dir} is not inside a git repository; --mode history needs one`);
  const stats = newStats();
  const empty = !(await hasCommits(dir)) && !opts.head;
  const head = empty ? '' : await resolveCommit(dir, opts.head ?? 'HEAD');
  const base = opts.base ? await resolveCommit(dir, opts.base) : undefined;
  const range = base ? `${base}..${head}` : head;
  return {
    stats,
    range: empty ? undefined : { base, head },
    paths: () => [],
    read: () => undefined,
    describe: () => `history ${base ? `${base.slice(0, 12)}..` : ''}${head.slice(0, 12)} (${stats.commits} commits)`,
    async *units(): AsyncGenerator<ScanUnit> {
      if (empty) return;
      const args = [
        'log', '-p', '-U0', '--reverse', '--no-merges', '--no-renames', '--relative', '--no-color', '--no-ext-diff', '--no-textconv',
        `--format=${COMMIT_MARK}%H%x02%an <%ae>%x02%aI`, range, '--', '.',
      ];
      for await (const item of readPatches(gitLines(dir, args))) {
        if (!('path' in item)) {
          stats.commits++;
          continue;
        }
        if (!opts.include(item.path)) continue;
        const text = item.lines.join('\n');
        stats.files++;
        stats.bytes += text.length;
        yield {
          path: item.path,
          text,
          lineNumbers: item.lineNumbers,
          wholeFile: false,
          commit: item.commit?.commit,
          author: item.commit?.author,
          date: item.commit?.date,
        };
      }
    },
  };
}
