import type { Fix } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import type { Span } from '../rule.js';
import { lexShell, relocate, type Command, type LexProblem, type Segment, type Word } from './lex.js';

/**
 * A shell script as the checks see it: the commands it runs with their `sudo`/`env`/`VAR=`
 * prefixes taken off (the program is what matters, not who runs it), the text it writes to
 * files (`echo … > f`, `… | tee f`, `cat <<EOF > f`), and helpers that turn a word back into
 * the line and column it came from.
 */
export interface Invocation {
  /** The program's base name, lower-cased: `/usr/sbin/ufw` -> `ufw`. */
  name: string;
  /** argv[0] is the program word. */
  argv: Word[];
  command: Command;
  /** The invocation whose output this one reads through a pipe. */
  pipedFrom?: Invocation;
}

export interface FileWrite {
  target: Word;
  append: boolean;
  content: Segment;
  by: Invocation;
}

export interface ShellScript {
  path: string;
  text: string;
  lines: LineIndex;
  commands: Command[];
  invocations: Invocation[];
  writes: FileWrite[];
  problems: LexProblem[];
}

export function readScript(path: string, text: string): ShellScript {
  const { commands, problems } = lexShell(text);
  return scriptOfCommands(path, text, commands, problems);
}

/**
 * A script whose commands were lexed elsewhere and relocated into `text` (the shell tasks of an
 * Ansible file), so every check reports at the carrier file's own lines and columns.
 */
export function scriptOfCommands(path: string, text: string, commands: Command[], problems: LexProblem[] = []): ShellScript {
  const invocations = invocationsOf(commands, 0);
  return { path, text, lines: new LineIndex(text), commands, invocations, writes: writesOf(invocations), problems };
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'exec', 'command', 'nohup', 'builtin']);
/** sudo options that take a value (`sudo -u agent cmd`). */
const SUDO_VALUE_OPTS = new Set(['-u', '-g', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '-h']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash']);

export function baseNameOf(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).toLowerCase();
}

/** Drops what runs the program rather than being it: keywords, `VAR=x`, sudo, env, nice, timeout. */
function programWords(words: Word[]): Word[] {
  let k = 0;
  while (k < words.length) {
    const v = words[k].value;
    const base = baseNameOf(v);
    if (KEYWORDS.has(v)) k++;
    else if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(v)) k++;
    else if (base === 'sudo' || base === 'doas') {
      k++;
      while (k < words.length && words[k].value.startsWith('-')) k += SUDO_VALUE_OPTS.has(words[k].value) ? 2 : 1;
    } else if (base === 'env') {
      k++;
      while (k < words.length && (words[k].value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k].value))) {
        k += words[k].value === '-u' ? 2 : 1;
      }
    } else if (base === 'nice' || base === 'timeout' || base === 'stdbuf' || base === 'ionice') {
      k++;
      while (k < words.length && words[k].value.startsWith('-')) k += /^-[nk]$/.test(words[k].value) ? 2 : 1;
      if (base === 'timeout') k++; // the duration
    } else break;
  }
  return words.slice(k);
}

function invocationsOf(commands: Command[], depth: number): Invocation[] {
  const out: Invocation[] = [];
  let previous: Invocation | undefined;
  for (const command of commands) {
    const argv = programWords(command.words);
    if (!argv.length) {
      previous = undefined;
      continue;
    }
    const inv: Invocation = { name: baseNameOf(argv[0].value), argv, command };
    if (command.joinedBy === '|' && previous) inv.pipedFrom = previous;
    out.push(inv);
    previous = inv;
    const inner = depth < 4 ? innerScript(inv) : undefined;
    if (inner) out.push(...invocationsOf(relocate(lexShell(inner.value).commands, inner.offsets), depth + 1));
  }
  return out;
}

/** The script string of `bash -c '…'` or `su agent -c '…'`: its commands run too. */
function innerScript(inv: Invocation): Word | undefined {
  if (!SHELLS.has(inv.name) && inv.name !== 'su') return undefined;
  const c = inv.argv.findIndex((w, i) => i > 0 && /^-[a-z]*$/.test(w.value) && w.value.includes('c'));
  if (c < 0) return undefined;
  if (inv.name === 'su') return inv.argv[c + 1];
  return inv.argv.slice(c + 1).find((w) => !w.value.startsWith('-'));
}

/** The text a command prints, when the script spells it out: echo/printf arguments, cat's here-document. */
export function outputOf(inv: Invocation): Segment | undefined {
  if (inv.name === 'printf') {
    // The format is all that prints when no argument fills it; `%s` with arguments is not spelled out.
    const format = inv.argv[1];
    if (!format || inv.argv.length > 2 || /%[^%]/.test(format.value.replace(/%%/g, ''))) return undefined;
    return unescape(joinWords([format]), true);
  }
  if (inv.name === 'echo') {
    const flag = inv.argv[1] && /^-[neE]+$/.test(inv.argv[1].value) ? inv.argv[1].value : '';
    const text = joinWords(inv.argv.slice(flag ? 2 : 1));
    return flag.includes('e') ? unescape(text, false) : text;
  }
  if ((inv.name === 'cat' || inv.name === 'tee') && inv.command.stdin.length) return inv.command.stdin[0];
  return undefined;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', r: '\r', '"': '"', "'": "'" };

/** printf's format (and `echo -e`) with its backslash escapes turned into the characters they print, each at its backslash. */
function unescape(seg: Segment, percent: boolean): Segment {
  const out: Segment = { value: '', offsets: [] };
  for (let i = 0; i < seg.value.length; i++) {
    const c = seg.value[i];
    const next = seg.value[i + 1];
    if (c === '\\' && next !== undefined && ESCAPES[next] !== undefined) {
      out.value += ESCAPES[next];
      out.offsets.push(seg.offsets[i]);
      i++;
    } else if (percent && c === '%' && next === '%') {
      out.value += '%';
      out.offsets.push(seg.offsets[i]);
      i++;
    } else {
      out.value += c;
      out.offsets.push(seg.offsets[i]);
    }
  }
  return out;
}

function joinWords(words: Word[]): Segment {
  const seg: Segment = { value: '', offsets: [] };
  words.forEach((w, i) => {
    if (i > 0) {
      seg.value += ' ';
      seg.offsets.push(words[i - 1].end);
    }
    seg.value += w.value;
    seg.offsets.push(...w.offsets);
  });
  return seg;
}

function writesOf(invocations: Invocation[]): FileWrite[] {
  const out: FileWrite[] = [];
  for (const inv of invocations) {
    const own = outputOf(inv);
    if (own && inv.name !== 'tee') {
      for (const r of inv.command.redirects) {
        if (/^(>|>>|>\||&>|&>>)$/.test(r.op)) out.push({ target: r.target, append: r.op.includes('>>'), content: own, by: inv });
      }
    }
    if (inv.name === 'tee') {
      const content = inv.command.stdin[0] ?? (inv.pipedFrom ? outputOf(inv.pipedFrom) : undefined);
      if (!content) continue;
      const append = inv.argv.some((w) => /^-[a-z]*a|^--append$/.test(w.value));
      for (const target of inv.argv.slice(1).filter((w) => !w.value.startsWith('-'))) out.push({ target, append, content, by: inv });
    }
    const visudo = visudoWrite(inv);
    if (visudo) out.push(visudo);
  }
  return out;
}

/**
 * `echo '…' | EDITOR='tee -a' visudo` (the way scripts get a sudoers line past visudo's check):
 * visudo hands the editor the file, `/etc/sudoers` or `-f FILE`, and tee writes its input there.
 */
function visudoWrite(inv: Invocation): FileWrite | undefined {
  if (inv.name !== 'visudo') return undefined;
  const editor = inv.command.words.map((w) => /^(?:SUDO_EDITOR|VISUAL|EDITOR)=(.*)$/s.exec(w.value)?.[1]).find((v) => v !== undefined);
  if (!editor || !/^(\S*\/)?tee(\s|$)/.test(editor.trim())) return undefined;
  const content = inv.command.stdin[0] ?? (inv.pipedFrom ? outputOf(inv.pipedFrom) : undefined);
  if (!content) return undefined;
  const f = inv.argv.findIndex((w) => w.value === '-f' || w.value === '--file');
  const target = f >= 0 && inv.argv[f + 1] ? inv.argv[f + 1] : { ...inv.argv[0], value: '/etc/sudoers' };
  return { target, append: /\s-[a-z]*a\b|\s--append\b/.test(` ${editor}`), content, by: inv };
}

/** The span of characters [from, to) of a segment, in file lines and columns. */
export function spanOf(script: ShellScript, seg: Segment, from = 0, to = seg.value.length): Span {
  const start = script.lines.position(seg.offsets[from] ?? seg.offsets[0] ?? 0);
  const last = seg.offsets[Math.max(from, to - 1)] ?? seg.offsets.at(-1) ?? 0;
  const end = script.lines.position(last + 1);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Where a whole word sits, quotes included. */
export function wordSpan(script: ShellScript, w: Word): Span {
  const start = script.lines.position(w.start);
  const end = script.lines.position(w.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** A fix that replaces the raw text [start, end) of one line; undefined when it spans lines. */
export function replaceRaw(script: ShellScript, start: number, end: number, replacement: string): Fix | undefined {
  return script.lines.replaceSpan(start, end, replacement);
}

/** Non-option arguments (after argv[0]); `--opt=value` and `-x` flags are left out. */
export function operands(inv: Invocation): Word[] {
  return inv.argv.slice(1).filter((w) => !w.value.startsWith('-') || w.value === '-');
}
