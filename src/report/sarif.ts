import type { Finding, Severity } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { RuleInfo } from '../model/rule-info.js';
import { TOOL_NAME, TOOL_VERSION } from '../model/version.js';
import { ignoreHint } from './hints.js';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning ranks security alerts by this CVSS-like score. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/** SARIF 2.1.0 for code scanning: every rule described, every result located and fingerprinted. */
export function toSarif(report: Report): string {
  const used = new Set(report.findings.map((f) => f.ruleId));
  // All rules that fired plus the rest of the catalog, so that a rule that stops firing closes its alerts.
  const rules = [...report.rules].sort((a, b) => Number(used.has(b.id)) - Number(used.has(a.id)) || (a.id < b.id ? -1 : 1));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION.replace(/-.*/, ''), rules: rules.map(describeRule) } },
        automationDetails: { id: `${TOOL_NAME}/${report.mode}/` },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned folder' } } },
        results: report.findings.map((f) => result(f, index.get(f.ruleId))),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.stats.skipped.map((s) => ({ level: 'note', message: { text: `skipped ${s.path}: ${s.reason}` } })),
              ...report.notices.map((n) => ({ level: 'warning', message: { text: n } })),
            ],
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function describeRule(r: RuleInfo) {
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: { text: `${r.description}\n\nFix: ${r.help}`, markdown: `**${r.title}**\n\n${r.description}\n\n**Fix:** ${r.help}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['security', r.category], 'security-severity': SECURITY_SEVERITY[r.severity], precision: 'high' },
  };
}

function region(line: number, column: number, endLine: number, endColumn: number) {
  return { startLine: line, startColumn: column, endLine, endColumn: Math.max(endColumn, endLine === line ? column + 1 : endColumn) };
}

function result(f: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message}${f.preview ? ` (${f.preview})` : ''}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' },
          region: { ...region(f.line, f.column, f.endLine, f.endColumn), ...(f.snippet ? { snippet: { text: f.snippet } } : {}) },
        },
      },
    ],
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((r, id) => ({
            id,
            message: { text: r.message ?? '' },
            physicalLocation: { artifactLocation: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' }, region: region(r.line, r.column, r.endLine, r.endColumn) },
          })),
        }
      : {}),
    partialFingerprints: { 'moltguardFingerprint/v1': f.fingerprint },
    properties: {
      severity: f.severity,
      category: f.category,
      remediation: f.remediation,
      suppress: ignoreHint(f),
      ...(f.commit ? { commit: f.commit, author: f.author, date: f.date } : {}),
    },
  };
}
