import type { Mode } from '../model/options.js';
import type { PullRequestRef, Target } from './event.js';
import { isShallowCheckout, resolveNewBranch, resolveRange, type Commits } from './fetch.js';

/** A Target made concrete against the checkout: the scan's mode and commits, or nothing. */
export interface ResolvedTarget {
  /** Undefined: nothing to scan (and `why` says so). */
  scan?: { mode: Mode; base?: string; head?: string; secretsInEveryCommit?: boolean };
  commits?: Commits;
  pullRequest?: PullRequestRef;
  why: string;
}

type Log = (line: string) => void;

export async function resolveTarget(root: string, target: Target, log: Log): Promise<ResolvedTarget> {
  switch (target.kind) {
    case 'nothing':
      return { why: target.why };
    case 'tree':
      return { scan: { mode: 'tree' }, why: target.why };
    case 'history':
      if (await isShallowCheckout(root)) log('moltguard: mode history in a shallow checkout sees only the fetched commits; use actions/checkout with fetch-depth: 0');
      return { scan: { mode: 'history' }, why: target.why };
    case 'range': {
      const commits = await resolveRange(root, target.base, target.head, target.commits, log);
      return { scan: scanOf(target.mode, commits, target.everyCommit), commits, pullRequest: target.pullRequest, why: target.why };
    }
    case 'new-branch': {
      const commits = await resolveNewBranch(root, target.head, target.branch, target.defaultBranch, log);
      if (!commits) return { scan: { mode: 'tree' }, why: `first push of ${target.branch}, not comparable with the default branch: the whole working tree` };
      return { scan: scanOf(target.mode, commits, target.everyCommit), commits, why: target.why };
    }
  }
}

function scanOf(mode: 'diff' | 'history', commits: Commits, everyCommit: boolean): ResolvedTarget['scan'] {
  return { mode, base: commits.base, head: commits.head, ...(mode === 'diff' ? { secretsInEveryCommit: everyCommit } : {}) };
}
