import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tempRepos } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';
import { FakeOrgApi } from './fake-org-api.js';

/**
 * The reusable workflow's own scripts, run with bash as the runner would: each `run:` with the
 * `env:` its step declares (expressions filled from a context, an unknown one fails the test),
 * against the local stand-in of the API and bare repositories served from a file:// SERVER_URL.
 * The `uses:` steps are stood in for: moltguard checked out at .moltguard, artifacts copied.
 */
interface Step { uses?: string; run?: string; env?: Record<string, string | number | boolean>; with?: Record<string, unknown>; if?: string }
interface Job { needs?: string | string[]; if?: string; strategy?: Record<string, unknown>; outputs?: Record<string, string>; steps: Step[] }
const workflow = parse(readFileSync('.github/workflows/org-scan.yml', 'utf8')) as {
  on: { workflow_call: { inputs: Record<string, { default?: unknown; required?: boolean }>; secrets: Record<string, unknown> } };
  jobs: Record<string, Job>;
};
const runStep = (job: string) => workflow.jobs[job].steps.find((s) => s.run)!;

const repo = tempRepos();
const api = new FakeOrgApi();
beforeAll(() => api.start());
afterAll(() => api.stop());

type Context = Record<string, unknown>;
function fill(value: string | number | boolean, ctx: Context): string {
  return String(value).replace(/\$\{\{\s*([a-z_]+(?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g, (whole, path: string) => {
    const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], ctx);
    if (v === undefined || typeof v === 'object') throw new Error(`the test has no value for ${whole}`);
    return String(v);
  });
}

interface ScriptRun { code: number; stdout: string; stderr: string; output: Record<string, string> }

/** Asynchronous: the stand-in API answers from this very process, so it must not be blocked. */
async function runScript(step: Step, ctx: Context, cwd: string): Promise<ScriptRun> {
  const outputFile = join(cwd, '.github_output');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? cwd,
    RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'moltguard-runner-')),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: join(cwd, '.summary.md'),
    GITHUB_API_URL: api.url,
  };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = fill(v, ctx);
  const child = spawn('bash', ['-e', '-c', step.run!], { cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
  const output = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { code, stdout, stderr, output };
}

/** A runner's workspace: moltguard "checked out" at .moltguard (this build). */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'moltguard-ws-'));
  symlinkSync(process.cwd(), join(dir, '.moltguard'));
  return dir;
}

test('the workflow is wired as documented: inputs, a bounded matrix that does not fail fast, no expression inside a script', () => {
  const inputs = workflow.on.workflow_call.inputs;
  expect(Object.keys(inputs).sort()).toEqual(['fail-on', 'include-archived', 'include-forks', 'max-jobs', 'max-parallel', 'moltguard-ref', 'moltguard-repository', 'org', 'upload-sarif']);
  expect(inputs['max-parallel'].default).toBe(8);
  expect(Object.keys(workflow.on.workflow_call.secrets)).toEqual(['token']);
  const scan = workflow.jobs.scan;
  expect(scan.strategy).toEqual({ 'fail-fast': false, 'max-parallel': '${{ inputs.max-parallel }}', matrix: '${{ fromJSON(needs.list.outputs.matrix) }}' });
  expect(workflow.jobs.gather.if).toMatch(/^always\(\)/);
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps) {
      if (step.run) expect(step.run).not.toContain('${{');
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with).toMatchObject({ path: '.moltguard', 'persist-credentials': false });
    }
  }
  const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter(Boolean));
  // The majors that run on node24.
  expect(new Set(uses)).toEqual(new Set(['actions/checkout@v6', 'actions/setup-node@v6', 'actions/upload-artifact@v6', 'actions/download-artifact@v7']));
});

test('list, scan and gather run end to end: one job per group, each SARIF filed in its repository, a failed clone named in the summary', async () => {
  const server = mkdtempSync(join(tmpdir(), 'moltguard-server-'));
  const shas: Record<string, string> = {};
  const key = fake.mbd('org-workflow');
  for (const [name, files] of [
    ['api', { 'deploy/app.env': `MOLTBOTDEN_API_KEY=${key}\n` }],
    ['docs', { 'README.md': '# docs\n' }],
  ] as const) {
    const r = repo();
    shas[name] = r.commit('first', files);
    r.commit('second', { 'CHANGELOG.md': 'x\n' });
    shas[name] = r.git('rev-parse', 'HEAD').trim();
    mkdirSync(join(server, 'acme'), { recursive: true });
    spawnSync('git', ['clone', '-q', '--bare', r.dir, join(server, 'acme', `${name}.git`)]);
  }
  // acme/gone is listed but has no repository behind it: its clone fails.
  api.orgs.set('acme', [{ full_name: 'acme/api', size: 20 }, { full_name: 'acme/docs', size: 5 }, { full_name: 'acme/gone', size: 1 }, { full_name: 'acme/old', archived: true, size: 9 }]);
  const inputs = { org: 'acme', 'max-jobs': 2, 'include-archived': false, 'include-forks': false, 'fail-on': 'high', 'upload-sarif': true };
  const base: Context = { inputs, secrets: { token: api.token }, github: { server_url: `file://${server}` } };

  const list = await runScript(runStep('list'), base, workspace());
  expect(list.stderr).toContain('3 repositories of organization acme in 2 jobs (1 left out)');
  expect(list.code).toBe(0);
  expect(list.output.jobs).toBe('2');
  const matrix = JSON.parse(list.output.matrix) as { include: { name: string; repositories: string }[] };

  const gatherDir = workspace();
  mkdirSync(join(gatherDir, 'reports'));
  const codes: Record<string, number> = {};
  for (const entry of matrix.include) {
    const ws = workspace();
    const run = await runScript(runStep('scan'), { ...base, matrix: entry }, ws);
    codes[entry.repositories] = run.code;
    expect(run.stdout + run.stderr).not.toContain(key);
    if (entry.repositories.includes('acme/gone')) expect(run.stdout).toContain('::error title=moltguard::acme/gone: clone failed, not scanned');
    // upload-artifact / download-artifact with merge-multiple: every job's reports in one folder.
    if (existsSync(join(ws, 'reports'))) cpSync(join(ws, 'reports'), join(gatherDir, 'reports'), { recursive: true });
  }
  // Largest first, dealt in turn: api and gone share a job (red: a blocking finding and a failed
  // clone, though docs' job still ran); docs alone is clean.
  expect(codes).toEqual({ 'acme/api acme/gone': 1, 'acme/docs': 0 });
  expect(api.uploads.map((u) => [`${u.owner}/${u.repo}`, u.body.commit_sha, u.body.ref]).sort()).toEqual([
    ['acme/api', shas.api, 'refs/heads/main'],
    ['acme/docs', shas.docs, 'refs/heads/main'],
  ]);
  expect(readdirSync(join(gatherDir, 'reports')).sort()).toEqual(['acme__api.json', 'acme__docs.json']);

  const gather = await runScript(runStep('gather'), { ...base, needs: { list: { outputs: list.output } } }, gatherDir);
  expect(gather.stderr).toBe('');
  // The merged summary, then the repository with no report: the run is red and says why.
  expect(gather.code).toBe(1);
  const summary = readFileSync(join(gatherDir, '.summary.md'), 'utf8');
  expect(summary).toMatch(/^## moltguard: 2 repositories, \d+ findings, [1-9]\d* blocking\n/);
  expect(summary).toContain(`| [acme/api](file://${server}/acme/api/security/code-scanning?query=tool%3Amoltguard) |`);
  expect(summary).toContain('**No report** (the clone or the scan failed; see its job):\n- acme/gone\n');
  expect(summary).not.toContain(key);
  // About ten node and git processes one after another: on a loaded 2-core machine, more than the default 30 s.
}, 180_000);

test('an owner with nothing to scan ends at the listing: zero jobs, and the scan and gather jobs are skipped', async () => {
  api.orgs.set('empty-org', [{ full_name: 'empty-org/new', size: 0 }]);
  const list = await runScript(runStep('list'), { inputs: { org: 'empty-org', 'max-jobs': 64, 'include-archived': false, 'include-forks': false }, secrets: { token: api.token } }, workspace());
  expect(list.code).toBe(0);
  expect(list.output).toEqual({ matrix: '{"include":[]}', jobs: '0' });
  expect(workflow.jobs.scan.if).toBe("needs.list.outputs.jobs != '0'");
  expect(workflow.jobs.gather.if).toBe("always() && needs.list.outputs.jobs != '0'");
});
