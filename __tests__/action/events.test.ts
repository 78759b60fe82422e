import { readFileSync } from 'node:fs';
import { fake } from '../helpers/fakes.js';
import type { FakeGitHub } from './helpers/fake-github.js';
import { useActionHarness } from './helpers/harness.js';
import { runAction, type ActionRun } from './helpers/runner.js';
import { checkout, Origin, tempDir } from './helpers/repos.js';

/** The bundled action on push and merge_group events, in shallow checkouts of the pushed commit. */

const OLD_KEY = fake.openai('on-main-for-ages');
const NEW_KEY = fake.openai('pushed');
const SSHD_BAD = 'PasswordAuthentication no\nPermitRootLogin yes\n';
const ZERO = '0'.repeat(40);

let bundle: string;
let api: FakeGitHub;
useActionHarness({ bundle: (b) => (bundle = b), api: (a) => (api = a) });

const repository = { id: 1, name: 'app', full_name: 'acme/app', owner: { login: 'acme' }, default_branch: 'main' };

function pushEvent(ref: string, before: string, after: string, commits: string[], extra: object = {}): object {
  return {
    ref: `refs/heads/${ref}`,
    before,
    after,
    created: /^0+$/.test(before),
    deleted: false,
    forced: false,
    commits: commits.map((id) => ({ id, message: 'change', distinct: true })),
    head_commit: { id: after },
    repository,
    pusher: { name: 'dev' },
    ...extra,
  };
}

function findings(result: ActionRun): string[] {
  const report = JSON.parse(readFileSync(result.outputs['report-file'], 'utf8')) as { findings: { ruleId: string; path: string; line: number }[] };
  return report.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`);
}

/** main with a key committed long ago: no scan of new commits should ever report it. */
function originWithHistory(): Origin {
  const origin = new Origin();
  origin.commit('main', 'Old mistake', { 'legacy.py': `KEY = "${OLD_KEY}"\n` });
  origin.commit('main', 'Base', { 'README.md': '# app\n' });
  return origin;
}

test('push: the pushed commits before..after are scanned, nothing older; no API calls', async () => {
  const origin = originWithHistory();
  const before = origin.sha('main');
  const c1 = origin.commit('main', 'Add client', { 'app/client.py': `KEY = "${NEW_KEY}"\n` });
  const after = origin.commit('main', 'Add sshd', { 'deploy/sshd_config': SSHD_BAD });
  const workspace = checkout(origin, after, 'actions/checkout fetch-depth 1');
  const result = await runAction({ bundle, workspace, event: 'push', payload: pushEvent('main', before, after, [c1, after]), apiUrl: api.url, sha: after });

  expect(findings(result)).toEqual(['openai-api-key app/client.py:1', 'ssh-root-login deploy/sshd_config:2']);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`moltguard: push to main: the pushed commits ${before.slice(0, 12)}..${after.slice(0, 12)}`);
  expect(result.stdout).toMatch(/moltguard: fetched base [0-9a-f]{12} from origin \(shallow checkout, depth 3\)/);
  expect(result.commands.filter((c) => c.props.file).map((c) => c.props.file)).toEqual(['app/client.py', 'deploy/sshd_config']);
  expect(result.summary).toContain(`blob/${after}/deploy/sshd_config#L2`);
  expect(api.received).toEqual([]);
});

test('push of a new branch: the commits not on the default branch', async () => {
  const origin = originWithHistory();
  origin.commit('main', 'Main only', { 'deploy/sshd_config': SSHD_BAD });
  origin.commit('topic', 'Topic work', { 'app/client.py': `KEY = "${NEW_KEY}"\n` });
  const after = origin.sha('topic');
  const workspace = checkout(origin, after, 'actions/checkout fetch-depth 1');
  const result = await runAction({ bundle, workspace, event: 'push', payload: pushEvent('topic', ZERO, after, [after]), apiUrl: api.url, sha: after });

  expect(findings(result)).toEqual(['openai-api-key app/client.py:1']);
  expect(result.stdout).toContain('moltguard: first push of topic: the commits not on the default branch');
  expect(result.stdout).toContain('moltguard: fetched default branch main from origin');
});

test('push with before == after scans nothing, says so, and passes with every output set', async () => {
  const origin = originWithHistory();
  const sha = origin.sha('main');
  const workspace = checkout(origin, sha, 'actions/checkout fetch-depth 1');
  const result = await runAction({ bundle, workspace, event: 'push', payload: pushEvent('main', sha, sha, []), apiUrl: api.url, sha });

  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`moltguard: push to refs/heads/main moved nothing (before == after ${sha.slice(0, 12)}): no new commits to scan`);
  expect(result.outputs).toMatchObject({ findings: '0', blocking: '0' });
  expect(JSON.parse(readFileSync(result.outputs['sarif-file'], 'utf8')).runs[0].results).toEqual([]);
  expect(result.summary).toContain('nothing (push to refs/heads/main moved nothing');
});

test('merge_group: the queued commits base_sha..head_sha, not what main already had', async () => {
  const origin = originWithHistory();
  origin.commit('main', 'Main has a bad sshd', { 'deploy/sshd_config': SSHD_BAD });
  origin.commit('feature', 'Queued change', { 'app/client.py': `KEY = "${NEW_KEY}"\n` });
  // GitHub builds the queue's commit on a gh-readonly-queue branch: the base plus the queued pull request.
  const base = origin.sha('main');
  const group = origin.openPullRequest(5, 'main', 'feature').mergeSha;
  const workspace = checkout(origin, group, 'actions/checkout fetch-depth 1');
  const payload = {
    action: 'checks_requested',
    merge_group: {
      head_sha: group,
      head_ref: `refs/heads/gh-readonly-queue/main/pr-5-${base}`,
      base_sha: base,
      base_ref: 'refs/heads/main',
      head_commit: { id: group, message: 'Merge pull request #5' },
    },
    repository,
  };
  const result = await runAction({ bundle, workspace, event: 'merge_group', payload, apiUrl: api.url, sha: group });

  expect(findings(result)).toEqual(['openai-api-key app/client.py:1']);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`moltguard: merge queue: the queued commits ${base.slice(0, 12)}..${group.slice(0, 12)}`);
  expect(api.received).toEqual([]);
});

test('schedule: the whole working tree, and a wrong input is refused by name', async () => {
  const origin = originWithHistory();
  const sha = origin.sha('main');
  const workspace = checkout(origin, sha, 'actions/checkout fetch-depth 1');
  const tree = await runAction({ bundle, workspace, event: 'schedule', payload: { schedule: '0 3 * * *', repository }, apiUrl: api.url, sha });
  expect(tree.stdout).toContain('moltguard: schedule event has no commit range: the whole working tree');
  expect(findings(tree)).toEqual(['openai-api-key legacy.py:1']);

  const wrong = await runAction({ bundle, workspace, event: 'schedule', payload: {}, apiUrl: api.url, sha, inputs: { 'fail-on': 'hgih', 'pr-review': 'maybe' } });
  expect(wrong.code).toBe(1);
  expect(wrong.stdout).toContain('::error::moltguard: input "fail-on": expected one of critical, high, medium, low, none, got "hgih"%0Ainput "pr-review": expected true or false, got "maybe"');
});

test("the config's fail-on applies when the fail-on input is not set; the input overrides it", async () => {
  const origin = originWithHistory();
  const sha = origin.commit('main', 'Report only, never block', { '.moltguard.yml': 'fail-on: none\n' });
  const workspace = checkout(origin, sha, 'actions/checkout fetch-depth 1');
  const payload = { schedule: '0 3 * * *', repository };
  const byConfig = await runAction({ bundle, workspace, event: 'schedule', payload, apiUrl: api.url, sha });
  expect(findings(byConfig)).toEqual(['openai-api-key legacy.py:1']);
  expect(byConfig.code).toBe(0);
  expect(byConfig.outputs['blocking']).toBe('0');

  const byInput = await runAction({ bundle, workspace, event: 'schedule', payload, apiUrl: api.url, sha, inputs: { 'fail-on': 'high' } });
  expect(byInput.code).toBe(1);
  expect(byInput.stdout).toMatch(/^::error::moltguard: 1 blocking finding \(fail-on: high\)$/m);
});

test('a pull_request run without a checkout fails and says what to add', async () => {
  const workspace = tempDir('no-checkout');
  const payload = { pull_request: { number: 1, commits: 1, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: 'b'.repeat(40) } }, repository };
  const result = await runAction({ bundle, workspace, event: 'pull_request', payload, apiUrl: api.url });

  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/^::error::moltguard: .* is not a git checkout: run actions\/checkout before moltguard/m);
  expect(api.received).toEqual([]);
});
