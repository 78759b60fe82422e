import { repoPrefix } from '../sources/git.js';
import { relative, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';

/**
 * Finding paths are relative to the scanned folder; annotations, review comments, links and
 * code scanning all want them relative to the repository root. With `path: deploy` a finding in
 * `sshd_config` is `deploy/sshd_config` to GitHub.
 */
export async function repoPathPrefix(root: string, workspace: string): Promise<string> {
  try {
    return await repoPrefix(root);
  } catch {
    // Not a git checkout: the folder's place in the workspace is the best answer.
    const rel = relative(workspace, root).split(sep).join('/');
    return rel && !rel.startsWith('..') ? `${rel}/` : '';
  }
}

/** The same report with every path prefixed; nothing else changes, so redaction is untouched. */
export function withRepoPaths(report: Report, prefix: string): Report {
  if (!prefix) return report;
  const move = (f: Finding): Finding =>
    Object.freeze({
      ...f,
      path: prefix + f.path,
      ...(f.related ? { related: f.related.map((r) => ({ ...r, path: prefix + r.path })) } : {}),
    });
  return {
    ...report,
    findings: report.findings.map(move),
    suppressed: report.suppressed.map((s) => ({ ...s, finding: move(s.finding) })),
    stats: { ...report.stats, skipped: report.stats.skipped.map((s) => ({ ...s, path: prefix + s.path })) },
  };
}
