import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { trimTrailing } from '../model/trim.js';

const OrgOctokit = Octokit.plugin(paginateRest, retry, throttling);
export type OrgClient = InstanceType<typeof OrgOctokit>;

/** A listing of thousands of repositories or one SARIF upload: generous, but never a hung job. */
export const ORG_API_BUDGET_MS = 300_000;
const MAX_RATE_LIMIT_WAIT_S = 120;

/**
 * The organisation commands' client: no @actions/* (they run from the CLI, on any machine), 5xx
 * retried twice with back-off, a rate limit waited out once when the wait is short, one deadline
 * for the whole command. `note` hears about waits so a slow listing says why it is slow.
 */
export function orgClient(token: string, baseUrl: string, note: (line: string) => void): OrgClient {
  const waitOnce = (what: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    const waiting = retryCount < 1 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
    note(`GitHub ${what} on ${options.method} ${options.url}${waiting ? `, waiting ${retryAfter} s` : ', giving up'}`);
    return waiting;
  };
  const quiet = () => undefined;
  return new OrgOctokit({
    auth: token,
    baseUrl: trimTrailing(baseUrl, '/'),
    request: { signal: AbortSignal.timeout(ORG_API_BUDGET_MS) },
    retry: { retries: 2 },
    throttle: { onRateLimit: waitOnce('rate limit'), onSecondaryRateLimit: waitOnce('secondary rate limit') },
    // Octokit's own log lines could name request URLs with query tokens; the command reports failures itself.
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}

/** One line about a failed call: status and GitHub's message, never headers (they carry the token). */
export function apiFailure(e: unknown): string {
  const err = e as { status?: number; message?: string; name?: string };
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError') return `no answer within ${ORG_API_BUDGET_MS / 1000} s`;
  const message = (err?.message ?? String(e)).split('\n')[0].slice(0, 200);
  return typeof err?.status === 'number' ? `HTTP ${err.status}: ${message}` : message;
}
