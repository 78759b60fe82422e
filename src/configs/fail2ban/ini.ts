/**
 * fail2ban's jail files as its config reader (Python's configparser) sees them: `[section]`,
 * `key = value` or `key: value`, option names case-insensitive, `#` and `;` comment lines,
 * ` ;` inline comments (and ` #`, which fail2ban would otherwise keep in the value and then
 * refuse), and indented lines continuing the previous value.
 */
export interface IniEntry {
  /** Lower-cased option name. */
  key: string;
  name: string;
  value: string;
  /** The section it was set in (`DEFAULT` for defaults every jail inherits). */
  section: string;
  file: string;
  line: number;
  column: number;
  /** Where the value starts on its line, for findings that point at it. */
  valueColumn: number;
}

export interface IniSection {
  name: string;
  file: string;
  line: number;
  column: number;
  entries: IniEntry[];
}

export interface IniProblem {
  line: number;
  message: string;
}

export function parseIni(file: string, text: string): { sections: IniSection[]; problems: IniProblem[] } {
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  let current: IniSection | undefined;
  let last: IniEntry | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*([#;]|$)/.test(raw)) {
      if (!raw.trim()) last = undefined;
      continue;
    }
    if (/^\s/.test(raw) && last) {
      last.value = `${last.value}\n${stripInline(raw).trim()}`.trim();
      continue;
    }
    const header = /^\[([^\]]+)\]\s*([#;].*)?$/.exec(raw);
    if (header) {
      current = { name: header[1].trim(), file, line: i + 1, column: 1, entries: [] };
      sections.push(current);
      last = undefined;
      continue;
    }
    const m = splitEntry(raw);
    if (!m) {
      problems.push({ line: i + 1, message: 'unparseable line (not a [section], key = value or continuation)' });
      continue;
    }
    if (!current) {
      problems.push({ line: i + 1, message: `"${m[2]}" appears before any [section] header` });
      continue;
    }
    const [, indent, name, , rest] = m;
    const valueColumn = raw.length - rest.length + 1;
    last = { key: name.toLowerCase(), name, value: stripInline(rest).trim(), section: current.name, file, line: i + 1, column: indent.length + 1, valueColumn };
    current.entries.push(last);
  }
  return { sections, problems };
}

/**
 * `name = value` or `name: value` split by hand: the regex it replaces
 * (`^(\s*)([^=:\s][^=:]*?)\s*([=:])\s*(.*)$`) tried every split of a run of blanks, and a line
 * of 40,000 took 1.8 s. Same groups: [whole, indent, name, separator, rest].
 */
function splitEntry(raw: string): [string, string, string, string, string] | undefined {
  const sep = raw.search(/[=:]/);
  if (sep < 0) return undefined;
  const indent = raw.length - raw.trimStart().length;
  const name = raw.slice(indent, sep).trimEnd();
  if (!name) return undefined;
  return [raw, raw.slice(0, indent), name, raw[sep], raw.slice(sep + 1).trimStart()];
}

function stripInline(value: string): string {
  const m = /\s[;#]/.exec(value);
  return m ? value.slice(0, m.index) : value;
}

/**
 * Sections merged over files read in order: a later file's option replaces an earlier one in
 * the same section; a section's own option beats [DEFAULT], whatever file each came from.
 */
export class MergedIni {
  private readonly sections = new Map<string, Map<string, IniEntry>>();
  private readonly headers = new Map<string, IniSection[]>();

  constructor(files: IniSection[][]) {
    for (const file of files) {
      for (const s of file) {
        const map = this.sections.get(s.name) ?? new Map<string, IniEntry>();
        for (const e of s.entries) map.set(e.key, e);
        this.sections.set(s.name, map);
        this.headers.set(s.name, [...(this.headers.get(s.name) ?? []), s]);
      }
    }
  }

  has(section: string): boolean {
    return this.sections.has(section);
  }

  names(): string[] {
    return [...this.sections.keys()];
  }

  /** Every `[section]` header for a name, in reading order (the last one is the most local). */
  headersOf(section: string): IniSection[] {
    return this.headers.get(section) ?? [];
  }

  /** The entry that decides `key` for `section`, with [DEFAULT] as the fallback. */
  effective(section: string, key: string): IniEntry | undefined {
    return this.sections.get(section)?.get(key) ?? this.sections.get('DEFAULT')?.get(key);
  }
}

const UNITS: [RegExp, number][] = [
  [/^y(ears?)?$/, 365 * 86400],
  [/^mo(nths?)?$/, 30 * 86400],
  [/^w(eeks?)?$/, 7 * 86400],
  [/^d(ays?)?$/, 86400],
  [/^h(ours?)?$/, 3600],
  [/^m(in(utes?)?)?$/, 60],
  [/^s(ec(onds?)?)?$/, 1],
];

/** fail2ban's time values: `600`, `10m`, `1h 30m`, `1 hour`, `-1`; undefined when not a time. */
export function parseDuration(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  let total = 0;
  let rest = v;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)\s*/.exec(rest);
    const unit = m && UNITS.find(([re]) => re.test(m[2]));
    if (!m || !unit) return undefined;
    total += Number(m[1]) * unit[1];
    rest = rest.slice(m[0].length);
  }
  return total;
}
