/**
 * systemd unit files as systemd reads them: `[Section]` headers, `Key=Value` assignments with
 * case-sensitive keys, `#` and `;` comment lines, and a trailing backslash that joins a line
 * with the next (the backslash becomes a space; comment lines inside the run are skipped).
 * Repeated keys are kept in order: what they mean (last wins, empty resets) is decided by
 * the merge, which sees the base unit and its drop-ins together.
 */
export interface UnitSection {
  name: string;
  file: string;
  line: number;
  column: number;
}

/** Where each physical piece of a (possibly continued) value starts, to place findings inside it. */
export interface ValuePiece {
  /** Offset of this piece in `value`. */
  offset: number;
  line: number;
  column: number;
}

export interface UnitEntry {
  section: string;
  key: string;
  value: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pieces: ValuePiece[];
}

export interface UnitProblem {
  file: string;
  line: number;
  message: string;
}

export interface UnitFile {
  file: string;
  sections: UnitSection[];
  entries: UnitEntry[];
  problems: UnitProblem[];
}

export function parseUnit(file: string, text: string): UnitFile {
  const lines = text.split(/\r?\n/);
  const sections: UnitSection[] = [];
  const entries: UnitEntry[] = [];
  const problems: UnitProblem[] = [];
  let section: UnitSection | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const indent = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (trimmed.startsWith('[')) {
      const m = /^\[([^\]]+)\]$/.exec(trimmed);
      if (!m) problems.push({ file, line: i + 1, message: 'malformed section header' });
      else sections.push((section = { name: m[1], file, line: i + 1, column: indent + 1 }));
      continue;
    }
    const eq = raw.indexOf('=');
    if (eq < 0) {
      problems.push({ file, line: i + 1, message: 'line is neither a section header nor Key=Value' });
      continue;
    }
    const key = raw.slice(0, eq).trim();
    if (!section) {
      problems.push({ file, line: i + 1, message: `${key}= appears before any [Section] header; systemd ignores it` });
      continue;
    }
    const joined = readValue(lines, i, eq + 1);
    entries.push({
      section: section.name,
      key,
      value: joined.value,
      file,
      line: i + 1,
      column: indent + 1,
      endLine: joined.endLine,
      endColumn: joined.endColumn,
      pieces: joined.pieces,
    });
    i = joined.endLine - 1;
  }
  return { file, sections, entries, problems };
}

/** The value starting at `lines[start]` index `from`, following backslash continuations. */
function readValue(lines: string[], start: number, from: number): { value: string; endLine: number; endColumn: number; pieces: ValuePiece[] } {
  let value = '';
  const pieces: ValuePiece[] = [];
  let l = start;
  let col = from;
  for (;;) {
    const raw = lines[l] ?? '';
    const body = raw.slice(col).trimEnd();
    // systemd strips each physical line before joining, so leading blanks never reach the value.
    const lead = body.length - body.trimStart().length;
    const continued = body.endsWith('\\');
    const piece = (continued ? body.slice(0, -1) : body).slice(lead);
    pieces.push({ offset: value.length, line: l + 1, column: col + lead + 1 });
    value += piece;
    if (!continued || l + 1 >= lines.length) {
      return { value: value.trimEnd(), endLine: l + 1, endColumn: col + body.length + 1, pieces };
    }
    value += ' ';
    l++;
    // Comment lines inside a continuation are skipped, as systemd does.
    while (l < lines.length && /^\s*[#;]/.test(lines[l])) l++;
    if (l >= lines.length) return { value: value.trimEnd(), endLine: l, endColumn: 1, pieces };
    col = 0;
  }
}

/** The 1-based line and column of character `offset` of an entry's value. */
export function positionInValue(entry: UnitEntry, offset: number): { line: number; column: number } {
  let piece = entry.pieces[0];
  for (const p of entry.pieces) if (p.offset <= offset) piece = p;
  return { line: piece.line, column: piece.column + (offset - piece.offset) };
}

/** systemd's boolean syntax. */
export function parseBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(v)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(v)) return false;
  return undefined;
}
