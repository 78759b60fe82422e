import { existsSync, readFileSync } from 'node:fs';
import { fake } from '../../helpers/fakes.js';
import type { FakeGitHub } from './fake-github.js';
import { runAction, type ActionRun } from './runner.js';
import { checkout, Origin, pullRequestEvent } from './repos.js';

/** The pull request most tests share: it adds a key and turns ssh password login on. */

export const KEY = fake.openai('pr-key');
export const SSHD_GOOD = 'Port 22\nPasswordAuthentication no\nPubkeyAuthentication yes\n';
export const SSHD_BAD = 'Port 22\nPasswordAuthentication yes\nPubkeyAuthentication yes\n';

/** main has a good sshd_config; the pull request (#7) adds a key, then opens up ssh. */
export function insecurePullRequest(api: FakeGitHub) {
  const origin = new Origin();
  origin.commit('main', 'Initial', { 'README.md': '# app\n', 'deploy/sshd_config': SSHD_GOOD });
  origin.commit('feature', 'Configure the client', { 'app/settings.py': `DEBUG = False\nOPENAI_API_KEY = "${KEY}"\n` });
  origin.commit('feature', 'Open up ssh', { 'deploy/sshd_config': SSHD_BAD });
  const pr = origin.openPullRequest(7, 'main', 'feature');
  api.diffLines.set('app/settings.py', new Set([1, 2]));
  api.diffLines.set('deploy/sshd_config', new Set([2]));
  return { origin, pr, payload: pullRequestEvent({ number: 7, baseSha: pr.baseSha, headSha: pr.headSha, commits: 2 }) };
}

/** A pull_request run in a default (fetch-depth 1) checkout of GitHub's merge commit. */
export function runPullRequest(
  bundle: string,
  api: FakeGitHub,
  origin: Origin,
  mergeSha: string,
  payload: object,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const workspace = checkout(origin, mergeSha, 'actions/checkout fetch-depth 1', 'refs/remotes/pull/7/merge');
  return runAction({ bundle, workspace, event: 'pull_request', payload, apiUrl: api.url, sha: mergeSha, inputs });
}

/** Nothing the action wrote, printed or sent may hold the keys, whole or in part. */
export function expectNoSecret(result: ActionRun, api: FakeGitHub, keys: readonly string[] = [KEY]): void {
  const files = [result.outputs['sarif-file'], result.outputs['report-file']].filter((f) => f && existsSync(f)).map((f) => readFileSync(f, 'utf8'));
  for (const text of [result.stdout, result.stderr, result.summary, ...files, JSON.stringify(api.received.map((r) => r.body))]) {
    for (const key of keys) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice(12, 40));
    }
  }
}
