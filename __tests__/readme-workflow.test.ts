import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

// The README's copy-paste snippets are what new users run first: they must work as pasted.
// The README and docs/ (the Action's details moved there) hold copy-paste workflows.
const readme = readFileSync('README.md', 'utf8');
const docs = readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => readFileSync(`docs/${f}`, 'utf8'));
const yamlBlocks = [readme, ...docs].flatMap((text) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]));
type Job = { permissions?: Record<string, string>; uses?: string; steps?: { uses?: string }[] };
const parsedJobs = yamlBlocks.filter((b) => /^jobs:/m.test(b)).map((b) => parse(b) as { jobs: Record<string, Job> });
// A job that calls a reusable workflow has `uses:` and no steps; its checks are below.
const workflows = parsedJobs.map((w) => ({ jobs: Object.fromEntries(Object.entries(w.jobs).filter(([, j]) => j.steps)) as Record<string, Required<Pick<Job, 'steps'>> & Job> }));
const calls = parsedJobs.flatMap((w) => Object.values(w.jobs)).filter((j) => j.uses);
const tags = execFileSync('git', ['tag', '--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);

/** A ref users can resolve: a tag this repository has, or a commit sha they fill in. */
const resolvable = (ref: string) => tags.includes(ref) || ref === 'COMMIT_SHA' || /^[0-9a-f]{40}$/.test(ref);

test('the README and docs/ have the workflows to check', () => {
  expect(workflows.length).toBeGreaterThanOrEqual(2);
});

test('a job that uploads SARIF grants actions: read (private repositories need it) and security-events: write', () => {
  const uploading = workflows.flatMap((w) => Object.values(w.jobs)).filter((j) => j.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif')));
  expect(uploading.length).toBeGreaterThan(0);
  for (const job of uploading) expect(job.permissions).toMatchObject({ 'actions': 'read', 'security-events': 'write' });
});

test('actions/checkout is the current major (v6), and moltguard is referenced by a tag that exists or a commit sha', () => {
  const uses = workflows.flatMap((w) => Object.values(w.jobs)).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => !!u));
  for (const u of uses.filter((x) => x.startsWith('actions/checkout@'))) expect(u).toMatch(/^actions\/checkout@(v6|[0-9a-f]{40})$/);
  const ours = uses.filter((u) => /\/moltguard@/.test(u));
  expect(ours.length).toBeGreaterThan(0);
  for (const u of ours) expect(resolvable(u.split('@')[1])).toBe(true);
});

test('a call of the organisation workflow names a file this repository has, at a resolvable ref, and the same ref for moltguard itself', () => {
  expect(calls.length).toBeGreaterThan(0);
  for (const job of calls as (Job & { with: Record<string, unknown>; secrets: Record<string, string> })[]) {
    const [path, ref] = job.uses!.replace(/^OWNER\/moltguard\//, '').split('@');
    expect(existsSync(path)).toBe(true);
    expect(resolvable(ref)).toBe(true);
    expect(job.with['moltguard-ref']).toBe(ref);
    expect(Object.keys(job.secrets)).toEqual(['token']);
  }
});

test('the pre-commit snippet names a rev that exists and the pre-commit version it works with', () => {
  const config = yamlBlocks.map((b) => parse(b)).find((y) => y?.repos);
  expect(config).toBeDefined();
  for (const repo of config.repos) expect(resolvable(String(repo.rev))).toBe(true);
  expect(readme).toMatch(/pre-commit\]\(https:\/\/pre-commit\.com\) 3\.0\.4 or newer/);
});

test('the Quick start says which Node versions work, that tests take minutes, and whether the npm package is published', () => {
  const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Command line'));
  expect(quick).toContain('^20.19 || ^22.13 || >=24');
  expect(quick).toMatch(/about 10 minutes on 2 cores/);
  expect(quick).toMatch(/\*\*not published\*\* on the npm registry/);
});
