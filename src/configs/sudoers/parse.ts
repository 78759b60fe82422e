/**
 * sudoers user specifications as sudo reads them: `who hosts = [(runas)] [TAGS:] command, …`.
 * Tags such as NOPASSWD and the runas list carry over to the following commands of the same
 * line, `#` starts a comment except in `#include` and `#1000` (a uid), and a backslash at the
 * end of a line continues it. Defaults and alias definitions are not grants and are skipped
 * (user aliases are kept, so a grant to one can name its members).
 */
export interface SudoGrant {
  /** The user, `%group`, alias or `ALL` the line grants to. */
  who: string;
  /** Index of `who` in the logical line. */
  whoIndex: number;
  /** The command list includes `ALL`: any command at all. */
  allCommands: boolean;
  nopasswd: boolean;
}

/** One line after joining continuations, with the file offset of each character. */
export interface LogicalLine {
  text: string;
  offsets: number[];
}

export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let cur: LogicalLine = { text: '', offsets: [] };
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const continues = line.endsWith('\\') && !line.trimStart().startsWith('#');
    const body = continues ? line.slice(0, -1) : line;
    for (let k = 0; k < body.length; k++) cur.offsets.push(start + k);
    cur.text += body;
    start += raw.length + 1;
    if (!continues) {
      out.push(cur);
      cur = { text: '', offsets: [] };
    }
  }
  if (cur.text) out.push(cur);
  return out;
}

/** `#` starts a comment unless it is `#include`/`#includedir` or a uid (`#1000`). */
export function stripComment(line: string): string {
  for (let i = line.indexOf('#'); i >= 0; i = line.indexOf('#', i + 1)) {
    const rest = line.slice(i);
    if (!/^#(include|includedir)\b/.test(rest) && !/^#\d/.test(rest)) return line.slice(0, i);
  }
  return line;
}

const NOT_GRANTS = /^\s*(Defaults\b|Host_Alias\b|Runas_Alias\b|Cmnd_Alias\b|Cmd_Alias\b|@include|#include)/;
const USER_ALIAS = /^\s*User_Alias\s+([A-Z][A-Z0-9_]*)\s*=\s*(.*)$/s;
const SPEC = /^(\s*)((?:[^\s,=]+\s*,\s*)*[^\s,=]+)\s+((?:[^\s,=]+\s*,\s*)*[^\s,=]+)\s*=\s*(.*)$/s;

/** User_Alias definitions of a file: name -> members. */
export function userAliases(lines: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of lines) {
    const m = USER_ALIAS.exec(stripComment(line));
    if (m) out.set(m[1], m[2].split(',').map((s) => s.trim()).filter(Boolean));
  }
  return out;
}

/** The grants of one logical line; empty for comments, Defaults and aliases. */
export function parseGrants(line: string): SudoGrant[] {
  const text = stripComment(line);
  if (!text.trim() || NOT_GRANTS.test(text) || USER_ALIAS.test(text)) return [];
  const m = SPEC.exec(text);
  if (!m) return [];
  const [, indent, users, , commands] = m;
  const cmds = readCommands(commands);
  const all = cmds.find((c) => c.command === 'ALL');
  const grants: SudoGrant[] = [];
  let at = indent.length;
  for (const part of users.split(',')) {
    const who = part.trim();
    const whoIndex = at + part.indexOf(who);
    at += part.length + 1;
    grants.push({
      who,
      whoIndex,
      allCommands: Boolean(all),
      nopasswd: all ? all.nopasswd : cmds.some((c) => c.nopasswd),
    });
  }
  return grants;
}

interface CommandItem {
  command: string;
  /** A NOPASSWD tag is in effect (tags carry over to later commands). */
  nopasswd: boolean;
}

function readCommands(list: string): CommandItem[] {
  const out: CommandItem[] = [];
  let nopasswd = false;
  let i = 0;
  while (i < list.length) {
    // One item: optional (runas), tags, then the command up to the next top-level comma.
    let depth = 0;
    let end = i;
    while (end < list.length && !(list[end] === ',' && depth === 0)) {
      if (list[end] === '(') depth++;
      else if (list[end] === ')') depth--;
      else if (list[end] === '\\') end++;
      end++;
    }
    let k = i;
    const skipWs = () => {
      while (k < end && /\s/.test(list[k])) k++;
    };
    skipWs();
    if (list[k] === '(') {
      k = list.indexOf(')', k) + 1 || end;
      skipWs();
    }
    for (let tag = /^([A-Z_]+):/.exec(list.slice(k, end)); tag; tag = /^([A-Z_]+):/.exec(list.slice(k, end))) {
      if (tag[1] === 'NOPASSWD') nopasswd = true;
      if (tag[1] === 'PASSWD') nopasswd = false;
      k += tag[0].length;
      skipWs();
    }
    out.push({ command: list.slice(k, end).trim(), nopasswd });
    i = end + 1;
  }
  return out;
}

/** Groups whose members are the administrators the guide expects to have sudo. */
const ADMIN = /^(root|%(sudo|admin|wheel|root))$/;

export function isAdminEntry(who: string): boolean {
  return ADMIN.test(who);
}
