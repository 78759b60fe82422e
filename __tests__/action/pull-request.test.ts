import { readFileSync } from 'node:fs';
import type { FakeGitHub } from './helpers/fake-github.js';
import { useActionHarness } from './helpers/harness.js';
import { Origin, pullRequestEvent } from './helpers/repos.js';
import { expectNoSecret, insecurePullRequest, runPullRequest, SSHD_GOOD } from './helpers/scenarios.js';

/**
 * The bundled action on pull_request events, against a fake GitHub API on 127.0.0.1 and real
 * git repositories checked out the way actions/checkout does by default (fetch-depth 1).
 * API faults are in api-faults.test.ts (their back-off waits run in parallel with these).
 */

let bundle: string;
let api: FakeGitHub;
useActionHarness({ bundle: (b) => (bundle = b), api: (a) => (api = a) });

const run = (origin: Origin, mergeSha: string, payload: object, inputs: Record<string, string> = {}) => runPullRequest(bundle, api, origin, mergeSha, payload, inputs);

test('a pull request adding a key and a bad sshd_config fails, annotates, and gets one review with inline comments and a suggestion', async () => {
  const { origin, pr, payload } = insecurePullRequest(api);
  const result = await run(origin, pr.mergeSha, payload);

  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/^::error::moltguard: 2 blocking findings \(fail-on: high\)$/m);
  // The token is handed to the runner's masker and appears nowhere else.
  expect(result.stdout).toContain('::add-mask::ghs_faketokenforthetests000000000000');
  expect(result.stdout.split('ghs_faketokenforthetests').length).toBe(2);

  const annotations = result.commands.filter((c) => c.props.file);
  expect(annotations.map((a) => [a.level, a.props.file, a.props.line, a.props.title])).toEqual([
    ['error', 'app/settings.py', '2', 'moltguard critical: openai-api-key'],
    ['error', 'deploy/sshd_config', '2', 'moltguard critical: ssh-password-auth'],
  ]);
  expect(annotations[0].props.col).toBe('19');

  expect(result.outputs).toMatchObject({ findings: '2', blocking: '2' });
  const sarif = JSON.parse(readFileSync(result.outputs['sarif-file'], 'utf8'));
  expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['openai-api-key', 'ssh-password-auth']);
  expect(JSON.parse(readFileSync(result.outputs['report-file'], 'utf8')).findings).toHaveLength(2);

  // The summary: verdict, totals, a table row linking the head's line, and what to paste to silence.
  expect(result.summary).toContain('### ❌ moltguard: 2 blocking findings (fail-on: high)');
  expect(result.summary).toContain('| Severity | Rule | Location | Message | Fix |');
  expect(result.summary).toContain(`[\`deploy/sshd_config:2\`](https://github.com/acme/app/blob/${pr.headSha}/deploy/sshd_config#L2)`);
  expect(result.summary).toContain('`# moltguard:ignore ssh-password-auth -- reason`');
  expect(result.summary).toMatch(/\*\*Scanned:\*\* pull request #7: .*diff [0-9a-f]{12}\.\.[0-9a-f]{12}/);
  expect(result.summary).toMatch(/mode `diff` · range `[0-9a-f]{12}\.\.[0-9a-f]{12}` · 2 commits · \d+ files?/);

  // One review, pinned to the head, with a comment on each added line and a one-click fix.
  const posts = api.writes();
  expect(posts.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/acme/app/pulls/7/reviews']);
  expect(posts[0].authorization).toBe('token ghs_faketokenforthetests000000000000');
  expect(posts[0].body).toMatchObject({ commit_id: pr.headSha, event: 'COMMENT' });
  expect(api.comments.map((c) => [c.path, c.line, c.side])).toEqual([
    ['app/settings.py', 2, 'RIGHT'],
    ['deploy/sshd_config', 2, 'RIGHT'],
  ]);
  expect(api.comments[1].body).toContain('```suggestion\nPasswordAuthentication no\n```');
  expect(api.comments[0].body).not.toContain('suggestion');
  expect(api.reviews[0].body).toContain('<!-- moltguard:review -->');
  expectNoSecret(result, api);
});

test('pr-review: false posts nothing, and the summary does not claim review comments', async () => {
  const { origin, pr, payload } = insecurePullRequest(api);
  const result = await run(origin, pr.mergeSha, payload, { 'pr-review': 'false' });

  expect(result.code).toBe(1);
  expect(api.writes()).toEqual([]);
  expect(result.summary).toContain('### ❌ moltguard: 2 blocking findings');
  expect(result.summary).not.toContain('review comments');
});

test('path: a subfolder is scanned alone, and GitHub still gets repository paths', async () => {
  const { origin, pr, payload } = insecurePullRequest(api);
  const result = await run(origin, pr.mergeSha, payload, { path: 'deploy', 'sarif-file': 'reports/moltguard.sarif' });

  expect(result.commands.filter((c) => c.props.file).map((c) => `${c.props.file}:${c.props.line}`)).toEqual(['deploy/sshd_config:2']);
  expect(api.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['deploy/sshd_config:2']);
  expect(result.outputs['sarif-file']).toMatch(/\/reports\/moltguard\.sarif$/);
  expect(result.outputs['report-file']).toMatch(/\/reports\/moltguard-report\.json$/);
  const sarif = JSON.parse(readFileSync(result.outputs['sarif-file'], 'utf8'));
  expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/sshd_config');
});

test('a clean pull request passes and writes nothing to the pull request', async () => {
  const origin = new Origin();
  origin.commit('main', 'Initial', { 'README.md': '# app\n', 'deploy/sshd_config': SSHD_GOOD });
  origin.commit('feature', 'Docs', { 'README.md': '# app\n\nRun `make`.\n', 'app/settings.py': 'OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]\n' });
  const pr = origin.openPullRequest(7, 'main', 'feature');
  const result = await run(origin, pr.mergeSha, pullRequestEvent({ number: 7, baseSha: pr.baseSha, headSha: pr.headSha, commits: 1 }));

  expect(result.code).toBe(0);
  expect(result.commands.filter((c) => c.level === 'error' || c.level === 'warning')).toEqual([]);
  expect(result.outputs).toMatchObject({ findings: '0', blocking: '0' });
  expect(result.summary).toContain('### ✅ moltguard: no blocking findings (fail-on: high)');
  expect(api.writes()).toEqual([]);
});

test('re-runs keep the existing comments, and a fix marks its comment resolved instead of piling up', async () => {
  const { origin, pr, payload } = insecurePullRequest(api);
  await run(origin, pr.mergeSha, payload);
  expect(api.comments).toHaveLength(2);

  // Re-run of the same commit: nothing new to say, so nothing is written.
  api.clearLog();
  const again = await run(origin, pr.mergeSha, payload);
  expect(again.code).toBe(1);
  expect(api.writes()).toEqual([]);
  expect(api.reviews).toHaveLength(1);
  expect(api.comments).toHaveLength(2);

  // The author fixes sshd_config; the key stays. No new review, the sshd comment says resolved.
  origin.commit('feature', 'Close ssh again', { 'deploy/sshd_config': SSHD_GOOD });
  const next = origin.openPullRequest(7, 'main', 'feature');
  api.clearLog();
  const fixed = await run(origin, next.mergeSha, pullRequestEvent({ number: 7, baseSha: next.baseSha, headSha: next.headSha, commits: 3 }));
  expect(fixed.code).toBe(1);
  expect(api.writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/acme/app/pulls/comments/${api.comments[1].id}`]);
  expect(api.reviews).toHaveLength(1);
  expect(api.comments).toHaveLength(2);
  expect(api.comments[1].body).toMatch(/^<!-- moltguard:finding [0-9a-f]+ resolved -->\n✅ ~~moltguard `ssh-password-auth`~~ resolved: moltguard no longer reports this as of [0-9a-f]{12}\.$/);
  expect(api.comments[0].body).toContain('openai-api-key');
});
