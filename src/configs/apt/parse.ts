/**
 * APT's configuration language (apt.conf(5)), as /etc/apt/apt.conf.d/ files use it:
 * `Scope::Name "value";`, nested `Scope { Name "value"; };` blocks, list items written as bare
 * `"value";` inside a block or appended with `Name:: "value";`, `#clear Name;`, and `//`,
 * `/* *\/` and `#` comments. Values are usually quoted; apt accepts a bare word too.
 */
export interface AptStatement {
  /** `set` assigns a value, `item` adds to a list, `block` opens a scope, `clear` empties one. */
  kind: 'set' | 'item' | 'block' | 'clear';
  /** Full lower-cased name (`apt::periodic::unattended-upgrade`); for items, the list's name. */
  key: string;
  /** As written, for messages. */
  name: string;
  value: string;
  /** Offset of the name (or of the value, for a bare list item). */
  offset: number;
  /** Length of the name (or quoted value) as written there. */
  length: number;
  /** Offset of the value's first character inside its quotes, when there is a value. */
  valueOffset?: number;
}

export interface AptProblem {
  offset: number;
  message: string;
}

interface Token {
  kind: 'word' | 'string' | '{' | '}' | ';' | 'clear' | 'include';
  text: string;
  offset: number;
}

function tokenize(text: string, problems: AptProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (text.startsWith('//', i)) i = lineEnd(text, i);
    else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) problems.push({ offset: i, message: 'unterminated /* comment' });
      i = end < 0 ? text.length : end + 2;
    } else if (c === '#') {
      const directive = /^#(clear|include)\b/.exec(text.slice(i, i + 9));
      if (directive) {
        tokens.push({ kind: directive[1] as 'clear' | 'include', text: directive[0], offset: i });
        i += directive[0].length;
      } else i = lineEnd(text, i);
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) {
        problems.push({ offset: i, message: 'unterminated quoted value' });
        break;
      }
      tokens.push({ kind: 'string', text: text.slice(i + 1, end), offset: i });
      i = end + 1;
    } else if (c === '{' || c === '}' || c === ';') {
      tokens.push({ kind: c, text: c, offset: i });
      i++;
    } else {
      const m = /^[^\s{};"]+/.exec(text.slice(i));
      tokens.push({ kind: 'word', text: m![0], offset: i });
      i += m![0].length;
    }
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

export function parseAptConf(text: string): { statements: AptStatement[]; problems: AptProblem[] } {
  const problems: AptProblem[] = [];
  const tokens = tokenize(text, problems);
  const statements: AptStatement[] = [];
  const scopes: string[] = [];
  const full = (name: string) => [...scopes, name.replace(/::$/, '')].filter(Boolean).join('::');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.kind === ';') continue;
    if (t.kind === '}') {
      if (!scopes.length) problems.push({ offset: t.offset, message: 'unmatched }' });
      scopes.pop();
    } else if (t.kind === 'clear' || t.kind === 'include') {
      const target = next?.kind === 'word' || next?.kind === 'string' ? next : undefined;
      if (t.kind === 'clear' && target) statements.push({ kind: 'clear', key: full(target.text).toLowerCase(), name: target.text, value: '', offset: target.offset, length: target.text.length });
      if (target) i++;
    } else if (t.kind === 'string') {
      // A bare value inside a block is a list item of that block.
      statements.push({ kind: 'item', key: scopes.join('::').toLowerCase(), name: scopes.join('::'), value: t.text, offset: t.offset, length: t.text.length + 2, valueOffset: t.offset + 1 });
    } else if (t.kind === 'word') {
      const name = full(t.text);
      const append = t.text.endsWith('::');
      if (next?.kind === '{') {
        statements.push({ kind: 'block', key: name.toLowerCase(), name, value: '', offset: t.offset, length: t.text.length });
        scopes.push(t.text.replace(/::$/, ''));
        i++;
      } else if (next?.kind === 'string' || next?.kind === 'word') {
        const valueOffset = next.offset + (next.kind === 'string' ? 1 : 0);
        statements.push({ kind: append ? 'item' : 'set', key: name.toLowerCase(), name, value: next.text, offset: t.offset, length: t.text.length, valueOffset });
        i++;
        if (tokens[i + 1]?.kind !== ';') problems.push({ offset: next.offset, message: `missing ";" after ${name}` });
      } else problems.push({ offset: t.offset, message: `${t.text} has no value` });
    } else problems.push({ offset: t.offset, message: `unexpected ${t.text}` });
  }
  if (scopes.length) problems.push({ offset: text.length, message: `block ${scopes.join('::')} is not closed` });
  return { statements, problems };
}

/** The value apt ends up with for `key` (the last assignment wins), with the statement that set it. */
export function effectiveValue<T extends AptStatement>(statements: readonly T[], key: string): T | undefined {
  let found: T | undefined;
  for (const s of statements) {
    if (s.kind === 'set' && s.key === key) found = s;
    if (s.kind === 'clear' && (key === s.key || key.startsWith(`${s.key}::`))) found = undefined;
  }
  return found;
}

/** The items of list `key`, in order, after any `#clear`. */
export function listItems<T extends AptStatement>(statements: readonly T[], key: string): T[] {
  let items: T[] = [];
  for (const s of statements) {
    if (s.kind === 'item' && s.key === key) items.push(s);
    if (s.kind === 'clear' && (key === s.key || key.startsWith(`${s.key}::`))) items = [];
  }
  return items;
}
