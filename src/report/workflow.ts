import type { Finding } from '../model/finding.js';
import { annotationOf } from './annotation.js';
import type { Report } from '../model/report.js';

/**
 * GitHub workflow commands (`::error file=…::…`), most severe first. Written by hand rather
 * than through @actions/core so the CLI's `--format github` needs no Actions runtime.
 */
export function toWorkflowCommands(report: Report): string {
  return report.findings.map(command).join('\n') + (report.findings.length ? '\n' : '');
}

export function command(f: Finding): string {
  const { level, text, props } = annotationOf(f);
  const fields: [string, string | number | undefined][] = [
    ['file', props.file],
    ['line', props.startLine],
    ['col', props.startColumn],
    ['endLine', props.endLine],
    ['endColumn', props.endColumn],
    ['title', props.title],
  ];
  const list = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level} ${list.join(',')}::${escapeData(text)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
