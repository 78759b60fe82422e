import type { Finding } from '../model/finding.js';
import { escapeControls } from '../model/user-text.js';

/**
 * One finding as a GitHub annotation, for both writers of them: the CLI's `--format github`
 * (workflow commands, no Actions runtime) and the action (through @actions/core).
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  text: string;
  props: { title: string; file: string; startLine?: number; endLine?: number; startColumn?: number; endColumn?: number };
}

/** Both writers print to the job log, where a control character of a path or message is a terminal escape. */
export function annotationOf(f: Finding): Annotation {
  const a = rawAnnotation(f);
  return { ...a, text: escapeControls(a.text), props: { ...a.props, file: escapeControls(a.props.file) } };
}

function rawAnnotation(f: Finding): Annotation {
  const level = f.severity === 'critical' || f.severity === 'high' ? 'error' : f.severity === 'medium' ? 'warning' : 'notice';
  const title = `moltguard ${f.severity}: ${f.ruleId}`;
  const preview = f.preview ? ` [${f.preview}]` : '';
  if (f.commit) {
    // Found in a commit: the line number is that commit's, not the checked-out file's, so the
    // annotation names the file only and the message the commit.
    const text = `${f.message}${preview} Added in commit ${f.commit.slice(0, 12)} (${f.path}:${f.line}); it stays in the history even where a later commit removed it. Fix: ${f.remediation}`;
    return { level, text, props: { title, file: f.path } };
  }
  const oneLine = f.endLine === f.line;
  return {
    level,
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
