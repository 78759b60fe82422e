import { familyOf } from './family.js';

/**
 * Whether the entry a value sits in is a made-up account: a sibling user, e-mail, host or URL
 * of the same YAML mapping or INI section is a name reserved for examples (RFC 2606:
 * `example.com`, `.example`, `.invalid`, or the bare word `example`). No real account lives
 * there, so its password was written to show the shape (sample inventories, cloud configs).
 * Read only for a file that already has a finding; `lines` is its text split once.
 */
export function exampleEntryReason(lines: readonly string[], path: string, line: number): string | undefined {
  const family = familyOf(path);
  if (family !== 'yaml' && family !== 'ini') return undefined;
  if (line < 1 || line > lines.length) return undefined;
  const siblings = family === 'yaml' ? yamlSiblings(lines, line - 1) : iniSiblings(lines, line - 1);
  for (const s of siblings) {
    const m = PAIR.exec(s.trim());
    if (m && ACCOUNT_KEY.test(m[1]) && EXAMPLE_NAME.test(unquote(m[2]))) {
      return `beside a made-up account (${m[1].trim()} is a name reserved for examples)`;
    }
  }
  return undefined;
}

// `key: value` (YAML) or `key = value` (INI); a leading `- ` starts a list item's mapping.
// Matched on a trimmed line: blanks on both sides of a lazy value were tried in every split.
const PAIR = /^(?:-\s+)?([A-Za-z_][\w.-]*)\s*[:=]\s*(\S.*)$/;
const ACCOUNT_KEY = /user|login|e-?mail|account|host|server|url|endpoint|domain/i;
const EXAMPLE_NAME = /^example$|(?:^|[@./])example\.(?:com|net|org)(?:$|[:/])|\.(?:example|invalid)(?:$|[:/])/i;

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2] : v;
}

/** The column a line's key starts at (after a list item's `- `), or -1 for a blank or comment line. */
function keyColumn(l: string): number {
  const m = /^([ \t]*)(-[ \t]+)?(?=\S)(?!#)/.exec(l);
  return m ? m[1].length + (m[2]?.length ?? 0) : -1;
}

/** The lines of the mapping `at` belongs to, at its own key column (children are not siblings). */
function yamlSiblings(lines: readonly string[], at: number): string[] {
  const column = keyColumn(lines[at]);
  const item = (l: string) => /^[ \t]*-[ \t]/.test(l);
  const out: string[] = [];
  // Up to the list item that opens the entry, or the parent key.
  if (!item(lines[at])) {
    for (let i = at - 1; i >= 0; i--) {
      const c = keyColumn(lines[i]);
      if (c < 0 || c > column) continue;
      if (c < column) break;
      out.push(lines[i]);
      if (item(lines[i])) break;
    }
  }
  // Down to the next item, or the end of the mapping.
  for (let i = at + 1; i < lines.length; i++) {
    const c = keyColumn(lines[i]);
    if (c < 0 || c > column) continue;
    if (c < column || item(lines[i])) break;
    out.push(lines[i]);
  }
  return out;
}

/** The lines of the INI section `at` belongs to. */
function iniSiblings(lines: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let i = at - 1; i >= 0 && !/^\s*\[/.test(lines[i]); i--) out.push(lines[i]);
  for (let i = at + 1; i < lines.length && !/^\s*\[/.test(lines[i]); i++) out.push(lines[i]);
  return out;
}
