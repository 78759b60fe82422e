/**
 * The yaml library reads a flow collection (`[`, `{`) by recursion: nested about 1,000 deep it
 * runs out of stack, and recovering from that costs it ~10 µs per level in garbage collection
 * (a compose file nested 400,000 deep: 3.5 s for 0.4 MB). Collections nested deeper than
 * MAX_FLOW_DEPTH are found here in one pass and blanked before the parse (spaces, newlines
 * kept, so every position holds); the caller reports each as unreadable, and the rest of the
 * file is checked as the library would have recovered it.
 */
export const MAX_FLOW_DEPTH = 900;

export interface FlowBomb {
  /** Offset of the outermost bracket of the collection. */
  start: number;
  /** Offset just past its closing bracket, or the end of the text. */
  end: number;
}

export function flowBombs(text: string, max = MAX_FLOW_DEPTH): FlowBomb[] {
  const bombs: FlowBomb[] = [];
  let depth = 0;
  let start = 0;
  let tooDeep = false;
  let quote = '';
  let startIndent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // A flow collection's lines sit deeper than the line it starts on: one that does not ends it
    // (unclosed, as readers say), so a bracket left open cannot swallow the rest of the file.
    if (c === '\n' && depth > 0 && endsFlow(text, i + 1, startIndent)) {
      if (tooDeep) bombs.push({ start, end: i });
      depth = 0;
      quote = '';
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      // `''` is a quote inside a single-quoted scalar, not its end.
      else if (c === "'" && quote === "'" && text[i + 1] === "'") i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || isBlank(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (depth === 0) {
      // In block context a bracket opens a collection only where a value starts: `a[0]` is a scalar.
      if ((c === '[' || c === '{') && opensValue(text, i)) {
        depth = 1;
        start = i;
        tooDeep = false;
        // A collection that is the document itself (JSON read as YAML) may use any indentation.
        startIndent = i === 0 || text[i - 1] === '\n' ? -1 : indentOf(text, i);
      }
      continue;
    }
    // A quote opens a scalar only where one starts: in `[it's]` the quote is a letter of a plain
    // scalar, and taking it for an opening one would hide the brackets that follow.
    if ((c === '"' || c === "'") && startsScalar(text[i - 1])) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > max) tooDeep = true;
    } else if (c === ']' || c === '}') {
      if (--depth === 0 && tooDeep) bombs.push({ start, end: i + 1 });
    }
  }
  if (depth > 0 && tooDeep) bombs.push({ start, end: text.length });
  return bombs;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function startsScalar(before: string): boolean {
  return isBlank(before) || before === '[' || before === '{' || before === ',' || before === ':';
}

/** Indentation of the line holding offset `i`. */
function indentOf(text: string, i: number): number {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  let n = 0;
  while (text[lineStart + n] === ' ') n++;
  return n;
}

/** Whether the line starting at `at` is a non-blank line no deeper than `indent`. */
function endsFlow(text: string, at: number, indent: number): boolean {
  let n = 0;
  while (text[at + n] === ' ') n++;
  const c = text[at + n];
  return n <= indent && c !== undefined && c !== '\n' && c !== '\r' && c !== '#';
}

function opensValue(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text[j];
    if (c === ' ' || c === '\t') continue;
    return c === '\n' || c === ':' || c === '-' || c === '?' || c === ',';
  }
  return true;
}

/** The text with each bomb replaced by spaces, its newlines kept. */
export function blankBombs(text: string, bombs: readonly FlowBomb[]): string {
  let out = '';
  let at = 0;
  for (const b of bombs) {
    out += text.slice(at, b.start) + text.slice(b.start, b.end).replace(/[^\n]/g, ' ');
    at = b.end;
  }
  return out + text.slice(at);
}
