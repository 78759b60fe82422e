import { readFileSync } from 'node:fs';
import { UsageError } from './model/errors.js';
import { escapeControls } from './model/user-text.js';
import { COMMAND_USAGE, parseCommandArgs as parse } from './cli-usage.js';
import { apiFailure, orgClient, type OrgClient } from './org/client.js';
import { GITHUB_MATRIX_LIMIT, listRepos, toMatrix } from './org/repos.js';
import { targetProblem, uploadSarif } from './org/sarif-upload.js';
import type { CliIO } from './cli.js';

const API_FLAG = { 'api-url': { type: 'string' } } as const;

/** `moltguard org repos|upload-sarif`: the two GitHub calls an organisation workflow needs. */
export async function orgCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'repos') return reposCommand(rest, io);
  if (sub === 'upload-sarif') return uploadCommand(rest, io);
  if (sub === '-h' || sub === '--help') return usage(io);
  // No subcommand is a usage error: the usage goes where errors go.
  if (sub === undefined) return (io.stderr(`${COMMAND_USAGE.org}\n`), 2);
  throw new UsageError(`org: unknown subcommand "${sub}"; expected repos or upload-sarif (moltguard org --help)`);
}

async function reposCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse('org', args, { ...API_FLAG, 'max-jobs': { type: 'string' }, 'include-archived': { type: 'boolean' }, 'include-forks': { type: 'boolean' } } as const);
  if (values.help) return usage(io);
  if (positionals.length !== 1 || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(positionals[0])) {
    throw new UsageError(`org repos: expected one organisation or user name, got ${positionals.length ? escapeControls(positionals.join(' ').slice(0, 80)) : 'none'}`);
  }
  const maxJobs = wholeNumber('max-jobs', values['max-jobs'], GITHUB_MATRIX_LIMIT) ?? GITHUB_MATRIX_LIMIT;
  const owner = positionals[0];
  const listing = await call(`listing ${owner}'s repositories`, (client) => listRepos(client, owner, { includeArchived: !!values['include-archived'], includeForks: !!values['include-forks'] }), values['api-url'], io);
  for (const s of listing.skipped) io.stderr(`moltguard: left out ${escapeControls(s.fullName)}: ${s.why}\n`);
  const matrix = toMatrix(listing.repos, maxJobs);
  io.stderr(`moltguard: ${listing.repos.length} repositories of ${listing.owner} ${owner} in ${matrix.include.length} jobs (${listing.skipped.length} left out)\n`);
  io.stdout(`${JSON.stringify(matrix)}\n`);
  return 0;
}

async function uploadCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse('org', args, { ...API_FLAG, repository: { type: 'string' }, commit: { type: 'string' }, ref: { type: 'string' } } as const);
  if (values.help) return usage(io);
  if (positionals.length !== 1) throw new UsageError(`org upload-sarif: expected one SARIF file, got ${positionals.length}`);
  const [file] = positionals;
  const repository = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(values.repository ?? '');
  if (!repository) throw new UsageError(`org upload-sarif: --repository ${escapeControls((values.repository ?? '(missing)').slice(0, 80))}: expected OWNER/NAME`);
  const target = { owner: repository[1], repo: repository[2], commitSha: values.commit ?? '', ref: values.ref ?? '' };
  const problem = targetProblem(target);
  if (problem) throw new UsageError(`org upload-sarif: ${escapeControls(problem)}`);
  const sarif = readSarif(file);
  const { id, gzippedBytes } = await call(`uploading ${file} to ${target.owner}/${target.repo}`, (client) => uploadSarif(client, target, sarif), values['api-url'], io);
  io.stderr(`moltguard: ${file} (${gzippedBytes} bytes gzipped) uploaded to ${target.owner}/${target.repo} code scanning for ${target.ref}${id ? `, upload ${id}` : ''}\n`);
  return 0;
}

function readSarif(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const doc = JSON.parse(text) as { version?: unknown; runs?: unknown };
    if (doc?.version !== '2.1.0' || !Array.isArray(doc.runs)) throw new Error('not SARIF');
  } catch {
    // Never V8's message: it quotes the file, which may hold anything.
    throw new UsageError(`${file}: not a SARIF 2.1.0 report (moltguard scan --sarif FILE writes one)`);
  }
  return text;
}

async function call<T>(what: string, work: (client: OrgClient) => Promise<T>, apiFlag: string | undefined, io: CliIO): Promise<T> {
  const env = io.env ?? {};
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) throw new UsageError('org: needs a token in GITHUB_TOKEN (or GH_TOKEN) that can read the repositories');
  const apiUrl = apiFlag ?? env.GITHUB_API_URL ?? 'https://api.github.com';
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl)) throw new UsageError(`org: API URL ${escapeControls(apiUrl.slice(0, 80))}: expected http(s)://host`);
  const client = orgClient(token, apiUrl, (line) => io.stderr(`moltguard: ${escapeControls(line)}\n`));
  try {
    return await work(client);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`org: ${what} failed: ${escapeControls(apiFailure(e))}`);
  }
}

function wholeNumber(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${flag} ${escapeControls(value.slice(0, 40))}: expected a whole number from 1 to ${max}`);
  return n;
}

function usage(io: CliIO): number {
  io.stdout(`${COMMAND_USAGE.org}\n`);
  return 0;
}
