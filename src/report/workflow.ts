import type { Finding } from '../finding.js';
import type { Report } from '../run.js';

/**
 * GitHub workflow commands (`::error file=…::…`), most severe first. Written by hand rather
 * than through @actions/core so the CLI's `--format github` needs no Actions runtime.
 */
export function toWorkflowCommands(report: Report): string {
  return report.findings.map(command).join('\n') + (report.findings.length ? '\n' : '');
}

export function command(f: Finding): string {
  const level = f.severity === 'critical' || f.severity === 'high' ? 'error' : f.severity === 'medium' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(f.path)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    ...(f.endLine === f.line ? [`endColumn=${f.endColumn}`] : []),
    `title=${escapeProperty(`moltguard ${f.severity}: ${f.ruleId}`)}`,
  ];
  return `::${level} ${props.join(',')}::${escapeData(`${f.message}${f.preview ? ` [${f.preview}]` : ''} Fix: ${f.remediation}`)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
