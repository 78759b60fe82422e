import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { UsageError } from '../../model/errors.js';
import { gitFailure, spawnGit } from '../git.js';

/**
 * git's own memory in a history scan, bounded. By default git maps the whole pack into its
 * address space in 1 GiB windows and keeps 96 MiB of delta bases; every mapped page it touched
 * counts in its RSS. On ansible/ansible (a 494 MiB pack) `git log --raw` peaked at 508 MiB and
 * `git cat-file --batch` at 445 MiB, while the scan itself stayed at 172 MiB. With these limits
 * a process maps at most 96 MiB of pack and caches at most 32 MiB of bases, whatever the pack
 * size; a base that falls out is inflated again (git's own degrade-to-re-reading).
 */
export const GIT_MEMORY_BUDGET = ['-c', 'core.packedGitWindowSize=32m', '-c', 'core.packedGitLimit=96m', '-c', 'core.deltaBaseCacheLimit=32m'];

/**
 * How many commits one `git diff-tree` process lists before a fresh one takes over. git never
 * frees the object it made for a tree it has read: one `git log --raw` over ansible's 49,232
 * commits grew by 1.6 KiB a commit (40 MiB of heap at half the history, 80 at all of it), which
 * at a million commits is gigabytes. A new process starts empty, so a segment's worth is the bound.
 */
export const SEGMENT_COMMITS = 8192;

/**
 * How many first-parent commits one `git rev-list` process walks. rev-list keeps an object for
 * every commit it has seen (216 MiB at a million commits, 383 MiB of RSS with the pack index it
 * maps), so a long history is listed in chunks between first-parent boundaries, each by a fresh
 * process: `B0 ^B1`, `B1 ^B2`, … partition the commits reachable from the head exactly, since
 * every boundary is an ancestor of the one before. Oldest chunk first, each oldest first, which
 * is still an order where a commit's ancestors come before it.
 */
export const CHUNK_COMMITS = 65_536;

/** The git commands of a history log (range.ts builds them). */
export interface LogCommands {
  /** `git rev-list` and its flags, before the revisions: the commits, oldest first. */
  revs: string[];
  head: string;
  /** Revisions left out of every listing (`^base`). */
  exclude: string[];
  /**
   * `-- .` when a subfolder is scanned. With a pathspec git simplifies history (it may follow one
   * parent of a merge), which does not split at boundaries: then the listing is one process.
   */
  pathspec: string[];
  /** `git diff-tree --stdin`: for each commit written to it, its header and `--raw` changes. */
  diff: string[];
}

/** The first-parent boundaries of the chunks, newest first (just the head for a short history). */
async function chunkTips(dir: string, log: LogCommands, chunk: number): Promise<string[]> {
  const tips = [log.head];
  if (log.pathspec.length) return tips;
  for (;;) {
    const walk = start(dir, ['rev-list', '--first-parent', `--skip=${chunk}`, '--max-count=1', tips[tips.length - 1], ...log.exclude]);
    walk.child.stdin.end();
    let out = '';
    for await (const c of walk.child.stdout as AsyncIterable<Buffer>) out += c.toString('latin1');
    await walk.done('rev-list');
    const next = out.trim();
    if (!next) return tips;
    tips.push(next);
  }
}

/** Every commit of the range, oldest chunk first, one fresh `git rev-list` per chunk. */
async function* listCommits(dir: string, log: LogCommands, chunk: number): AsyncGenerator<string> {
  const tips = await chunkTips(dir, log, chunk);
  for (let i = tips.length - 1; i >= 0; i--) {
    const older = i + 1 < tips.length ? [`^${tips[i + 1]}`] : [];
    const revs = start(dir, [...log.revs, tips[i], ...older, ...log.exclude, ...log.pathspec]);
    revs.child.stdin.end();
    let rest = '';
    try {
      for await (const c of revs.child.stdout as AsyncIterable<Buffer>) {
        const lines = (rest + c.toString('latin1')).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line) yield line;
      }
      if (rest) yield rest;
      await revs.done('rev-list');
    } finally {
      revs.stop();
    }
  }
}

/**
 * The output `git log --raw` would print for the range's commits, made by a fresh
 * `git diff-tree --stdin` for each run of `segment` commits (byte for byte the same as one
 * `git log` when the history is one chunk, the same commits in another ancestors-first order
 * when it is several, as a test checks). Fails, naming the command, when either git fails.
 */
export async function* segmentedLog(dir: string, log: LogCommands, segment = SEGMENT_COMMITS, chunk = CHUNK_COMMITS): AsyncGenerator<Buffer> {
  let batch: string[] = [];
  for await (const commit of listCommits(dir, log, chunk)) {
    batch.push(commit);
    if (batch.length < segment) continue;
    yield* diffSegment(dir, log.diff, batch);
    batch = [];
  }
  if (batch.length) yield* diffSegment(dir, log.diff, batch);
}

async function* diffSegment(dir: string, args: string[], commits: string[]): AsyncGenerator<Buffer> {
  const diff = start(dir, args);
  diff.child.stdin.end(`${commits.join('\n')}\n`);
  try {
    yield* diff.child.stdout as AsyncIterable<Buffer>;
    await diff.done('diff-tree');
  } finally {
    diff.stop();
  }
}

function start(dir: string, args: string[]) {
  const { child, stderr } = spawnGit(dir, [...GIT_MEMORY_BUDGET, ...args]);
  // git may exit before reading its input (a bad revision): its exit status reports that.
  child.stdin.on('error', () => undefined);
  const exited = exitOf(child, `git ${args[0]} could not start in ${dir}`);
  exited.catch(() => undefined);
  return {
    child,
    done: async (name: string) => {
      const code = await exited;
      if (code !== 0) throw gitFailure(dir, name, stderr(), code);
    },
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

function exitOf(child: ChildProcessWithoutNullStreams, failed: string): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', (e) => reject(new UsageError(`${failed}: ${e.message}`)));
    child.on('close', (code) => resolve(code ?? 1));
  });
}
