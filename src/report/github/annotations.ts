import * as core from '@actions/core';
import type { Finding } from '../../model/finding.js';
import { planAnnotations } from '../annotation-budget.js';

/**
 * Workflow-command annotations within GitHub's per-step limits: the verdict first (when the
 * scan blocks), then the most severe findings. `where` names the reports that hold them all.
 */
export function annotate(findings: readonly Finding[], verdict: string | undefined, where: string): void {
  for (const { level, text, props } of planAnnotations(findings, verdict, where).annotations) core[level](text, props ?? {});
}
