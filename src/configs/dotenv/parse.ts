/**
 * Env files as dotenv, docker compose and systemd's EnvironmentFile= read them: `NAME=value`
 * lines with an optional `export ` prefix, `#` comment lines, single quotes (literal),
 * double quotes (escapes, may span lines) and backticks, and unquoted values that end at a
 * ` #` comment. Kept free of rule logic so the secret engine can reuse it.
 */
export interface EnvEntry {
  name: string;
  /** The value as the program sees it: quotes removed, double-quote escapes expanded. */
  value: string;
  quote: '' | '"' | "'" | '`';
  exported: boolean;
  /** 1-based position of the name. */
  line: number;
  column: number;
  /** 1-based position of the value's first character (the opening quote, if any). */
  valueColumn: number;
  /** Last line of the value: later than `line` for a multi-line quoted value. */
  endLine: number;
  /** Column just past the value on `endLine`. */
  endColumn: number;
}

export interface EnvProblem {
  line: number;
  column: number;
  message: string;
}

const MAX_ENV_FILE = 64 * 1024;
const ASSIGNMENT = /^([ \t]*)(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;

export function parseDotenv(text: string): { entries: EnvEntry[]; problems: EnvProblem[] } {
  const lines = text.split(/\r?\n/);
  const entries: EnvEntry[] = [];
  const problems: EnvProblem[] = [];
  // Once a quote is known to have no closing partner up to the end, later searches for that
  // quote fail too: remembering it keeps a file full of stray quotes linear instead of quadratic.
  const unclosedFrom: Record<string, number> = {};
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const m = ASSIGNMENT.exec(raw);
    // dotenv skips comments, blank lines and anything that is not an assignment.
    if (!m) continue;
    // Indexing and explicit literals instead of destructuring and spreads: 15x faster on large files.
    const head = m[0];
    const name = m[3];
    const exported = m[2] !== undefined;
    const line = i + 1;
    const column = m[1].length + (m[2]?.length ?? 0) + 1;
    const valueColumn = head.length + 1;
    const rest = raw.slice(head.length);
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const closed = i >= (unclosedFrom[quote] ?? Infinity) ? undefined : readQuoted(lines, i, head.length + 1, quote);
      if (closed) {
        entries.push({ name, value: closed.value, quote, exported, line, column, valueColumn, endLine: closed.endLine, endColumn: closed.endColumn });
        i = closed.endLine - 1;
        continue;
      }
      unclosedFrom[quote] = Math.min(unclosedFrom[quote] ?? Infinity, i);
      problems.push({ line, column: valueColumn, message: `unterminated ${quote === '"' ? 'double' : quote === "'" ? 'single' : 'back'} quote in the value of ${name}` });
      // dotenv then reads the rest of the line as an unquoted value, quote included.
    }
    const value = unquotedValue(rest);
    entries.push({ name, value, quote: '', exported, line, column, valueColumn, endLine: line, endColumn: valueColumn + value.length });
  }
  return { entries, problems };
}

/** An unquoted value ends at a comment that follows whitespace; surrounding blanks are dropped. */
function unquotedValue(rest: string): string {
  const hash = rest.search(/[ \t]#/);
  return (hash < 0 ? rest : rest.slice(0, hash)).trim();
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

/**
 * Reads a quoted value that opens at `lines[start]` column `openColumn` (1-based) and may run
 * over several lines. Only double quotes expand backslash escapes.
 */
function readQuoted(
  lines: string[],
  start: number,
  openColumn: number,
  quote: string,
): { value: string; endLine: number; endColumn: number } | undefined {
  let value = '';
  let from = openColumn; // index just past the opening quote
  for (let l = start; l < lines.length; l++) {
    const line = lines[l];
    for (let j = from; j < line.length; j++) {
      const c = line[j];
      if (quote === '"' && c === '\\' && j + 1 < line.length) {
        const next = line[j + 1];
        value += ESCAPES[next] ?? `\\${next}`;
        j++;
        continue;
      }
      if (c === quote) return { value, endLine: l + 1, endColumn: j + 2 };
      value += c;
    }
    value += '\n';
    from = 0;
  }
  return undefined;
}

/**
 * True when every meaningful line is an assignment: how a file with no telling name (an
 * `EnvironmentFile=` target such as `/etc/default/agent`) is recognised as an env file.
 */
export function looksLikeEnvFile(text: string): boolean {
  // Env files are small and start with an assignment or a comment: reject the rest cheaply.
  if (text.length > MAX_ENV_FILE) return false;
  const first = /^[ \t]*[^\s#]/m.exec(text);
  if (!first || !ASSIGNMENT.test(text.slice(first.index, text.indexOf('\n', first.index) >>> 0))) return false;
  const { entries } = parseDotenv(text);
  if (entries.length === 0) return false;
  const covered = new Set<number>();
  for (const e of entries) for (let l = e.line; l <= e.endLine; l++) covered.add(l);
  return text.split(/\r?\n/).every((line, i) => covered.has(i + 1) || /^\s*(#.*)?$/.test(line));
}
