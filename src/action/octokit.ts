import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** The whole review step gets this long, retries and back-off included; then it is skipped. */
export const API_BUDGET_MS = 120_000;
/** Waits longer than this for a rate limit are not worth holding the job for. */
const MAX_RATE_LIMIT_WAIT_S = 60;

/**
 * Octokit with GitHub's recommended behaviour for bots: 5xx and network errors retried with
 * growing back-off (1 s, then 4 s), rate limits honoured once if the wait is short, writes
 * spaced out (the throttling plugin's defaults). Every request shares one deadline, so a
 * sick API costs a bounded time and never the verdict.
 */
export function githubClient(token: string, baseUrl: string): GitHubClient {
  const retryOnce = (what: string) => (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
    core.info(`moltguard: GitHub ${what} on ${options.method} ${options.url}${retrying ? `, retrying in ${retryAfter} s` : ', giving up'}`);
    return retrying;
  };
  return getOctokit(
    token,
    {
      baseUrl,
      request: { signal: AbortSignal.timeout(API_BUDGET_MS) },
      retry: { retries: 2 },
      throttle: { onRateLimit: retryOnce('rate limit'), onSecondaryRateLimit: retryOnce('secondary rate limit') },
      // Octokit's own warnings go to the debug log: the step shows one line per problem, ours.
      log: { debug: (m: string) => core.debug(m), info: (m: string) => core.debug(m), warn: (m: string) => core.debug(m), error: (m: string) => core.debug(m) },
    },
    retry,
    throttling,
  );
}

/** One line about a failed API call: status and GitHub's message, never headers (they carry the token). */
export function describeApiError(e: unknown): { status?: number; text: string } {
  const err = e as { status?: number; message?: string; name?: string };
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError') return { text: `no answer within ${API_BUDGET_MS / 1000} s` };
  const status = typeof err?.status === 'number' ? err.status : undefined;
  const message = (err?.message ?? String(e)).split('\n')[0].slice(0, 200);
  return { status, text: status ? `HTTP ${status}: ${message}` : message };
}
