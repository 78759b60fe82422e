import type { getOctokit } from '@actions/github';
import { inlineFallback, readMarker, readMarkers, resolvedBody, reviewBody, REVIEW_MARKER, type PlannedComment, type ReviewPlan } from './review-plan.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface ReviewTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The pull request head the findings' lines belong to; comments are pinned to it. */
  headSha: string;
  /** Link to this run, for "the rest is in the job summary". */
  runUrl?: string;
}

export interface ReviewOutcome {
  /** Id of the review this run created, if it had anything new to say. */
  reviewId?: number;
  posted: number;
  /** Earlier comments still right, left as they are (a re-run posts no duplicate). */
  kept: number;
  /** Earlier comments rewritten (wording changed, or marked resolved). */
  updated: number;
  /** Set when GitHub refused the inline comments and they went into the review body. */
  inlineRefused?: string;
}

interface ExistingComment {
  id: number;
  body: string;
  path: string;
  line: number | null;
}

/**
 * Brings moltguard's review comments on one pull request in line with this run, with at most
 * one new review: comments still right are kept, changed ones edited, ones whose finding is
 * gone (or moved) marked resolved, new ones posted together in one review. A re-run with the
 * same findings writes nothing. Throws the API's error; the caller turns it into a warning.
 */
export async function syncReview(
  octokit: Octokit,
  target: ReviewTarget,
  plan: ReviewPlan,
  totals: { findings: number; blocking: number; failOn: string },
): Promise<ReviewOutcome> {
  const existing = await ourComments(octokit, target);
  const outcome: ReviewOutcome = { posted: 0, kept: 0, updated: 0 };
  const toPost: PlannedComment[] = [];
  const matched = new Set<number>();
  for (const c of plan.comments) {
    const same = existing.find((e) => !matched.has(e.id) && e.path === c.path && e.line === c.line && readMarkers(e.body).some((fp) => c.fingerprints.includes(fp)));
    if (!same) {
      toPost.push(c);
      continue;
    }
    matched.add(same.id);
    if (same.body === c.body) outcome.kept++;
    else {
      await updateComment(octokit, target, same.id, c.body);
      outcome.updated++;
    }
  }
  const stillReported = new Set(plan.comments.flatMap((c) => c.fingerprints));
  const shortSha = target.headSha.slice(0, 12);
  for (const e of existing) {
    const marker = readMarker(e.body);
    if (matched.has(e.id) || !marker || marker.resolved) continue;
    const rule = /· `([^`]+)`/.exec(e.body)?.[1] ?? 'finding';
    const why = readMarkers(e.body).some((fp) => stillReported.has(fp))
      ? `moved: see the newer comment (as of ${shortSha}).`
      : `resolved: moltguard no longer reports this as of ${shortSha}.`;
    await updateComment(octokit, target, e.id, resolvedBody(marker.fingerprint, rule, why));
    outcome.updated++;
  }
  if (toPost.length === 0) return outcome;

  const inline = plan.comments.reduce((n, c) => n + c.findings.length, 0);
  const body = reviewBody(totals, inline, plan.elsewhere.length, target.runUrl);
  const base = { owner: target.owner, repo: target.repo, pull_number: target.pullNumber, commit_id: target.headSha, event: 'COMMENT' as const };
  try {
    const { data } = await octokit.rest.pulls.createReview({
      ...base,
      body,
      comments: toPost.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT' as const, body: c.body })),
    });
    return { ...outcome, reviewId: data.id, posted: toPost.length };
  } catch (e) {
    // 422: a line GitHub does not consider part of its diff (it recomputed the diff against a
    // newer base). The review is all or nothing, so keep the findings in its body instead.
    if ((e as { status?: number }).status !== 422) throw e;
    const { data } = await octokit.rest.pulls.createReview({ ...base, body: `${body}\n\n${inlineFallback(toPost)}` });
    return { ...outcome, reviewId: data.id, inlineRefused: (e as Error).message.split('\n')[0] };
  }
}

/**
 * Comments written by moltguard: they carry the finding marker and were written by the same
 * account as a review carrying the review marker, so a person quoting a marker is left alone.
 */
async function ourComments(octokit: Octokit, t: ReviewTarget): Promise<ExistingComment[]> {
  const params = { owner: t.owner, repo: t.repo, pull_number: t.pullNumber, per_page: 100 };
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, params);
  const authors = new Set(reviews.filter((r) => r.body?.includes(REVIEW_MARKER)).map((r) => r.user?.login).filter(Boolean));
  if (authors.size === 0) return [];
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, params);
  return comments
    .filter((c) => authors.has(c.user?.login) && readMarker(c.body))
    .map((c) => ({ id: c.id, body: c.body, path: c.path, line: c.line ?? null }));
}

async function updateComment(octokit: Octokit, t: ReviewTarget, id: number, body: string): Promise<void> {
  await octokit.rest.pulls.updateReviewComment({ owner: t.owner, repo: t.repo, comment_id: id, body });
}
