import { execFile } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../model/errors.js';

/**
 * Makes a commit range scannable in whatever checkout the workflow made. actions/checkout's
 * default is a lone commit (fetch-depth 1); a pull request's base and head, and the history
 * back to their merge base, must be fetched before `base..head` means anything.
 *
 * `--depth` is passed only when the repository is already shallow. In a full clone it would
 * plant a shallow boundary, and commits behind it look parentless: `base..head` then silently
 * widens to history the base branch already had.
 */

export interface Commits {
  /** Where the change starts: the merge base of the event's base and head. */
  base: string;
  head: string;
}

type Log = (line: string) => void;

/** Depths tried in a shallow checkout before giving up and fetching everything. */
const MAX_DEPTH = 4096;

export async function resolveRange(dir: string, base: string, head: string, commitsHint: number | undefined, log: Log): Promise<Commits> {
  const { repo, shallow } = await open(dir, log);
  // Head plus its commits plus the merge base; the base side may have moved on, hence the loop.
  const firstDepth = Math.max((commitsHint ?? 0) + 1, 2);
  await repo.ensure({ base, head }, shallow ? firstDepth : undefined);
  const mergeBase = await repo.mergeBaseDeepening(base, head, firstDepth);
  log(`moltguard: range ${mergeBase.slice(0, 12)}..${head.slice(0, 12)} (merge base of base ${base.slice(0, 12)} and head ${head.slice(0, 12)}; ${await repo.count(mergeBase, head)} commits)`);
  return { base: mergeBase, head };
}

/**
 * A new branch's first push: the commits not on the default branch. Undefined when that
 * cannot be known (no default branch in the payload, the default branch itself, unrelated
 * histories); the caller then scans the tree and says why.
 */
export async function resolveNewBranch(dir: string, head: string, branch: string, defaultBranch: string | undefined, log: Log): Promise<Commits | undefined> {
  if (!defaultBranch) {
    log('moltguard: the push payload names no default branch, so the new branch cannot be compared with it');
    return undefined;
  }
  if (branch === defaultBranch) {
    log(`moltguard: first push of the default branch ${defaultBranch}: nothing to compare it with`);
    return undefined;
  }
  const { repo, shallow } = await open(dir, log);
  await repo.ensure({ head }, shallow ? 2 : undefined);
  const tracking = `refs/remotes/origin/${defaultBranch}`;
  try {
    await repo.fetch([`+refs/heads/${defaultBranch}:${tracking}`], shallow ? 2 : undefined, `default branch ${defaultBranch}`);
    const tip = (await repo.git(['rev-parse', '--verify', `${tracking}^{commit}`])).trim();
    return await resolveRange(dir, tip, head, undefined, log);
  } catch (e) {
    log(`moltguard: cannot compare with ${defaultBranch}: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** The checkout and whether it is shallow (asking git that is also how a non-checkout is told apart). */
async function open(dir: string, log: Log): Promise<{ repo: Checkout; shallow: boolean }> {
  const repo = new Checkout(dir, log);
  try {
    return { repo, shallow: await repo.isShallow() };
  } catch {
    throw new UsageError(`${dir} is not a git checkout: run actions/checkout before moltguard (the event's commits are read with git), or set mode: tree`);
  }
}

export async function isShallowCheckout(dir: string): Promise<boolean> {
  try {
    return await new Checkout(dir, () => undefined).isShallow();
  } catch {
    return false;
  }
}

class Checkout {
  constructor(
    readonly dir: string,
    readonly log: Log,
  ) {}

  git(args: string[]): Promise<string> {
    return new Promise((done, fail) => {
      // No prompts: a fetch that needs credentials the checkout did not keep must fail, not hang.
      const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
      execFile('git', args, { cwd: this.dir, env, maxBuffer: 256 << 20, timeout: 10 * 60_000 }, (err, stdout, stderr) => {
        if (err) fail(new Error(`git ${args[0]}: ${String(stderr).trim().split('\n').pop() || err.message}`));
        else done(String(stdout));
      });
    });
  }

  async isShallow(): Promise<boolean> {
    return (await this.git(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  async has(sha: string): Promise<boolean> {
    try {
      await this.git(['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  /** Fetches by sha whatever of `commits` the checkout lacks; a commit still missing is fatal. */
  async ensure(commits: Record<string, string>, depth: number | undefined): Promise<void> {
    const missing = [];
    for (const [name, sha] of Object.entries(commits)) if (!(await this.has(sha))) missing.push({ name, sha });
    if (!missing.length) return;
    const what = missing.map((m) => `${m.name} ${m.sha.slice(0, 12)}`).join(' and ');
    try {
      await this.fetch(missing.map((m) => m.sha), depth, what);
    } catch (e) {
      // One fetch for all is one round trip; when it fails, find which commit origin lacks.
      let failed = missing.map((m) => ({ ...m, error: e as Error }));
      if (missing.length > 1) {
        failed = [];
        for (const m of missing) await this.fetch([m.sha], depth, `${m.name} ${m.sha.slice(0, 12)}`).catch((err: Error) => failed.push({ ...m, error: err }));
      }
      if (failed.length) {
        const names = failed.map((m) => `${m.name} ${m.sha.slice(0, 12)}`).join(' and ');
        throw new UsageError(
          `the ${names} ${failed.length > 1 ? 'are' : 'is'} not in the checkout and fetching from origin failed (${failed[0].error.message}). ` +
            'Check out with actions/checkout (which keeps the credentials fetch needs), or set fetch-depth: 0.',
        );
      }
    }
    for (const m of missing) {
      if (!(await this.has(m.sha))) throw new UsageError(`fetched from origin but the ${m.name} commit ${m.sha} is still missing; cannot tell what the change adds`);
    }
  }

  async fetch(refspecs: string[], depth: number | undefined, what: string): Promise<void> {
    const args = ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...(depth ? [`--depth=${depth}`] : []), 'origin', ...refspecs];
    await this.git(args);
    this.log(`moltguard: fetched ${what} from origin${depth ? ` (shallow checkout, depth ${depth})` : ''}`);
  }

  /**
   * The merge base, deepening a shallow checkout until both sides reach it and no commit of
   * the range sits on the shallow boundary (such a commit would look like it added every file).
   */
  async mergeBaseDeepening(base: string, head: string, firstDepth: number): Promise<string> {
    let depth = firstDepth;
    for (;;) {
      const found = await this.mergeBase(base, head);
      if (found && !(await this.rangeTouchesBoundary(found, head))) return found;
      if (!(await this.isShallow())) {
        if (found) return found;
        throw new UsageError(`base ${base.slice(0, 12)} and head ${head.slice(0, 12)} share no history: cannot tell what the change adds`);
      }
      if (depth >= MAX_DEPTH) {
        await this.git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', '--unshallow', 'origin', base, head]);
        this.log('moltguard: fetched the full history from origin (the merge base was deeper than a shallow fetch reaches)');
        continue;
      }
      depth = Math.min(depth * 4, MAX_DEPTH);
      try {
        await this.fetch([base, head], depth, `history of base and head`);
      } catch (e) {
        throw new UsageError(`cannot fetch the history between base ${base.slice(0, 12)} and head ${head.slice(0, 12)} from origin: ${(e as Error).message}`);
      }
    }
  }

  async mergeBase(base: string, head: string): Promise<string | undefined> {
    try {
      return (await this.git(['merge-base', base, head])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  async rangeTouchesBoundary(base: string, head: string): Promise<boolean> {
    const file = resolve(this.dir, (await this.git(['rev-parse', '--git-path', 'shallow'])).trim());
    if (!existsSync(file)) return false;
    const boundary = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
    const inRange = (await this.git(['rev-list', `${base}..${head}`])).split('\n').filter(Boolean);
    return inRange.some((c) => boundary.has(c));
  }

  async count(base: string, head: string): Promise<number> {
    return Number((await this.git(['rev-list', '--count', `${base}..${head}`])).trim());
  }
}
