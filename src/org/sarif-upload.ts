import { gzipSync } from 'node:zlib';
import type { OrgClient } from './client.js';

/** GitHub refuses a SARIF upload larger than this once gzip-compressed. */
export const MAX_GZIPPED_SARIF = 10 * 1024 * 1024;

export interface SarifTarget {
  owner: string;
  repo: string;
  commitSha: string;
  /** A full ref: refs/heads/main. Code scanning shows the alerts on that branch. */
  ref: string;
}

/** Why a target is unusable, or undefined: caught before any request, so the error names the flag. */
export function targetProblem(t: SarifTarget): string | undefined {
  if (!/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(t.commitSha)) return `--commit ${t.commitSha.slice(0, 80)}: expected a full commit sha (40 hex digits)`;
  if (!/^refs\/(heads|tags|pull)\/\S+$/.test(t.ref)) return `--ref ${t.ref.slice(0, 80)}: expected a full ref such as refs/heads/main`;
  return undefined;
}

/**
 * Uploads one SARIF report to a repository's code scanning, the way upload-sarif does for the
 * repository a workflow runs in, so an organisation workflow can file each repository's alerts
 * where its maintainers look. Returns GitHub's id for the upload.
 */
export async function uploadSarif(client: OrgClient, target: SarifTarget, sarifText: string): Promise<{ id: string; gzippedBytes: number }> {
  const gz = gzipSync(Buffer.from(sarifText, 'utf8'));
  if (gz.length > MAX_GZIPPED_SARIF) {
    throw new Error(`the SARIF report is ${(gz.length / 1048576).toFixed(1)} MB gzipped; GitHub accepts at most 10 MB (scan with --baseline, or a higher --fail-on, to report less)`);
  }
  const res = await client.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.commitSha,
    ref: target.ref,
    sarif: gz.toString('base64'),
    tool_name: 'moltguard',
  });
  return { id: String((res.data as { id?: string }).id ?? ''), gzippedBytes: gz.length };
}
