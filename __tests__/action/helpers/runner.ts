import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { tempDir } from './repos.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Bundles the action exactly as `npm run build` does, into a temp folder, so the tests run the
 * file action.yml runs (dist/index.js) without rewriting the committed dist/.
 */
export function buildAction(): string {
  const out = tempDir('dist');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO, env: { ...process.env, MOLTGUARD_OUTDIR: out }, stdio: 'pipe' });
  return join(out, 'index.js');
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** `::error file=…::text` lines, in order. */
  commands: { level: string; props: Record<string, string>; text: string }[];
}

export interface RunOptions {
  bundle: string;
  workspace: string;
  event: string;
  payload: object;
  apiUrl: string;
  sha?: string;
  inputs?: Record<string, string>;
}

/** Every input's default from action.yml: the runner sets them all as INPUT_* variables. */
function defaultInputs(): Record<string, string> {
  const yml = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(Object.entries(yml.inputs).map(([k, v]) => [k, String(v.default ?? '')]));
}

/**
 * Runs the bundled action in a child process with the environment a GitHub runner gives a
 * step. Asynchronous on purpose: the fake API lives in this process and must keep answering.
 */
export async function runAction(o: RunOptions): Promise<ActionRun> {
  const tmp = tempDir('runner');
  const eventPath = join(tmp, 'event.json');
  const summaryPath = join(tmp, 'step_summary.md');
  const outputPath = join(tmp, 'output.txt');
  writeFileSync(eventPath, JSON.stringify(o.payload, null, 2));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const inputs = { ...defaultInputs(), 'github-token': 'ghs_faketokenforthetests000000000000', ...o.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    GIT_CONFIG_NOSYSTEM: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: o.sha ?? '',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl,
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: tmp,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
  };
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    // The Node running the tests runs the action too, so a Node 24 test run is a node24 action run.
    execFile(process.execPath, [o.bundle], { cwd: o.workspace, env, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 99) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
  return {
    code,
    stdout,
    stderr,
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    commands: parseCommands(stdout),
  };
}

/** GITHUB_OUTPUT's `name<<delimiter` heredoc format, as @actions/core writes it. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

function parseCommands(stdout: string): ActionRun['commands'] {
  const out: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const props = Object.fromEntries(
      (m[2] ?? '')
        .trim()
        .split(',')
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]),
    );
    out.push({ level: m[1], props, text: unescape(m[3]) });
  }
  return out;
}
