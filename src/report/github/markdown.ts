/** Small Markdown builders for the job summary and review comments (GitHub Flavored Markdown). */
import { escapeControls } from '../../model/user-text.js';

/** Text inside a table cell or a paragraph: HTML is not interpreted, pipes do not split cells, control characters are escaped. */
export function text(s: string): string {
  return escapeControls(s, true).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** An inline code span that survives backticks inside it (GFM: a longer fence, padded). */
export function code(s: string): string {
  s = escapeControls(s);
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  // Inside a table a pipe still splits the cell, even in code.
  return `${fence}${pad}${s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function fenced(info: string, body: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${body}\n${fence}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Link to a file line in the repository at one commit. */
export function blobLink(repoUrl: string, sha: string, path: string, line: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${repoUrl}/blob/${sha}/${encoded}#L${line}`;
}
