import { createHash } from 'node:crypto';
import { fake } from '../helpers/fakes.js';
import { MAX_BODY, type FakeGitHub } from './helpers/fake-github.js';
import { useActionHarness } from './helpers/harness.js';
import { Origin, pullRequestEvent } from './helpers/repos.js';
import { expectNoSecret, runPullRequest } from './helpers/scenarios.js';

/**
 * A pull request that commits a platform's exported .env (a key on line 3, then hundreds of
 * passwords under long names): what GitHub accepts and shows. GitHub shows 10 error and 10
 * warning annotations per step and refuses any review body over 65,536 characters.
 */

let bundle: string;
let api: FakeGitHub;
useActionHarness({ bundle: (b) => (bundle = b), api: (a) => (api = a) });

const OPENAI = fake.openai('limits');
const KEYS = 1000;

function exportedEnv(): string {
  const lines = ['NODE_ENV=production', 'PORT=8080', `OPENAI_API_KEY=${OPENAI}`];
  for (let i = 0; i < KEYS; i++) {
    const value = createHash('sha256').update(`value ${i}`).digest('base64url').slice(0, 24);
    lines.push(`PLATFORM_EXPORTED_SERVICE_${String(i).padStart(4, '0')}_DATABASE_CONNECTION_PASSWORD=${value}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a pull request with 1,000+ findings: verdict first within the annotation limits, one comment per line, every body accepted', async () => {
  const origin = new Origin();
  origin.commit('main', 'Initial', { 'README.md': '# app\n' });
  origin.commit('feature', 'Export the settings', { '.env.production': exportedEnv() });
  const pr = origin.openPullRequest(7, 'main', 'feature');
  api.diffLines.set('.env.production', new Set(Array.from({ length: KEYS + 3 }, (_, i) => i + 1)));
  const payload = pullRequestEvent({ number: 7, baseSha: pr.baseSha, headSha: pr.headSha, commits: 1 });
  const result = await runPullRequest(bundle, api, origin, pr.mergeSha, payload);

  expect(result.code).toBe(1);
  const findings = Number(result.outputs.findings);
  expect(findings).toBeGreaterThan(KEYS);

  // Annotations: the verdict is the first error, and says how many are left out and where.
  const annotations = result.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.level));
  expect(annotations[0].level).toBe('error');
  expect(annotations[0].props.file).toBeUndefined();
  const annotated = annotations.filter((c) => c.props.file).length;
  expect(annotations[0].text).toBe(
    `moltguard: ${result.outputs.blocking} blocking findings (fail-on: high); ${findings - annotated} more findings are not annotated (GitHub shows 10 errors and 10 warnings per step); every finding is in the job summary and the SARIF report (moltguard.sarif)`,
  );
  for (const level of ['error', 'warning', 'notice']) expect(annotations.filter((c) => c.level === level).length).toBeLessThanOrEqual(10);
  // The most severe come first: the critical key is annotated.
  expect(annotations[1].props).toMatchObject({ file: '.env.production', line: '3', title: 'moltguard critical: openai-api-key' });

  // One review, accepted, with one comment on line 3 naming both findings there.
  expect(result.commands.filter((c) => c.level === 'warning')).toEqual([]);
  expect(api.reviews).toHaveLength(1);
  const onLine3 = api.comments.filter((c) => c.path === '.env.production' && c.line === 3);
  expect(onLine3).toHaveLength(1);
  expect(onLine3[0].body).toContain('`openai-api-key`');
  expect(onLine3[0].body).toContain('`env-file-secret`');
  for (const c of api.comments) expect(c.body.length).toBeLessThanOrEqual(MAX_BODY);
  expect(new Set(api.comments.map((c) => `${c.path}:${c.line}`)).size).toBe(api.comments.length);
  expectNoSecret(result, api, [OPENAI]);
}, 120000);
