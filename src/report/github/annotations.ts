import * as core from '@actions/core';
import type { Finding } from '../../model/finding.js';
import { annotationOf } from '../annotation.js';

/**
 * GitHub shows 10 errors and 10 warnings per step and 50 per job; beyond that they are only
 * noise in the log. The job summary and SARIF carry every finding.
 */
export const MAX_ANNOTATIONS = 50;

/** Workflow-command annotations, most severe first (findings arrive sorted that way). */
export function annotate(findings: readonly Finding[]): void {
  for (const f of findings.slice(0, MAX_ANNOTATIONS)) {
    const { level, text, props } = annotationOf(f);
    core[level](text, props);
  }
  if (findings.length > MAX_ANNOTATIONS) {
    core.notice(`moltguard: ${findings.length - MAX_ANNOTATIONS} more findings are not annotated; the job summary and the SARIF report list them all.`);
  }
}
