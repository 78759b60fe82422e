import { readFileSync } from 'node:fs';
import { fake } from '../helpers/fakes.js';
import type { FakeGitHub } from './helpers/fake-github.js';
import { useActionHarness } from './helpers/harness.js';
import { runAction } from './helpers/runner.js';
import { expectNoSecret } from './helpers/scenarios.js';
import { checkout, isShallow, Origin, pullRequestEvent, type CheckoutShape } from './helpers/repos.js';

/**
 * The range must be right whatever the checkout looks like, for a pull request whose base
 * branch moved on after it branched. Each wrong way of computing it reports something here:
 * - a two-dot diff from the base's tip claims the base's own later fix, reverted, as added;
 * - `--depth` in a full clone (or a too-shallow base) widens base..head to the base's history;
 * - scanning the merge commit picks up what the base gained after the cut.
 */

const OLD_KEY = fake.openai('already-on-main');
const BASE_LATER_KEY = fake.openai('main-after-cut');
const REMOVED_KEY = fake.openai('added-then-removed');
const BOT_TOKEN = fake.telegram('pr-bot');

let bundle: string;
let api: FakeGitHub;
useActionHarness({ bundle: (b) => (bundle = b), api: (a) => (api = a) });

function movedBasePullRequest() {
  const origin = new Origin();
  // History main already had before the branch: an old key (long since in every clone) and a
  // PermitRootLogin yes that main fixes only after the branch is cut.
  origin.commit('main', 'Legacy settings', { 'legacy/settings.py': `KEY = "${OLD_KEY}"\n` });
  origin.commit('main', 'Drop legacy', { 'legacy/settings.py': null, 'deploy/sshd_config': 'PermitRootLogin yes\nPasswordAuthentication no\n' });
  for (let i = 0; i < 5; i++) origin.commit('main', `Main work ${i}`, { 'CHANGELOG.md': `${i}\n` });
  // The pull request: a bot token that stays, and a key added in one commit and removed in the next.
  origin.commit('feature', 'Add the bot', { 'bot/main.py': `TOKEN = "${BOT_TOKEN}"\nOPENAI = "${REMOVED_KEY}"\n` });
  origin.commit('feature', 'Oops, no key in code', { 'bot/main.py': `TOKEN = "${BOT_TOKEN}"\nOPENAI = os.environ["OPENAI"]\n` });
  // main moves on: it fixes root login and gains a problem of its own, several commits deep.
  origin.commit('main', 'Harden ssh', { 'deploy/sshd_config': 'PermitRootLogin no\nPasswordAuthentication no\n' });
  origin.commit('main', 'Ops key', { 'ops/jobs.py': `OPENAI = "${BASE_LATER_KEY}"\n` });
  for (let i = 0; i < 6; i++) origin.commit('main', `More main work ${i}`, { 'CHANGELOG.md': `later ${i}\n` });
  const pr = origin.openPullRequest(12, 'main', 'feature');
  api.diffLines.set('bot/main.py', new Set([1, 2]));
  return { origin, pr, payload: pullRequestEvent({ number: 12, baseSha: pr.baseSha, headSha: pr.headSha, commits: 2 }) };
}

const SHAPES: CheckoutShape[] = ['actions/checkout fetch-depth 1', 'git clone --depth 1', 'full clone (fetch-depth 0)'];

test.each(SHAPES)('%s: only what the pull request adds is reported, including a key it added and removed', async (shape) => {
  const { origin, pr, payload } = movedBasePullRequest();
  const workspace = checkout(origin, pr.mergeSha, shape, 'refs/remotes/pull/12/merge');
  const wasShallow = isShallow(workspace);
  const result = await runAction({ bundle, workspace, event: 'pull_request', payload, apiUrl: api.url, sha: pr.mergeSha });

  const report = JSON.parse(readFileSync(result.outputs['report-file'], 'utf8'));
  const found = report.findings.map((f: { ruleId: string; path: string; line: number; commit?: string }) => [f.ruleId, f.path, f.line, f.commit ? 'earlier commit' : 'head']);
  expect(found).toEqual([
    ['openai-api-key', 'bot/main.py', 2, 'earlier commit'],
    ['telegram-bot-token', 'bot/main.py', 1, 'head'],
  ]);
  expect(result.code).toBe(1);
  for (const text of [result.stdout, result.summary]) {
    expect(text).not.toContain('ops/jobs.py');
    expect(text).not.toContain('legacy/settings.py');
    expect(text).not.toContain('ssh-root-login');
  }
  expect(result.stdout).toMatch(/moltguard: range [0-9a-f]{12}\.\.[0-9a-f]{12} \(merge base of base .*; 2 commits\)/);

  if (wasShallow) {
    expect(result.stdout).toMatch(/moltguard: fetched .* from origin \(shallow checkout, depth \d+\)/);
  } else {
    // A full clone has everything; a --depth fetch there would have made it shallow.
    expect(result.stdout).not.toContain('moltguard: fetched');
    expect(isShallow(workspace)).toBe(false);
  }

  // The key that was removed again is in the summary (with its commit), not an inline comment:
  // it has no line in the head. The token that stays gets the comment.
  expect(api.comments.map((c) => [c.path, c.line])).toEqual([['bot/main.py', 1]]);
  expect(result.summary).toMatch(/openai-api-key.*in commit `[0-9a-f]{12}`, removed later: merging still publishes it/);
  expect(api.reviews[0].body).toContain('1 more (outside the lines this pull request adds, or in an earlier commit) is in the [job summary]');
  // The earlier-commit finding takes its own path to the summary and annotations: no key leaks there either.
  expectNoSecret(result, api, [REMOVED_KEY, BOT_TOKEN]);
});

test('pull_request_target: the base is checked out, the head is read from fetched git objects, the config is the base one', async () => {
  const origin = new Origin();
  origin.commit('main', 'Base', { 'README.md': '# app\n' });
  // A fork's attempt to switch moltguard off for its own files: on pull_request_target the
  // working tree is the base branch, so this config is never read.
  origin.commit('feature', 'Add the bot', { 'bot/main.py': `TOKEN = "${BOT_TOKEN}"\n`, '.moltguard.yml': 'ignore: ["bot/**"]\n' });
  const pr = origin.openPullRequest(12, 'main', 'feature');
  api.diffLines.set('bot/main.py', new Set([1]));
  const workspace = checkout(origin, pr.baseSha, 'actions/checkout fetch-depth 1');
  const payload = pullRequestEvent({ number: 12, baseSha: pr.baseSha, headSha: pr.headSha, commits: 1, fork: true });
  const result = await runAction({ bundle, workspace, event: 'pull_request_target', payload, apiUrl: api.url, sha: pr.baseSha });

  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/moltguard: fetched head [0-9a-f]{12} from origin/);
  expect(api.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['bot/main.py:1']);
});

test('a range that cannot be resolved fails with a clear error instead of passing', async () => {
  const { origin, pr } = movedBasePullRequest();
  const workspace = checkout(origin, pr.mergeSha, 'actions/checkout fetch-depth 1');
  const bogus = pullRequestEvent({ number: 12, baseSha: 'f'.repeat(40), headSha: pr.headSha, commits: 2 });
  const result = await runAction({ bundle, workspace, event: 'pull_request', payload: bogus, apiUrl: api.url, sha: pr.mergeSha });

  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/^::error::moltguard: the base ffffffffffff is not in the checkout and fetching from origin failed/m);
  expect(result.outputs).toEqual({});
});
