/**
 * A POSIX-shell reader good enough to see which commands a provisioning script runs, with
 * every argument's characters mapped back to the file: quotes removed, backslash-newline
 * continuations joined, comments dropped, `;`/`&&`/`||`/`|` splitting commands, redirections
 * and here-documents kept beside the command they belong to. It does not expand variables:
 * a `$VAR` stays as written, so checks see what the script says, not what it would do.
 */

/** Text after quote removal, with the file offset each character came from. */
export interface Segment {
  value: string;
  offsets: number[];
}

export interface Word extends Segment {
  /** Offsets of the raw word in the file: from its first character to just after its last. */
  start: number;
  end: number;
  /** True when any part was quoted or escaped (so the raw text differs from the value). */
  quoted: boolean;
}

export interface Redirect {
  /** `>`, `>>`, `<`, `&>`, ... */
  op: string;
  target: Word;
}

export type Joiner = 'start' | '\n' | ';' | '&&' | '||' | '|' | '&' | '(' | ')';

export interface Command {
  words: Word[];
  redirects: Redirect[];
  /** How this command was joined to the previous one: `|` means the previous one pipes into it. */
  joinedBy: Joiner;
  /** Standard input given in the script: here-document bodies and `<<<` here-strings. */
  stdin: Segment[];
}

export interface LexProblem {
  offset: number;
  message: string;
}

const OPERATORS: readonly string[] = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')'];
const REDIRECTS: readonly string[] = ['<<<', '<<-', '&>>', '<<', '>>', '>|', '>&', '<&', '<>', '&>', '>', '<'];

export function lexShell(text: string): { commands: Command[]; problems: LexProblem[] } {
  return new Lexer(text).run();
}

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  command: Command;
}

class Lexer {
  private i = 0;
  private word: Word | undefined;
  private cmd: Command = { words: [], redirects: [], joinedBy: 'start', stdin: [] };
  private readonly commands: Command[] = [];
  private readonly problems: LexProblem[] = [];
  /** What the next finished word is: an argument, a redirect target, a here-doc delimiter. */
  private nextWordIs: { op: string } | undefined;
  private heredocs: PendingHeredoc[] = [];

  constructor(private readonly s: string) {}

  run(): { commands: Command[]; problems: LexProblem[] } {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '\\' && s[this.i + 1] === '\r' && s[this.i + 2] === '\n') this.i += 3;
      else if (c === '\\' && this.i + 1 < s.length) {
        this.push(s[this.i + 1], this.i + 1, true);
        this.i += 2;
      } else if (c === "'") this.singleQuoted();
      else if (c === '$' && s[this.i + 1] === "'") this.ansiQuoted();
      else if (c === '"') this.doubleQuoted();
      else if (c === '$' && (s[this.i + 1] === '(' || s[this.i + 1] === '{')) this.substitution(false);
      else if (c === '`') this.backticks(false);
      else if (c === '#' && !this.word) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        this.endWord();
        this.i++;
      } else if (c === '\n') {
        this.endCommand('\n');
        this.i++;
        this.readHeredocBodies();
      } else if (this.redirect()) continue;
      else if (this.operator()) continue;
      else {
        this.push(c, this.i, false);
        this.i++;
      }
    }
    this.endCommand('\n');
    return { commands: this.commands, problems: this.problems };
  }

  private push(ch: string, offset: number, quoted: boolean): void {
    if (!this.word) this.word = { value: '', offsets: [], start: offset - (quoted ? 1 : 0), end: offset, quoted: false };
    this.word.value += ch;
    this.word.offsets.push(offset);
    this.word.quoted ||= quoted;
  }

  /** Makes sure a word exists even when its content is empty (`''` is an argument). */
  private touch(offset: number): void {
    if (!this.word) this.word = { value: '', offsets: [], start: offset, end: offset, quoted: true };
    this.word.quoted = true;
  }

  private singleQuoted(): void {
    const open = this.i;
    this.touch(open);
    const close = this.s.indexOf("'", open + 1);
    const end = close < 0 ? this.s.length : close;
    if (close < 0) this.problems.push({ offset: open, message: 'unterminated single quote' });
    for (let k = open + 1; k < end; k++) this.push(this.s[k], k, true);
    this.i = end + 1;
    this.word!.end = Math.min(this.i, this.s.length);
  }

  private ansiQuoted(): void {
    const open = this.i;
    this.touch(open);
    let k = open + 2;
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', "'": "'", '\\': '\\', '"': '"' };
    while (k < this.s.length && this.s[k] !== "'") {
      if (this.s[k] === '\\' && k + 1 < this.s.length) {
        this.push(escapes[this.s[k + 1]] ?? this.s[k + 1], k, true);
        k += 2;
      } else this.push(this.s[k], k++, true);
    }
    if (k >= this.s.length) this.problems.push({ offset: open, message: "unterminated $'…' quote" });
    this.i = k + 1;
  }

  private doubleQuoted(): void {
    const open = this.i;
    this.touch(open);
    let k = open + 1;
    while (k < this.s.length && this.s[k] !== '"') {
      const c = this.s[k];
      if (c === '\\' && this.s[k + 1] === '\n') k += 2;
      else if (c === '\\' && '$`"\\'.includes(this.s[k + 1] ?? '')) {
        // The character stands for itself; point at the backslash so a column names the token.
        this.push(this.s[k + 1], k, true);
        k += 2;
      } else if (c === '$' && (this.s[k + 1] === '(' || this.s[k + 1] === '{')) {
        this.i = k;
        this.substitution(true);
        k = this.i;
      } else if (c === '`') {
        this.i = k;
        this.backticks(true);
        k = this.i;
      } else this.push(c, k++, true);
    }
    if (k >= this.s.length) this.problems.push({ offset: open, message: 'unterminated double quote' });
    this.i = k + 1;
    this.word!.end = Math.min(this.i, this.s.length);
  }

  /** `$(…)`, `$((…))` and `${…}` are kept as written; nested quotes and parentheses are skipped over. */
  private substitution(quoted: boolean): void {
    const s = this.s;
    const close = s[this.i + 1] === '(' ? ')' : '}';
    const openCh = s[this.i + 1];
    let depth = 0;
    let k = this.i + 1;
    for (; k < s.length; k++) {
      const c = s[k];
      if (c === "'" && close === ')') {
        const q = s.indexOf("'", k + 1);
        k = q < 0 ? s.length : q;
      } else if (c === '"') {
        let q = k + 1;
        while (q < s.length && s[q] !== '"') q += s[q] === '\\' ? 2 : 1;
        k = q;
      } else if (c === '\\') k++;
      else if (c === openCh) depth++;
      else if (c === close && --depth === 0) break;
    }
    const end = Math.min(k + 1, s.length);
    for (let p = this.i; p < end; p++) this.push(s[p], p, quoted);
    if (k >= s.length) this.problems.push({ offset: this.i, message: `unterminated ${s.slice(this.i, this.i + 2)}` });
    this.i = end;
  }

  private backticks(quoted: boolean): void {
    let k = this.i + 1;
    while (k < this.s.length && this.s[k] !== '`') k += this.s[k] === '\\' ? 2 : 1;
    const end = Math.min(k + 1, this.s.length);
    for (let p = this.i; p < end; p++) this.push(this.s[p], p, quoted);
    this.i = end;
  }

  private redirect(): boolean {
    const s = this.s;
    const op = REDIRECTS.find((r) => s.startsWith(r, this.i));
    if (!op) return false;
    // `2>` and `2>&1`: a word of digits right before the operator is a file descriptor.
    if (this.word && /^\d+$/.test(this.word.value) && !this.word.quoted && this.word.end === this.i) this.word = undefined;
    else this.endWord();
    this.i += op.length;
    if ((op === '>&' || op === '<&') && /[\d-]/.test(s[this.i] ?? '')) {
      while (/[\d-]/.test(s[this.i] ?? '')) this.i++;
      return true;
    }
    this.nextWordIs = { op };
    return true;
  }

  private operator(): boolean {
    const op = OPERATORS.find((o) => this.s.startsWith(o, this.i));
    if (!op) return false;
    this.i += op.length;
    this.endCommand(op === ';;' ? ';' : op === '|&' ? '|' : (op as Joiner));
    return true;
  }

  private endWord(): void {
    const w = this.word;
    this.word = undefined;
    if (!w) return;
    w.end = Math.max(w.end, (w.offsets.at(-1) ?? w.start) + 1);
    const next = this.nextWordIs;
    this.nextWordIs = undefined;
    if (!next) this.cmd.words.push(w);
    else if (next.op === '<<' || next.op === '<<-') {
      this.heredocs.push({ delimiter: w.value, stripTabs: next.op === '<<-', command: this.cmd });
    } else if (next.op === '<<<') this.cmd.stdin.push({ value: w.value, offsets: w.offsets });
    else this.cmd.redirects.push({ op: next.op, target: w });
  }

  private endCommand(joiner: Joiner): void {
    this.endWord();
    if (this.cmd.words.length || this.cmd.redirects.length || this.cmd.stdin.length || this.heredocs.some((h) => h.command === this.cmd)) {
      this.commands.push(this.cmd);
    }
    this.cmd = { words: [], redirects: [], joinedBy: joiner, stdin: [] };
  }

  /** After a newline, the bodies of the here-documents opened on the line just ended. */
  private readHeredocBodies(): void {
    for (const h of this.heredocs) {
      const body: Segment = { value: '', offsets: [] };
      let found = false;
      while (this.i < this.s.length) {
        const nl = this.s.indexOf('\n', this.i);
        const lineEnd = nl < 0 ? this.s.length : nl;
        let from = this.i;
        if (h.stripTabs) while (this.s[from] === '\t') from++;
        const line = this.s.slice(from, lineEnd).replace(/\r$/, '');
        this.i = nl < 0 ? this.s.length : nl + 1;
        if (line === h.delimiter) {
          found = true;
          break;
        }
        for (let k = from; k < Math.min(lineEnd + 1, this.s.length); k++) {
          body.value += this.s[k];
          body.offsets.push(k);
        }
      }
      if (!found) this.problems.push({ offset: this.i, message: `here-document not closed by ${h.delimiter}` });
      h.command.stdin.push(body);
    }
    this.heredocs = [];
  }
}

/** Moves a lexed sub-script (the argument of `sh -c`) to the file offsets its characters came from. */
export function relocate(commands: Command[], offsets: number[]): Command[] {
  const map = (o: number) => offsets[o] ?? offsets.at(-1) ?? 0;
  const word = (w: Word): Word => ({ ...w, offsets: w.offsets.map(map), start: map(w.start), end: map(w.end - 1) + 1 });
  return commands.map((c) => ({
    words: c.words.map(word),
    redirects: c.redirects.map((r) => ({ op: r.op, target: word(r.target) })),
    joinedBy: c.joinedBy,
    stdin: c.stdin.map((seg) => ({ value: seg.value, offsets: seg.offsets.map(map) })),
  }));
}
