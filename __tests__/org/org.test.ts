import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cliWithEnv, tempRepos } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';
import { FakeOrgApi, type FakeRepo } from './fake-org-api.js';

const repo = tempRepos();
const api = new FakeOrgApi();
beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => {
  api.orgs.clear();
  api.users.clear();
  api.uploads = [];
  api.requests = [];
  api.failNext = { status: 0, n: 0 };
});

const env = () => ({ GITHUB_TOKEN: api.token, GITHUB_API_URL: api.url });
const org = (...argv: string[]) => cliWithEnv(env(), 'org', ...argv);
const many = (owner: string, n: number): FakeRepo[] =>
  Array.from({ length: n }, (_, i) => ({ full_name: `${owner}/r${String(i).padStart(3, '0')}`, default_branch: 'main', size: 1 + ((i * 37) % 500) }));
const matrixOf = (stdout: string) => JSON.parse(stdout) as { include: { name: string; repositories: string }[] };
const everyRepo = (m: ReturnType<typeof matrixOf>) => m.include.flatMap((e) => e.repositories.split(' '));

describe('moltguard org repos', () => {
  test('lists every page of an organisation, leaves out archived, forks, disabled and empty ones with a reason each, one job per repository', async () => {
    api.orgs.set('acme', [
      ...many('acme', 250),
      { full_name: 'acme/old', archived: true, size: 10 },
      { full_name: 'acme/their-fork', fork: true, size: 10 },
      { full_name: 'acme/locked', disabled: true, size: 10 },
      { full_name: 'acme/new', size: 0 },
    ]);
    const run = await org('repos', 'acme');
    expect(run.code).toBe(0);
    // 254 repositories at 100 a page: three requests, each asking for 100.
    expect(api.requests.filter((r) => r.startsWith('GET /orgs/acme/repos'))).toHaveLength(3);
    expect(api.requests.every((r) => r.includes('per_page=100'))).toBe(true);
    const m = matrixOf(run.stdout);
    expect(m.include).toHaveLength(250);
    expect(new Set(everyRepo(m)).size).toBe(250);
    expect(m.include.every((e) => e.name === e.repositories)).toBe(true);
    expect(run.stderr.trim().split('\n')).toEqual([
      'moltguard: left out acme/locked: disabled',
      'moltguard: left out acme/new: empty (no commits)',
      'moltguard: left out acme/old: archived (--include-archived to scan it; its SARIF cannot be uploaded)',
      'moltguard: left out acme/their-fork: a fork (--include-forks to scan it)',
      'moltguard: 250 repositories of organization acme in 250 jobs (4 left out)',
    ]);
  });

  test('--max-jobs deals repositories out so each is in exactly one job and the big ones are spread', async () => {
    api.orgs.set('acme', many('acme', 50));
    const run = await org('repos', 'acme', '--max-jobs', '8');
    expect(run.code).toBe(0);
    const m = matrixOf(run.stdout);
    expect(m.include).toHaveLength(8);
    const all = everyRepo(m);
    expect(all).toHaveLength(50);
    expect(new Set(all)).toEqual(new Set(many('acme', 50).map((r) => r.full_name)));
    const size = new Map(many('acme', 50).map((r) => [r.full_name, r.size!]));
    const totals = m.include.map((e) => e.repositories.split(' ').reduce((s, n) => s + size.get(n)!, 0));
    // Round-robin by size keeps the heaviest job within twice the lightest here (all in one job would be 8x).
    expect(Math.max(...totals)).toBeLessThan(2 * Math.min(...totals));
    expect(m.include[0].name).toMatch(/^acme\/r\d{3} and \d+ more$/);
    const archivedToo = await org('repos', 'acme', '--include-archived', '--include-forks', '--max-jobs', '256');
    expect(matrixOf(archivedToo.stdout).include).toHaveLength(50);
  });

  test('a user account is listed by the users endpoint when no organisation has the name', async () => {
    api.users.set('alice', [...many('alice', 3), { full_name: 'alice/fork', fork: true, size: 3 }]);
    const run = await org('repos', 'alice', '--include-forks');
    expect(run.code).toBe(0);
    expect(everyRepo(matrixOf(run.stdout)).sort()).toEqual(['alice/fork', 'alice/r000', 'alice/r001', 'alice/r002']);
    expect(run.stderr).toContain('4 repositories of user alice in 4 jobs');
  });

  test('a 503 is retried; an unknown owner, a bad token or no token is one line, exit 2, and never echoes the token', async () => {
    api.orgs.set('acme', many('acme', 2));
    api.failNext = { status: 503, n: 1 };
    const retried = await org('repos', 'acme');
    expect(retried.code).toBe(0);
    expect(matrixOf(retried.stdout).include).toHaveLength(2);

    const nobody = await org('repos', 'nobody');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toBe("moltguard: org: listing nobody's repositories failed: HTTP 404: Not Found\n");

    const secretToken = `ghp_${'Z'.repeat(36)}`;
    const badToken = await cliWithEnv({ GITHUB_TOKEN: secretToken, GITHUB_API_URL: api.url }, 'org', 'repos', 'acme');
    expect(badToken.code).toBe(2);
    expect(badToken.stderr.trim().split('\n')).toHaveLength(1);
    expect(badToken.stderr).toContain('HTTP 401');
    expect(badToken.stdout + badToken.stderr).not.toContain('ZZZZ');

    const noToken = await cliWithEnv({ GITHUB_API_URL: api.url }, 'org', 'repos', 'acme');
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/needs a token in GITHUB_TOKEN/);
  });

  test('bad arguments are usage errors before any request', async () => {
    for (const argv of [['repos'], ['repos', 'a', 'b'], ['repos', '-bad-'], ['repos', 'acme', '--max-jobs', '0'], ['repos', 'acme', '--max-jobs', '257'], ['frobnicate']]) {
      const run = await org(...argv);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(api.requests).toEqual([]);
    expect((await org('--help')).stdout).toContain('moltguard org repos OWNER');
  });
});

describe('moltguard org upload-sarif', () => {
  test("uploads a history scan's SARIF (from scan --sarif) to the repository's code scanning, gzipped as GitHub wants, and the secret is not in it", async () => {
    const r = repo();
    const key = fake.mbd('org-upload');
    const sha = r.commit('key', { 'app.env': `MOLTBOTDEN_API_KEY=${key}\n` });
    const out = mkdtempSync(join(tmpdir(), 'moltguard-org-'));
    const json = join(out, 'acme__api.json');
    const sarif = join(out, 'acme__api.sarif');
    const scan = await cliWithEnv({}, 'scan', r.dir, '--mode', 'history', '--format', 'json', '--output', json, '--sarif', sarif);
    expect(scan.code).toBe(1);
    const sarifText = readFileSync(sarif, 'utf8');
    const doc = JSON.parse(sarifText) as { runs: { results: { ruleId: string }[] }[] };
    // The same scan in both formats: same findings.
    const report = JSON.parse(readFileSync(json, 'utf8')) as { findings: { ruleId: string }[] };
    expect(doc.runs[0].results.map((x) => x.ruleId)).toEqual(report.findings.map((f) => f.ruleId));
    expect(sarifText).not.toContain(key);

    const run = await org('upload-sarif', sarif, '--repository', 'acme/api', '--commit', sha, '--ref', 'refs/heads/main');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/uploaded to acme\/api code scanning for refs\/heads\/main, upload upload-1\n$/);
    expect(api.uploads).toHaveLength(1);
    const [u] = api.uploads;
    expect([u.owner, u.repo, u.body.commit_sha, u.body.ref, u.body.tool_name]).toEqual(['acme', 'api', sha, 'refs/heads/main', 'moltguard']);
    expect(u.authorization).toBe(`token ${api.token}`);
    expect(gunzipSync(Buffer.from(u.body.sarif, 'base64')).toString('utf8')).toBe(sarifText);
  });

  test('a bad sha, ref or repository, or a file that is not SARIF, is one line naming it without quoting the file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'moltguard-org-'));
    const key = fake.mbd('org-not-sarif');
    const notSarif = join(out, 'report.sarif');
    writeFileSync(notSarif, `{"token": "${key}", `);
    const sarif = join(out, 'ok.sarif');
    writeFileSync(sarif, JSON.stringify({ version: '2.1.0', runs: [] }));
    const sha = 'a'.repeat(40);
    for (const [argv, message] of [
      [[notSarif, '--repository', 'acme/api', '--commit', sha, '--ref', 'refs/heads/main'], /report\.sarif: not a SARIF 2\.1\.0 report/],
      [[join(out, 'gone.sarif'), '--repository', 'acme/api', '--commit', sha, '--ref', 'refs/heads/main'], /gone\.sarif: cannot read \(ENOENT\)/],
      [[sarif, '--repository', 'acme/api', '--commit', 'abc123', '--ref', 'refs/heads/main'], /--commit abc123: expected a full commit sha/],
      [[sarif, '--repository', 'acme/api', '--commit', sha, '--ref', 'main'], /--ref main: expected a full ref/],
      [[sarif, '--repository', 'acme', '--commit', sha, '--ref', 'refs/heads/main'], /--repository acme: expected OWNER\/NAME/],
    ] as const) {
      const run = await org('upload-sarif', ...argv);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain(key.slice(4, 20));
    }
    expect(api.uploads).toEqual([]);
  });
});
