/**
 * A JSON reader that keeps where every value sits, so a finding can point at the exact token.
 * Offsets are 0-based indexes into the text given; callers that cut the JSON out of a larger
 * file (a `curl -d '…'` argument) map them back with their own offset table.
 *
 * `shellValues` lets a payload templated in a shell script still parse: an unquoted `$PORT` or
 * `${PORT}` where a value belongs becomes an `unknown` node instead of a syntax error.
 */
export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: JsonEntry[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'literal'; start: number; end: number; value: boolean | null }
  | { kind: 'unknown'; start: number; end: number; text: string };

export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export type JsonResult = { ok: true; node: JsonNode; end: number } | { ok: false; offset: number; message: string };

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 200;

/**
 * Reads one JSON value starting at `from` (after whitespace). With `trailing: false` text after
 * the value is left alone (for JSON embedded in something else); otherwise only whitespace may follow.
 */
export function readJson(text: string, opts: { from?: number; trailing?: boolean; shellValues?: boolean } = {}): JsonResult {
  const p = new Parser(text, opts.shellValues ?? false);
  try {
    p.pos = opts.from ?? 0;
    p.ws();
    const node = p.value(0);
    const end = p.pos;
    if (opts.trailing !== false) {
      p.ws();
      if (p.pos < text.length) throw new JsonSyntaxError(p.pos, `unexpected ${describe(text[p.pos])} after the JSON value`);
    }
    return { ok: true, node, end };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
}

/** The value of `key` in an object node, if present. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  // JSON.parse keeps the last duplicate; so does this.
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i].value;
  return undefined;
}

function describe(c: string | undefined): string {
  return c === undefined ? 'end of input' : `"${c}"`;
}

class Parser {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly shellValues: boolean,
  ) {}

  ws(): void {
    while (this.pos < this.s.length && ' \t\r\n'.includes(this.s[this.pos])) this.pos++;
  }

  fail(message: string): never {
    throw new JsonSyntaxError(this.pos, message);
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    const c = this.s[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.pos)) {
        const start = this.pos;
        this.pos += word.length;
        return { kind: 'literal', start, end: this.pos, value };
      }
    }
    if (c === '$' && this.shellValues) return this.shellValue();
    this.fail(`unexpected ${describe(c)} where a value was expected`);
  }

  object(depth: number): JsonNode {
    const start = this.pos++;
    const entries: JsonEntry[] = [];
    this.ws();
    if (this.s[this.pos] === '}') return { kind: 'object', start, end: ++this.pos, entries };
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') this.fail(`expected a quoted key, found ${describe(this.s[this.pos])}`);
      const keyStart = this.pos;
      const key = this.string().value;
      this.ws();
      if (this.s[this.pos] !== ':') this.fail(`expected ":" after key "${key}"`);
      this.pos++;
      this.ws();
      entries.push({ key, keyStart, value: this.value(depth + 1) });
      this.ws();
      const c = this.s[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') return { kind: 'object', start, end: ++this.pos, entries };
      this.fail(`expected "," or "}" in object, found ${describe(c)}`);
    }
  }

  array(depth: number): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.s[this.pos] === ']') return { kind: 'array', start, end: ++this.pos, items };
    for (;;) {
      this.ws();
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') return { kind: 'array', start, end: ++this.pos, items };
      this.fail(`expected "," or "]" in array, found ${describe(c)}`);
    }
  }

  string(): { kind: 'string'; start: number; end: number; value: string } {
    const start = this.pos++;
    let value = '';
    for (;;) {
      const c = this.s[this.pos];
      if (c === undefined || c === '\n') {
        this.pos = start;
        this.fail('unterminated string');
      }
      if (c === '"') break;
      if (c === '\\') {
        const e = this.s[this.pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          value += simple[e];
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.pos + 2, this.pos + 6))) {
          value += String.fromCharCode(parseInt(this.s.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else this.fail(`invalid escape "\\${e ?? ''}"`);
        continue;
      }
      value += c;
      this.pos++;
    }
    this.pos++;
    return { kind: 'string', start, end: this.pos, value };
  }

  number(): JsonNode {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.pos, this.pos + 400));
    if (!m) this.fail('invalid number');
    const start = this.pos;
    this.pos += m[0].length;
    return { kind: 'number', start, end: this.pos, value: Number(m[0]) };
  }

  shellValue(): JsonNode {
    const m = /^\$(\{[^}\n]*\}|[A-Za-z_][A-Za-z0-9_]*|\d)/.exec(this.s.slice(this.pos, this.pos + 200));
    if (!m) this.fail('unexpected "$" where a value was expected');
    const start = this.pos;
    this.pos += m[0].length;
    return { kind: 'unknown', start, end: this.pos, text: m[0] };
  }
}
