import { readFileSync, writeFileSync } from 'node:fs';
import { scan, prepare } from './pipeline/scan.js';
import { FAIL_ON_VALUES, MODES, type FailOn, type Mode } from './model/options.js';
import type { Report } from './model/report.js';
import { UsageError } from './model/errors.js';
import { escapeControls } from './model/user-text.js';
import { toJson } from './report/json.js';
import { toText } from './report/text.js';
import { toSarif } from './report/sarif.js';
import { toWorkflowCommands } from './report/workflow.js';
import { makeBaseline } from './policy/baseline.js';
import { ruleCatalog } from './pipeline/catalog.js';
import { rulesAsMarkdown, rulesAsText } from './report/rules.js';
import { TOOL_NAME, TOOL_VERSION } from './model/version.js';
import { COMMAND_USAGE, USAGE, parseCommandArgs as parse } from './cli-usage.js';
import { mergedMarkdown, summarize } from './report/merge.js';
import { orgCommand } from './cli-org.js';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  today: string;
  /** The process environment, read only by the org commands (GITHUB_TOKEN, GITHUB_API_URL). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** argv (without node and script) -> exit code. Never throws, never calls process.exit. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // Several problems (a config's) are one line each, each naming its file, which the user (or a pull request) chose.
      io.stderr(e.message.split('\n').map((line) => `moltguard: ${escapeControls(line)}\n`).join(''));
      return 2;
    }
    // A bug: still one line, never a stack trace (it could quote a file's content).
    io.stderr(`moltguard: internal error: ${escapeControls((e as Error).message?.split('\n')[0] ?? String(e))}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return scanCommand(rest, io);
    case 'baseline':
      return baselineCommand(rest, io);
    case 'rules':
      return rulesCommand(rest, io);
    case 'merge':
      return mergeCommand(rest, io);
    case 'org':
      return orgCommand(rest, io);
    case '--version':
    case '-V':
    case '-v':
    case 'version':
      io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return 0;
    case undefined:
      // No command is a usage error: the usage goes where errors go.
      io.stderr(`${USAGE}\n`);
      return 2;
    case '--help':
    case '-h':
    case 'help':
      io.stdout(`${USAGE}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"; expected scan, baseline, rules, merge or org (moltguard --help)`);
  }
}

function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${flag} ${value}: expected one of ${choices.join(', ')}`);
  return value as T;
}

const SCAN_FLAGS = {
  mode: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  config: { type: 'string' },
  baseline: { type: 'string' },
  'fail-on': { type: 'string' },
  workers: { type: 'string' },
  'include-ignored': { type: 'boolean' },
  sarif: { type: 'string' },
} as const;

function onePath(positionals: string[]): string {
  if (positionals.length > 1) throw new UsageError(`expected one PATH, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0] ?? '.';
}

async function scanCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse('scan', args, SCAN_FLAGS);
  if (values.help) return help('scan', io);
  const format = oneOf<Format>('format', values.format, FORMATS) ?? 'text';
  const report = await scan({
    path: onePath(positionals),
    mode: oneOf<Mode>('mode', values.mode, MODES) ?? 'tree',
    base: values.base,
    head: values.head,
    configFile: values.config,
    baselineFile: values.baseline,
    failOn: oneOf<FailOn>('fail-on', values['fail-on'], FAIL_ON_VALUES),
    today: io.today,
    workers: workerCount(values.workers),
    includeIgnored: values['include-ignored'],
  });
  const rendered = render(report, format, io.isTTY && !values.output);
  if (values.output) {
    writeOutput(values.output, rendered);
    io.stderr(`${report.findings.length} findings (${report.blocking} blocking) written to ${values.output}\n`);
  } else io.stdout(rendered);
  // A second format of the same scan: a history scan of a large repository is too slow to run twice.
  if (values.sarif) writeOutput(values.sarif, toSarif(report));
  return report.blocking > 0 ? 1 : 0;
}

/** JSON reports of many repositories (one file each, named owner__repo.json) into one Markdown summary. */
function mergeCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parse('merge', args, { output: { type: 'string' }, 'server-url': { type: 'string' } } as const);
  if (values.help) return help('merge', io);
  if (!positionals.length) throw new UsageError('merge: needs at least one JSON report; see moltguard merge --help');
  const repos = positionals.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return summarize(file, text);
  });
  const out = mergedMarkdown(repos, values['server-url']);
  if (values.output) writeOutput(values.output, out);
  else io.stdout(out);
  return 0;
}

function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers ${value}: expected a whole number from 1 to 64`);
  return n;
}

function render(report: Report, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return toJson(report);
    case 'sarif':
      return toSarif(report);
    case 'github':
      return toWorkflowCommands(report);
    case 'text':
      return toText(report, color);
  }
}

function writeOutput(file: string, content: string): void {
  try {
    writeFileSync(file, content);
  } catch (e) {
    throw new UsageError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

async function baselineCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse('baseline', args, { output: { type: 'string' }, mode: { type: 'string' }, config: { type: 'string' } });
  if (values.help) return help('baseline', io);
  const report = await scan({
    path: onePath(positionals),
    mode: oneOf<Mode>('mode', values.mode, MODES) ?? 'tree',
    configFile: values.config,
    failOn: 'none',
    today: io.today,
  });
  const output = values.output ?? '.moltguard-baseline.json';
  writeOutput(output, `${JSON.stringify(makeBaseline(report.findings, `${TOOL_NAME} ${TOOL_VERSION}`, new Date()), null, 2)}\n`);
  io.stderr(`baseline of ${report.findings.length} findings written to ${output}\n`);
  return 0;
}

function rulesCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parse('rules', args, { format: { type: 'string' }, config: { type: 'string' } });
  if (values.help) return help('rules', io);
  const format = oneOf('format', values.format, ['text', 'json', 'markdown'] as const) ?? 'text';
  const { rules } = prepare(onePath(positionals), values.config);
  const catalog = ruleCatalog(rules);
  io.stdout(format === 'json' ? `${JSON.stringify(catalog, null, 2)}\n` : format === 'markdown' ? rulesAsMarkdown(catalog) : rulesAsText(catalog));
  return 0;
}

function help(command: keyof typeof COMMAND_USAGE, io: CliIO): number {
  io.stdout(`${COMMAND_USAGE[command]}\n`);
  return 0;
}
