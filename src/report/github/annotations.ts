import * as core from '@actions/core';
import type { Finding } from '../../finding.js';

/**
 * GitHub shows 10 errors and 10 warnings per step and 50 per job; beyond that they are only
 * noise in the log. The job summary and SARIF carry every finding.
 */
export const MAX_ANNOTATIONS = 50;

/** Workflow-command annotations, most severe first (findings arrive sorted that way). */
export function annotate(findings: readonly Finding[]): void {
  for (const f of findings.slice(0, MAX_ANNOTATIONS)) {
    const { text, props } = annotation(f);
    if (f.severity === 'critical' || f.severity === 'high') core.error(text, props);
    else if (f.severity === 'medium') core.warning(text, props);
    else core.notice(text, props);
  }
  if (findings.length > MAX_ANNOTATIONS) {
    core.notice(`moltguard: ${findings.length - MAX_ANNOTATIONS} more findings are not annotated; the job summary and the SARIF report list them all.`);
  }
}

export function annotation(f: Finding): { text: string; props: core.AnnotationProperties } {
  const title = `moltguard ${f.severity}: ${f.ruleId}`;
  const preview = f.preview ? ` [${f.preview}]` : '';
  if (f.commit) {
    // Found in a commit that a later commit removed it from: the line number is that commit's,
    // not the head's, so the annotation names the file only and the message the commit.
    const text = `${f.message}${preview} Added in commit ${f.commit.slice(0, 12)} (${f.path}:${f.line}) and removed later; merging still publishes it. Fix: ${f.remediation}`;
    return { text, props: { title, file: f.path } };
  }
  const oneLine = f.endLine === f.line;
  return {
    text: `${f.message}${preview} Fix: ${f.remediation}`,
    props: {
      title,
      file: f.path,
      startLine: f.line,
      endLine: f.endLine,
      // Columns are honoured only on one-line annotations.
      ...(oneLine ? { startColumn: f.column, endColumn: Math.max(f.endColumn, f.column) } : {}),
    },
  };
}
