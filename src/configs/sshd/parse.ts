/**
 * sshd_config as sshd reads it: `Keyword value` or `Keyword=value`, keywords case-insensitive,
 * `#` comments, double quotes around arguments with spaces, `Match` starting a block that
 * lasts until the next `Match` or the end of the file, `Include` pulling in other files in place.
 */
export interface Directive {
  /** Lower-cased keyword. */
  keyword: string;
  /** As written, for messages. */
  name: string;
  args: string[];
  file: string;
  line: number;
  column: number;
  /** Column where the value starts, for precise findings. */
  valueColumn: number;
  endColumn: number;
  /** The Match block this directive sits in; undefined for the global section. */
  match?: MatchBlock;
}

export interface MatchBlock {
  criteria: string[];
  file: string;
  line: number;
}

export interface ParseProblem {
  file: string;
  line: number;
  message: string;
}

export function parseSshdLines(file: string, text: string, match?: MatchBlock): { directives: Directive[]; problems: ParseProblem[] } {
  const directives: Directive[] = [];
  const problems: ParseProblem[] = [];
  let block = match;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const m = /^(\s*)([A-Za-z][A-Za-z0-9]*)(\s*=\s*|\s+)(.*)$/s.exec(raw);
    if (!m) {
      const trimmed = raw.trim();
      if (trimmed && !trimmed.startsWith('#')) problems.push({ file, line: i + 1, message: 'unparseable line (not a keyword and value)' });
      continue;
    }
    const [, indent, name, sep, rest] = m;
    const args = splitArgs(rest);
    if (args === undefined) {
      problems.push({ file, line: i + 1, message: `unterminated quote after ${name}` });
      continue;
    }
    const keyword = name.toLowerCase();
    if (keyword === 'match') {
      block = { criteria: args, file, line: i + 1 };
    }
    const valueColumn = indent.length + name.length + sep.length + 1;
    directives.push({
      keyword,
      name,
      args,
      file,
      line: i + 1,
      column: indent.length + 1,
      valueColumn,
      endColumn: withoutComment(raw).length + 1,
      match: keyword === 'match' ? undefined : block,
    });
  }
  return { directives, problems };
}

/** sshd's argument splitting: whitespace-separated, double quotes group, `#` starts a comment. */
function splitArgs(rest: string): string[] | undefined {
  const args: string[] = [];
  let i = 0;
  while (i < rest.length) {
    const c = rest[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === '"') {
      const close = rest.indexOf('"', i + 1);
      if (close < 0) return undefined;
      args.push(rest.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < rest.length && rest[j] !== ' ' && rest[j] !== '\t') j++;
    args.push(rest.slice(i, j));
    i = j;
  }
  return args;
}

/** The line without its trailing comment and blanks; by hand, as `/\s+(#.*)?$/` is quadratic in a run of blanks. */
function withoutComment(raw: string): string {
  const hash = raw.search(/\s#/);
  return (hash < 0 ? raw : raw.slice(0, hash)).trimEnd();
}
