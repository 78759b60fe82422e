import { z } from 'zod';
import { UsageError } from '../model/errors.js';
import type { Settings } from './inputs.js';

/** The pull request a run belongs to, for the review. */
export interface PullRequestRef {
  number: number;
  headSha: string;
}

/**
 * What to scan, decided from the event alone (no git, no network), so every event shape can
 * be tested as data. `range` is resolved against the checkout by fetch.ts.
 */
export type Target =
  | { kind: 'tree'; why: string }
  /** Every commit reachable from HEAD (mode history outside a range event). */
  | { kind: 'history'; why: string }
  | {
      kind: 'range';
      /** The commit the changes are measured against: the merge base with it is what counts. */
      base: string;
      head: string;
      /** How many commits the range holds, when the payload says: how deep a shallow fetch starts. */
      commits?: number;
      mode: 'diff' | 'history';
      /** Secrets in every commit of the range, config on the head's final state. */
      everyCommit: boolean;
      pullRequest?: PullRequestRef;
      why: string;
    }
  /** A branch's first push: the commits not on the default branch (or the tree if unknowable). */
  | { kind: 'new-branch'; head: string; defaultBranch?: string; branch: string; mode: 'diff' | 'history'; everyCommit: boolean; why: string }
  | { kind: 'nothing'; why: string };

const sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'expected a full commit sha');
const ZERO = /^0+$/;

const PullRequestPayload = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    commits: z.number().int().nonnegative().optional(),
    base: z.object({ sha, ref: z.string().optional() }),
    head: z.object({ sha, ref: z.string().optional() }),
  }),
});
const PushPayload = z.object({
  ref: z.string(),
  before: sha,
  after: sha,
  created: z.boolean().optional(),
  deleted: z.boolean().optional(),
  commits: z.array(z.unknown()).optional(),
  repository: z.object({ default_branch: z.string().optional() }).optional(),
});
const MergeGroupPayload = z.object({
  merge_group: z.object({ base_sha: sha, head_sha: sha, base_ref: z.string().optional(), head_ref: z.string().optional() }),
});

function parsePayload<T>(schema: z.ZodType<T>, event: string, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
  throw new UsageError(`the ${event} event payload (GITHUB_EVENT_PATH) is not what GitHub sends: ${where}`);
}

const short = (s: string) => s.slice(0, 12);

/** Maps event + `mode` input to a Target. Refusals say which input changes the outcome. */
export function planTarget(eventName: string, payload: unknown, mode: Settings['mode']): Target {
  if (mode === 'tree') return { kind: 'tree', why: 'mode tree: the whole working tree' };
  // Only auto adds every commit's secrets to a diff; an explicit diff is the net change only.
  const range = rangeOf(eventName, payload, mode === 'history' ? 'history' : 'diff', mode === 'auto');
  if (mode === 'auto') {
    if (range) return range;
    return { kind: 'tree', why: `${eventName || 'this'} event has no commit range: the whole working tree` };
  }
  if (!range && mode === 'history') return { kind: 'history', why: `mode history on a ${eventName || 'manual'} event: every commit of the checkout` };
  if (!range) {
    throw new UsageError(
      `input "mode": diff needs a pull_request, pull_request_target, push or merge_group event to know what changed; ` +
        `this run is a ${eventName || 'unknown'} event. Use mode auto (or tree) here.`,
    );
  }
  return range;
}

function rangeOf(eventName: string, payload: unknown, mode: 'diff' | 'history', everyCommit: boolean): Target | undefined {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = parsePayload(PullRequestPayload, eventName, payload).pull_request;
      return {
        kind: 'range',
        base: pr.base.sha,
        head: pr.head.sha,
        commits: pr.commits,
        mode,
        everyCommit,
        pullRequest: { number: pr.number, headSha: pr.head.sha },
        why: `pull request #${pr.number}: what it adds to ${pr.base.ref ?? 'its base'} (base ${short(pr.base.sha)}, head ${short(pr.head.sha)})`,
      };
    }
    case 'merge_group': {
      // A required check must also run in the merge queue, or the queue waits for it forever.
      const group = parsePayload(MergeGroupPayload, eventName, payload).merge_group;
      return {
        kind: 'range',
        base: group.base_sha,
        head: group.head_sha,
        mode,
        everyCommit,
        why: `merge queue: the queued commits ${short(group.base_sha)}..${short(group.head_sha)}`,
      };
    }
    case 'push':
      return pushTarget(parsePayload(PushPayload, eventName, payload), mode, everyCommit);
    default:
      return undefined;
  }
}

function pushTarget(push: z.infer<typeof PushPayload>, mode: 'diff' | 'history', everyCommit: boolean): Target {
  if (push.deleted || ZERO.test(push.after)) return { kind: 'nothing', why: `push deleted ${push.ref}: no commits to scan` };
  if (push.before === push.after) return { kind: 'nothing', why: `push to ${push.ref} moved nothing (before == after ${short(push.after)}): no new commits to scan` };
  const branch = push.ref.replace(/^refs\/heads\//, '');
  if (push.created || ZERO.test(push.before)) {
    return {
      kind: 'new-branch',
      head: push.after,
      branch,
      defaultBranch: push.repository?.default_branch,
      mode,
      everyCommit,
      why: `first push of ${branch}: the commits not on the default branch`,
    };
  }
  return {
    kind: 'range',
    base: push.before,
    head: push.after,
    // The payload lists at most 20 commits; it is only a hint for how deep to fetch first.
    commits: push.commits?.length,
    mode,
    everyCommit,
    why: `push to ${branch}: the pushed commits ${short(push.before)}..${short(push.after)}`,
  };
}
