/**
 * A Vagrantfile is Ruby. This reader does not run it: it splits the file into statements (a
 * statement goes on while a bracket is open or a line ends in `,`, `\` or an operator), skips
 * comments, `=begin` blocks and heredoc bodies (provisioning scripts, whose quotes would
 * derail it), and records every method call with its arguments, positional or `key: value` /
 * `:key => value`. Values are kept as written; only literals and names assigned one literal
 * in the file (`PG_PORT = 5432`) have a known value.
 */

export interface RubyValue {
  /** The literal's value (a string's content, a symbol's name, a number), or undefined for an expression. */
  value?: string;
  kind: 'string' | 'symbol' | 'number' | 'true' | 'false' | 'nil' | 'name' | 'heredoc' | 'expression';
  /** A heredoc's body lines, 1-based and inclusive (`to < from` when it is empty). */
  body?: HeredocBody;
  /** The source text, for messages. */
  text: string;
  line: number;
  column: number;
  endColumn: number;
}

export interface RubyArg extends RubyValue {
  /** `guest` for `guest: 5432` and `:guest => 5432`; undefined for a positional argument. */
  key?: string;
  /** Where the whole argument starts, its key included. */
  start: { line: number; column: number };
}

export interface RubyCall {
  /** What the method is called on, as written (`config.vm`, `db.vm`). */
  receiver: string;
  method: string;
  args: RubyArg[];
  /** `shell` in `config.vm.provision :shell do |shell|`. */
  blockParam?: string;
  line: number;
  column: number;
}

/** `shell.inline = <<-SHELL`: an attribute set on a block's object. */
export interface RubyAttribute {
  receiver: string;
  name: string;
  value: RubyValue;
}

export interface RubyFile {
  lines: string[];
  calls: RubyCall[];
  attributes: RubyAttribute[];
  /** Names assigned exactly one literal in the file, with that literal. */
  assigned: ReadonlyMap<string, RubyValue>;
}

export interface HeredocBody {
  from: number;
  to: number;
}

interface Heredoc {
  id: string;
  indented: boolean;
  body: HeredocBody;
}

interface Token {
  kind: 'string' | 'symbol' | 'number' | 'label' | 'name' | 'punct';
  text: string;
  /** A string's content, a symbol's or label's name. */
  value: string;
  /** Strings with `#{…}` have no fixed value. */
  interpolated?: boolean;
  heredoc?: Heredoc;
  line: number;
  column: number;
  endColumn: number;
}

// `|` is not here: `do |vm|` ends a line without continuing it.
const CONTINUES = new Set([',', '\\', '(', '[', '{', '+', '-', '*', '&&', '||', '=', '=>', '.', '?', ':']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
// A file with a bracket left open is one long statement: each call reads this far at most, so
// reading stays linear (a forwarded_port call has about twenty tokens).
const MAX_ARG_TOKENS = 400;

export function parseRuby(text: string): RubyFile {
  const lines = text.split(/\r?\n/);
  const statements = tokenize(lines);
  const calls = statements.flatMap(callsIn);
  return { lines, calls, attributes: statements.flatMap(attributeOf), assigned: assignments(statements) };
}

/** Tokens grouped into statements. */
function tokenize(lines: string[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let heredocs: Heredoc[] = [];
  let inBlockComment = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (inBlockComment) {
      if (/^=end\b/.test(line)) inBlockComment = false;
      continue;
    }
    if (heredocs.length) {
      const h = heredocs[0];
      if ((h.indented ? line.trim() : line) === h.id) {
        heredocs.shift();
        // Bodies follow their line in the order their heredocs open on it.
        if (heredocs[0]) heredocs[0].body = { from: n + 2, to: n + 1 };
      } else h.body.to = n + 1;
      continue;
    }
    if (/^=begin\b/.test(line)) {
      inBlockComment = true;
      continue;
    }
    if (/^__END__\s*$/.test(line)) break;
    const found = lexLine(line, n + 1);
    heredocs = found.heredocs;
    for (const t of found.tokens) {
      if (t.kind === 'punct' && OPENERS[t.text]) depth++;
      else if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) depth = Math.max(0, depth - 1);
      if (t.kind === 'punct' && t.text === ';' && depth === 0) {
        if (current.length) statements.push(current);
        current = [];
        continue;
      }
      current.push(t);
    }
    const last = current[current.length - 1];
    const open = depth > 0 || (last !== undefined && ((last.kind === 'punct' && CONTINUES.has(last.text)) || last.kind === 'label'));
    if (!open && current.length) {
      statements.push(current);
      current = [];
    }
  }
  if (current.length) statements.push(current);
  return statements;
}

/** One physical line's tokens; a string left open runs to the line's end (rare in Vagrantfiles). */
function lexLine(line: string, lineNo: number): { tokens: Token[]; heredocs: Heredoc[] } {
  const tokens: Token[] = [];
  const heredocs: Heredoc[] = [];
  let i = 0;
  const at = (start: number, end: number, t: Omit<Token, 'line' | 'column' | 'endColumn'>): Token => ({ ...t, line: lineNo, column: start + 1, endColumn: end + 1 });
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    const heredoc = /^<<([~-]?)(["'`]?)([A-Za-z_]\w*)\2/.exec(line.slice(i));
    if (heredoc && !/[\w)\]]\s*$/.test(line.slice(0, i))) {
      const h: Heredoc = { id: heredoc[3], indented: heredoc[1] !== '', body: { from: lineNo + 1, to: lineNo } };
      heredocs.push(h);
      tokens.push(at(i, i + heredoc[0].length, { kind: 'string', text: heredoc[0], value: '', interpolated: true, heredoc: h }));
      i += heredoc[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      let interpolated = false;
      while (j < line.length && line[j] !== c) {
        if (line[j] === '\\' && j + 1 < line.length) {
          value += line[j + 1];
          j += 2;
          continue;
        }
        if (c === '"' && line[j] === '#' && line[j + 1] === '{') interpolated = true;
        value += line[j++];
      }
      const end = Math.min(j + 1, line.length);
      // `"host_ip": "127.0.0.1"` is a label too.
      if (line[end] === ':' && line[end + 1] !== ':') {
        tokens.push(at(i, end + 1, { kind: 'label', text: line.slice(i, end + 1), value }));
        i = end + 1;
        continue;
      }
      tokens.push(at(i, end, { kind: 'string', text: line.slice(i, end), value, interpolated }));
      i = end;
      continue;
    }
    const word = /^[A-Za-z_][\w]*[?!]?/.exec(line.slice(i));
    if (word) {
      const end = i + word[0].length;
      if (line[end] === ':' && line[end + 1] !== ':') {
        tokens.push(at(i, end + 1, { kind: 'label', text: line.slice(i, end + 1), value: word[0] }));
        i = end + 1;
      } else {
        tokens.push(at(i, end, { kind: 'name', text: word[0], value: word[0] }));
        i = end;
      }
      continue;
    }
    const symbol = /^:([A-Za-z_]\w*[?!]?)/.exec(line.slice(i));
    if (symbol) {
      tokens.push(at(i, i + symbol[0].length, { kind: 'symbol', text: symbol[0], value: symbol[1] }));
      i += symbol[0].length;
      continue;
    }
    const number = /^\d[\d_]*(?:\.\d+)?/.exec(line.slice(i));
    if (number) {
      tokens.push(at(i, i + number[0].length, { kind: 'number', text: number[0], value: number[0].replace(/_/g, '') }));
      i += number[0].length;
      continue;
    }
    const punct = /^(?:=>|&&|\|\||::|==|!=|<=|>=|\.\.\.?|[^\s\w])/.exec(line.slice(i))?.[0] ?? c;
    tokens.push(at(i, i + punct.length, { kind: 'punct', text: punct, value: punct }));
    i += punct.length;
  }
  return { tokens, heredocs };
}

/** Every `receiver.method args` and `receiver.method(args)` in a statement. */
function callsIn(tokens: Token[]): RubyCall[] {
  const out: RubyCall[] = [];
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'name' || tokens[i - 1].text !== '.') continue;
    let r = i - 2;
    while (r >= 2 && tokens[r - 1].text === '.' && tokens[r - 2].kind === 'name') r -= 2;
    if (tokens[r].kind !== 'name') continue;
    const receiver = tokens.slice(r, i - 1).map((x) => x.text).join('');
    const parenthesised = tokens[i + 1]?.text === '(' && tokens[i + 1].column === t.endColumn;
    const start = parenthesised ? i + 2 : i + 1;
    const next = tokens[start];
    // A call without parentheses takes arguments only when something argument-like follows.
    if (!parenthesised && (!next || (next.kind === 'punct' && next.text !== ':' && next.text !== '-'))) {
      out.push({ receiver, method: t.text, args: [], line: t.line, column: t.column });
      continue;
    }
    let block = -1;
    for (let k = i + 1; k < Math.min(tokens.length, i + MAX_ARG_TOKENS) && block < 0; k++) if (tokens[k].text === 'do' && tokens[k + 1]?.text === '|' && tokens[k + 2]?.kind === 'name') block = k;
    const blockParam = block > 0 ? { blockParam: tokens[block + 2].text } : {};
    out.push({ receiver, method: t.text, args: argsFrom(tokens, start, parenthesised), ...blockParam, line: t.line, column: t.column });
  }
  return out;
}

function attributeOf(tokens: Token[]): RubyAttribute[] {
  const [object, dot, name, eq] = tokens;
  if (object?.kind !== 'name' || dot?.text !== '.' || name?.kind !== 'name' || eq?.text !== '=') return [];
  return [{ receiver: object.text, name: name.text, value: valueOf(tokens.slice(4)) }];
}

/** Arguments up to the closing parenthesis (or the statement's end, or a `do` block). */
function argsFrom(tokens: Token[], start: number, parenthesised: boolean): RubyArg[] {
  const args: RubyArg[] = [];
  let part: Token[] = [];
  let depth = 0;
  const flush = () => {
    if (part.length) args.push(argOf(part));
    part = [];
  };
  for (let i = start; i < Math.min(tokens.length, start + MAX_ARG_TOKENS); i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && OPENERS[t.text]) depth++;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) {
      if (depth === 0) break;
      depth--;
    }
    if (depth === 0 && !parenthesised && t.kind === 'name' && (t.text === 'do' || t.text === 'if' || t.text === 'unless')) break;
    if (depth === 0 && t.text === ',') {
      flush();
      continue;
    }
    part.push(t);
  }
  flush();
  return args;
}

function argOf(part: Token[]): RubyArg {
  const [first, second] = part;
  const start = { line: first.line, column: first.column };
  if (first.kind === 'label') return { key: first.value, start, ...valueOf(part.slice(1)) };
  if ((first.kind === 'symbol' || first.kind === 'string') && second?.text === '=>') return { key: first.value, start, ...valueOf(part.slice(2)) };
  return { start, ...valueOf(part) };
}

function valueOf(part: Token[]): RubyValue {
  const first = part[0];
  const last = part[part.length - 1] ?? first;
  const span = { line: first?.line ?? 0, column: first?.column ?? 0, endColumn: last?.endColumn ?? 0, text: part.map((t) => t.text).join(' ') };
  if (part.length !== 1) return { ...span, kind: 'expression' };
  if (first.heredoc) return { ...span, kind: 'heredoc', body: first.heredoc.body };
  if (first.kind === 'string') return first.interpolated ? { ...span, kind: 'expression' } : { ...span, kind: 'string', value: first.value };
  if (first.kind === 'symbol') return { ...span, kind: 'symbol', value: first.value };
  if (first.kind === 'number') return { ...span, kind: 'number', value: first.value };
  if (first.kind === 'name' && (first.text === 'true' || first.text === 'false' || first.text === 'nil')) return { ...span, kind: first.text, value: first.text };
  if (first.kind === 'name') return { ...span, kind: 'name' };
  return { ...span, kind: 'expression' };
}

/** `NAME = literal` statements, kept only for names assigned once (a loop variable is not a constant). */
function assignments(statements: Token[][]): Map<string, RubyValue> {
  const seen = new Map<string, RubyValue | null>();
  for (const s of statements) {
    for (let i = 0; i + 1 < s.length; i++) {
      if (s[i].kind !== 'name' || s[i + 1].text !== '=' || (i > 0 && s[i - 1].text === '.')) continue;
      const rhs = s.slice(i + 2);
      const value = valueOf(rhs);
      seen.set(s[i].text, seen.has(s[i].text) || value.value === undefined ? null : value);
    }
  }
  return new Map([...seen].flatMap(([k, v]) => (v ? [[k, v] as const] : [])));
}

/** A value with names resolved through the file's single literal assignments. */
export function resolved(file: RubyFile, v: RubyValue | undefined): RubyValue | undefined {
  if (v?.kind !== 'name') return v;
  const known = file.assigned.get(v.text);
  return known ? { ...v, kind: known.kind, value: known.value } : v;
}
