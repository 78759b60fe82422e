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

/** The two git commands of a history log (range.ts builds them). */
export interface LogCommands {
  /** `git rev-list`: the commits, oldest first (commits only, so git keeps only commits). */
  revs: string[];
  /** `git diff-tree --stdin`: for each commit written to it, its header and `--raw` changes. */
  diff: string[];
}

/**
 * The output `git log --raw` would print for the commits `revs` lists, made by a fresh
 * `git diff-tree --stdin` for each run of `segment` commits (byte for byte the same as one
 * `git log`, as a test checks). Fails, naming the command, when either git fails.
 */
export async function* segmentedLog(dir: string, log: LogCommands, segment = SEGMENT_COMMITS): AsyncGenerator<Buffer> {
  const revs = start(dir, log.revs);
  revs.child.stdin.end();
  let rest = '';
  let batch: string[] = [];
  try {
    for await (const chunk of revs.child.stdout as AsyncIterable<Buffer>) {
      const lines = (rest + chunk.toString('latin1')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line) batch.push(line);
        if (batch.length < segment) continue;
        yield* diffSegment(dir, log.diff, batch);
        batch = [];
      }
    }
    if (rest) batch.push(rest);
    await revs.done('rev-list');
    if (batch.length) yield* diffSegment(dir, log.diff, batch);
  } finally {
    revs.stop();
  }
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
