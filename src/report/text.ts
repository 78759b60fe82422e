import type { Finding, Severity } from '../model/finding.js';
import { SEVERITIES } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { ignoreHint } from './hints.js';

const COLORS: Record<Severity, string> = {
  critical: '\u001b[1;31m',
  high: '\u001b[31m',
  medium: '\u001b[33m',
  low: '\u001b[36m',
  info: '\u001b[2m',
};
const RESET = '\u001b[0m';
const DIM = '\u001b[2m';

/** Human output: grouped by file, each finding with its line (redacted), why, fix and how to silence it. */
export function toText(report: Report, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `${code}${s}${RESET}` : s);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.path) ?? [];
    list.push(f);
    byFile.set(f.path, list);
  }
  for (const path of [...byFile.keys()].sort()) {
    out.push(paint('\u001b[1m', path));
    for (const f of byFile.get(path)!.sort((a, b) => a.line - b.line || a.column - b.column)) {
      const sev = paint(COLORS[f.severity], f.severity.toUpperCase().padEnd(8));
      out.push(`  ${f.line}:${f.column}  ${sev} ${f.ruleId}  ${f.message}`);
      if (f.snippet.trim()) out.push(paint(DIM, `      | ${f.snippet.trim()}`));
      if (f.commit) out.push(`      commit ${f.commit.slice(0, 12)} by ${f.author} on ${f.date}`);
      for (const r of f.related ?? []) out.push(`      see ${r.path}:${r.line}${r.message ? ` (${r.message})` : ''}`);
      out.push(`      fix: ${f.remediation}`);
      out.push(paint(DIM, `      ignore: ${ignoreHint(f)}`));
    }
    out.push('');
  }
  for (const notice of report.notices) out.push(`note: ${notice}`);
  if (report.stats.skipped.length) {
    out.push(`note: ${report.stats.skipped.length} file(s) skipped: ${report.stats.skipped.slice(0, 5).map((s) => `${s.path} (${s.reason})`).join(', ')}${report.stats.skipped.length > 5 ? ', …' : ''}`);
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

export function summaryLine(report: Report): string {
  const counts = SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const total = report.findings.length;
  const parts = [
    `${total} finding${total === 1 ? '' : 's'}${counts.length ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})` : ''}`,
    `${report.blocking} blocking at fail-on ${report.failOn}`,
    report.suppressed.length ? `${report.suppressed.length} suppressed` : '',
    `scanned ${report.scanned}, ${formatBytes(report.stats.bytes)} in ${report.stats.durationMs} ms`,
  ].filter(Boolean);
  return `moltguard: ${parts.join('; ')}`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
