import type { Report } from '../model/report.js';
import { TOOL_NAME, TOOL_VERSION } from '../model/version.js';

export const JSON_REPORT_VERSION = '1';

/** The machine-readable report; every field of every Finding is already redacted. */
export function toJson(report: Report): string {
  return `${JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      mode: report.mode,
      scanned: report.scanned,
      failOn: report.failOn,
      blocking: report.blocking,
      findings: report.findings,
      suppressed: report.suppressed.map((s) => ({ ruleId: s.finding.ruleId, path: s.finding.path, line: s.finding.line, fingerprint: s.finding.fingerprint, by: s.by })),
      notices: report.notices,
      stats: report.stats,
    },
    null,
    2,
  )}\n`;
}
