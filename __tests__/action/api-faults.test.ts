import type { FakeGitHub } from './helpers/fake-github.js';
import { useActionHarness } from './helpers/harness.js';
import { Origin, pullRequestEvent } from './helpers/repos.js';
import { expectNoSecret, insecurePullRequest, runPullRequest } from './helpers/scenarios.js';

/**
 * The verdict depends only on the scan: a read-only token, a flaky or rate-limited API, or one
 * that stays down change what reaches the pull request, never whether the step fails.
 */

let bundle: string;
let api: FakeGitHub;
useActionHarness({ bundle: (b) => (bundle = b), api: (a) => (api = a) });

const run = (origin: Origin, mergeSha: string, payload: object) => runPullRequest(bundle, api, origin, mergeSha, payload);

test('a fork with a read-only token: annotations and summary still appear, the 403 is one warning, the run still fails', async () => {
  const { origin, pr } = insecurePullRequest(api);
  api.readOnly = true;
  const payload = pullRequestEvent({ number: 7, baseSha: pr.baseSha, headSha: pr.headSha, commits: 2, fork: true });
  const result = await run(origin, pr.mergeSha, payload);

  expect(result.code).toBe(1);
  const warnings = result.commands.filter((c) => c.level === 'warning');
  expect(warnings).toHaveLength(1);
  expect(warnings[0].text).toMatch(/^moltguard: pull request review skipped \(HTTP 403: Resource not accessible by integration[^)]*\): the token cannot write/);
  expect(result.commands.filter((c) => c.level === 'error' && c.props.file)).toHaveLength(2);
  expect(result.summary).toContain('2 blocking findings');
  expect(result.stdout).toMatch(/^::error::moltguard: 2 blocking findings/m);
  expect(api.writes().map((r) => r.method)).toEqual(['POST']);
  expectNoSecret(result, api);
});

test('a flaky API (500, then 200) is retried with back-off and the review lands once', async () => {
  const { origin, pr, payload } = insecurePullRequest(api);
  api.fail('GET', /\/pulls\/7\/reviews$/, 500);
  const result = await run(origin, pr.mergeSha, payload);

  expect(result.code).toBe(1);
  expect(result.commands.filter((c) => c.level === 'warning')).toEqual([]);
  expect(api.received.map((r) => `${r.method} ${r.path}`)).toEqual([
    'GET /repos/acme/app/pulls/7/reviews',
    'GET /repos/acme/app/pulls/7/reviews',
    'POST /repos/acme/app/pulls/7/reviews',
  ]);
  expect(api.reviews).toHaveLength(1);
  expect(api.comments).toHaveLength(2);
});

test('a secondary rate limit on the write is waited out once (throttling plugin), then the review lands', async () => {
  const { origin, pr, payload } = insecurePullRequest(api);
  api.fail('POST', /\/pulls\/7\/reviews$/, 403, 1, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'retry-after': '1' });
  const result = await run(origin, pr.mergeSha, payload);

  expect(result.stdout).toContain('moltguard: GitHub secondary rate limit on POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews, retrying in 1 s');
  expect(result.commands.filter((c) => c.level === 'warning')).toEqual([]);
  expect(api.writes()).toHaveLength(2);
  expect(api.reviews).toHaveLength(1);
});

test('an API that stays down costs a warning, never the verdict', async () => {
  const { origin, pr, payload } = insecurePullRequest(api);
  api.fail('GET', /\/pulls\/7\/reviews$/, 503, 10, 'Service Unavailable');
  const result = await run(origin, pr.mergeSha, payload);

  expect(result.code).toBe(1);
  expect(api.received.filter((r) => r.method === 'GET')).toHaveLength(3);
  const warnings = result.commands.filter((c) => c.level === 'warning');
  expect(warnings.map((w) => w.text)).toEqual([expect.stringMatching(/review skipped \(HTTP 503: Service Unavailable\): the GitHub API kept failing after retries/)]);
  expect(result.stdout).toMatch(/^::error::moltguard: 2 blocking findings/m);
}, 30_000);
