import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../model/errors.js';
import { trimTrailing } from '../model/trim.js';

/** What the runner tells a step about itself, read once from the environment. */
export interface Runner {
  workspace: string;
  eventName: string;
  /** The event payload; empty for a run without one (a local test). */
  payload: unknown;
  owner?: string;
  repo?: string;
  /** The checked-out commit (for a pull request, GitHub's merge commit). */
  sha?: string;
  serverUrl: string;
  apiUrl: string;
  /** Link to this run's page, where the job summary is. */
  runUrl?: string;
}

export function readRunner(env: NodeJS.ProcessEnv, cwd: string): Runner {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = trimTrailing(env.GITHUB_SERVER_URL || 'https://github.com', '/');
  const runUrl = owner && repo && env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return {
    workspace: env.GITHUB_WORKSPACE || cwd,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: readPayload(env.GITHUB_EVENT_PATH),
    owner: owner || undefined,
    repo: repo || undefined,
    sha: env.GITHUB_SHA || undefined,
    serverUrl,
    apiUrl: trimTrailing(env.GITHUB_API_URL || 'https://api.github.com', '/'),
    runUrl,
  };
}

function readPayload(path: string | undefined): unknown {
  if (!path) return {};
  if (!existsSync(path)) throw new UsageError(`GITHUB_EVENT_PATH ${path} does not exist; moltguard needs the event payload to know what changed`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`GITHUB_EVENT_PATH ${path} is not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}
