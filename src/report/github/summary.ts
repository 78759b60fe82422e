import * as core from '@actions/core';
import { SEVERITIES, type Finding, type Severity } from '../../model/finding.js';
import type { Report } from '../../model/report.js';
import { ignoreSnippet } from '../hints.js';
import { blobLink, code, table, text } from './markdown.js';

/** The summary limit is 1 MiB per step; past this many rows the JSON report and SARIF carry the rest. */
export const MAX_SUMMARY_ROWS = 250;

const ICON: Record<Severity, string> = { critical: '🛑', high: '🔴', medium: '🟠', low: '🟡', info: '⚪' };

export interface SummaryContext {
  /** `https://github.com/owner/repo`; without it locations are plain text. */
  repoUrl?: string;
  /** The commit findings' line numbers belong to (the pull request head, or the checkout). */
  headSha?: string;
  /** Why this was scanned, from the event ("pull request #4: what it adds to main …"). */
  target: string;
  /** Lines worth keeping beside the result: what was fetched, what the review did, API trouble. */
  notes: readonly string[];
}

/** The job summary as Markdown: verdict, totals, the findings table, how to silence, what ran. */
export function renderSummary(report: Report, ctx: SummaryContext): string {
  const out: string[] = [];
  const n = report.findings.length;
  out.push(
    report.blocking > 0
      ? `### ❌ moltguard: ${report.blocking} blocking finding${report.blocking === 1 ? '' : 's'} (fail-on: ${report.failOn})`
      : `### ✅ moltguard: no blocking findings (fail-on: ${report.failOn})`,
  );
  const counts = SEVERITIES.map((s) => String(report.findings.filter((f) => f.severity === s).length));
  out.push('', table([...SEVERITIES.map((s) => `${ICON[s]} ${s}`), 'suppressed'], [[...counts, String(report.suppressed.length)]]));
  if (n > 0) {
    const shown = report.findings.slice(0, MAX_SUMMARY_ROWS);
    out.push('', table(['Severity', 'Rule', 'Location', 'Message', 'Fix'], shown.map((f) => row(f, ctx))));
    if (n > shown.length) out.push('', `…and ${n - shown.length} more: the JSON report and the SARIF file list every finding.`);
    out.push('', silenceSection(shown));
  }
  out.push('', `**Scanned:** ${text(ctx.target)}: ${text(report.scanned)}.`, '', scannedLine(report));
  const notes = [...ctx.notes, ...report.notices];
  if (report.stats.skipped.length) notes.push(`${report.stats.skipped.length} file(s) skipped: ${report.stats.skipped.slice(0, 5).map((s) => `${s.path} (${s.reason})`).join(', ')}${report.stats.skipped.length > 5 ? ', …' : ''}`);
  if (notes.length) out.push('', ...notes.map((l) => `- ${text(l)}`));
  return `${out.join('\n')}\n`;
}

function row(f: Finding, ctx: SummaryContext): string[] {
  const sha = f.commit ?? ctx.headSha;
  const label = code(`${f.path}:${f.line}`);
  const location = ctx.repoUrl && sha ? `[${label}](${blobLink(ctx.repoUrl, sha, f.path, f.line)})` : label;
  const history = f.commit ? `<br>in commit ${code(f.commit.slice(0, 12))}, removed later: merging still publishes it` : '';
  const message = `${text(f.message)}${f.preview ? ` (${code(f.preview)})` : ''}${history}`;
  const suggestion = f.fix ? `<br>Suggested: ${f.fix.replacement.split(/\r?\n/).map(code).join('<br>')}` : '';
  return [`${ICON[f.severity]} ${f.severity}`, code(f.ruleId), location, message, `${text(f.remediation)}${suggestion}`];
}

function silenceSection(findings: readonly Finding[]): string {
  const rows = findings.map((f) => {
    const hint = ignoreSnippet(f);
    return [code(`${f.path}:${f.line}`), code(f.ruleId), code(hint.paste), text(hint.where)];
  });
  return [
    '<details><summary>Silence a finding (fix it first; keep a reason)</summary>',
    '',
    table(['Location', 'Rule', 'Paste', 'Where'], rows),
    '',
    '</details>',
  ].join('\n');
}

function scannedLine(report: Report): string {
  const s = report.stats;
  const parts = [
    `mode ${code(report.mode)}`,
    ...(report.range ? [`range ${code(`${report.range.base?.slice(0, 12) ?? ''}..${report.range.head.slice(0, 12)}`)}`] : []),
    `${s.commits} commit${s.commits === 1 ? '' : 's'}`,
    `${s.files} file${s.files === 1 ? '' : 's'}`,
    formatBytes(s.bytes),
    `${s.durationMs} ms`,
  ];
  return parts.join(' · ');
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Appends to the job summary; a runner without one (local `act`, tests) gets a warning, not a failure. */
export async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (e) {
    core.warning(`moltguard: could not write the job summary: ${(e as Error).message.split('\n')[0]}`);
  }
}
