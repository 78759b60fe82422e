import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import { entry, scalarText, seqItems, type YamlFile } from '../formats/yaml.js';
import { scalarBody, type ScalarBody } from '../formats/yaml-body.js';
import { maskTemplate } from '../formats/template.js';
import { lexShell, relocate, type Command, type Word } from '../shell/lex.js';
import { scriptOfCommands, type ShellScript } from '../shell/script.js';
import { scriptDetections } from '../shell/check.js';
import { ufwNoDefaultDeny } from '../shell/ufw.js';
import { checkScriptFirewallGateway } from '../openclaw/deploy-firewall.js';
import { visitTasks } from './tasks.js';

/** The modules whose command line a shell runs (`command` runs it without one). */
export const SHELL_MODULES = new Set(['shell', 'command', 'raw']);

/** Free-form options Ansible takes off the end of a `shell:`/`command:` line before running it. */
const FREE_FORM_OPTION = /^(chdir|creates|removes|executable|warn|stdin|stdin_add_newline|strip_empty_ends)=/;

/** The shell tasks of one file, read as one script in file order, at the file's own offsets. */
export interface ShellTasks {
  commands: Command[];
  /** File lines inside a Jinja `{% if %}` or `{% for %}` of a task body: what runs there is not certain. */
  uncertain: Set<number>;
  /** File lines of bodies not held verbatim (escaped or folded): a fix cannot rewrite them in place. */
  unfixable: Set<number>;
}

export function emptyShellTasks(): ShellTasks {
  return { commands: [], uncertain: new Set(), unfixable: new Set() };
}

/** The shell tasks of a playbook or task file alone, for readers that need nothing else (embedded files). */
export function collectShellTasks(file: YamlFile): ShellTasks {
  const tasks = emptyShellTasks();
  visitTasks(file, (name, e, task) => {
    if (SHELL_MODULES.has(name)) addShellTask(file, name, e.value, task, tasks);
  });
  return tasks;
}

/**
 * One `shell:`, `command:` or `raw:` task: the string form, `cmd:`, a `|` block, and
 * `command`'s `argv:` list; `stdin:` (beside the command or under `args:`) is what it reads.
 */
export function addShellTask(file: YamlFile, module: string, args: Node | null, task: Node, into: ShellTasks): void {
  const line = scalarText(args) !== undefined ? args : (entry(args, 'cmd')?.value ?? null);
  const argv = seqItems(entry(args, 'argv')?.value);
  let commands: Command[];
  if (line) {
    const body = scalarBody(file, line);
    if (!body) return;
    commands = lexBody(file, body, into);
    if (module === 'command' && (commands.length > 1 || commands.some((c) => c.redirects.length || c.stdin.length))) {
      // `command` splits the line into words without a shell: `|`, `>` and `&&` reach the program as arguments.
      return;
    }
    const last = commands.at(-1);
    if (last && scalarText(args) !== undefined) {
      while (last.words.length && FREE_FORM_OPTION.test(last.words.at(-1)!.value)) last.words.pop();
    }
  } else if (module === 'command' && argv.length) {
    const words = argv.map((item) => argvWord(file, item));
    if (words.some((w) => !w)) return;
    commands = [{ words: words as Word[], redirects: [], joinedBy: 'start', stdin: [] }];
  } else return;
  const stdin = entry(args, 'stdin')?.value ?? entry(entry(task, 'args')?.value, 'stdin')?.value;
  const input = stdin ? scalarBody(file, stdin) : undefined;
  if (input && commands.length && !/\{\{|\{%/.test(input.text)) {
    commands[0].stdin.push({ value: input.text, offsets: [...input.text].map((_, i) => input.fileOffset(i)) });
  }
  into.commands.push(...commands);
}

function lexBody(file: YamlFile, body: ScalarBody, into: ShellTasks): Command[] {
  const masked = maskJinja(body.text);
  const offsets = [...body.text].map((_, i) => body.fileOffset(i));
  const fileLine = (i: number) => file.lines.linePos(offsets[i] ?? offsets.at(-1) ?? 0).line;
  const bodyStarts = [0];
  for (let i = 0; i < body.text.length; i++) if (body.text[i] === '\n') bodyStarts.push(i + 1);
  for (const l of masked.uncertain) into.uncertain.add(fileLine(bodyStarts[l - 1] ?? 0));
  const verbatim = offsets.every((o, i) => file.text[o] === body.text[i]);
  if (!verbatim) for (const start of bodyStarts) into.unfixable.add(fileLine(start));
  return relocate(lexShell(masked.text).commands, offsets);
}

/**
 * Jinja in a task body, masked in place: an output tag becomes `${xx}`, the shell's own "value
 * not known here", which every script check already leaves alone (a `<xx>` mask would read as
 * redirections); lines under a control tag are uncertain.
 */
function maskJinja(text: string): { text: string; uncertain: ReadonlySet<number> } {
  if (!/\{\{|\{%|\{#/.test(text)) return { text, uncertain: new Set() };
  const masked = maskTemplate('task', text, 'jinja');
  const shellSafe = masked.text.replace(/<x+>/g, (m, at: number) => (text.startsWith('{{', at) ? '${' + 'x'.repeat(m.length - 3) + '}' : m));
  return { text: shellSafe, uncertain: masked.uncertain };
}

/** One `argv:` item as the word the program receives, unless Jinja makes it unknown. */
function argvWord(file: YamlFile, item: Node): Word | undefined {
  const body = scalarBody(file, item);
  if (!body || /\{\{|\{%/.test(body.text)) return undefined;
  const offsets = [...body.text].map((_, i) => body.fileOffset(i));
  const [start, end] = item.range ?? [0, 0];
  return { value: body.text, offsets, start, end, quoted: true };
}

/**
 * The script checks over a file's shell tasks. `ufw enable` without a default deny is left
 * out: a play sets that policy with the ufw module or in another task file as often as not.
 */
export function shellTaskDetections(path: string, text: string, tasks: ShellTasks, ctx: ConfigContext): Detection[] {
  if (!tasks.commands.length) return [];
  const script: ShellScript = scriptOfCommands(path, text, tasks.commands);
  return [...scriptDetections(script, ctx), ...checkScriptFirewallGateway(script, ctx)]
    .filter((d) => d.ruleId !== ufwNoDefaultDeny.id && !tasks.uncertain.has(d.line))
    .map((d) => {
      if (!d.fix || !tasks.unfixable.has(d.line)) return d;
      const { fix: _dropped, ...rest } = d;
      return rest;
    });
}
