import { parseArgs } from 'node:util';
import { UsageError } from './model/errors.js';
import { beforeFirst } from './model/trim.js';

// What each command accepts, printed by `moltguard COMMAND --help` (stdout, exit 0). A usage
// error never prints this: it is one line on stderr that says what is wrong and where to look.
export const COMMAND_USAGE = {
  scan: `usage: moltguard scan [PATH] [--mode tree|diff|history|staged] [--base REF] [--head REF]
                      [--format text|json|sarif|github] [--output FILE] [--config FILE]
                      [--baseline FILE] [--fail-on critical|high|medium|low|none] [--workers N]
                      [--include-ignored] [--sarif FILE]
Scans PATH (default: .) for committed secrets and deploy-config hardening mistakes.
--sarif FILE also writes the same scan's SARIF report to FILE, whatever --format says.
exit codes: 0 nothing at or above --fail-on (default high), 1 findings at or above it, 2 usage/config/read error`,
  baseline: `usage: moltguard baseline [PATH] [--output FILE] [--mode tree|diff|history|staged] [--config FILE]
Writes the current findings to FILE (default .moltguard-baseline.json); scan --baseline FILE then reports only new ones.`,
  rules: `usage: moltguard rules [PATH] [--format text|json|markdown] [--config FILE]
Lists every rule, with PATH's config (custom rules, severity overrides) applied.`,
  merge: `usage: moltguard merge REPORT.json... [--output FILE] [--server-url URL]
Gathers the JSON reports of many repositories (one file each, named owner__repo.json) into one Markdown summary.`,
  org: `usage: moltguard org repos OWNER [--max-jobs N] [--include-archived] [--include-forks] [--api-url URL]
       moltguard org upload-sarif FILE --repository OWNER/NAME --commit SHA --ref REF [--api-url URL]
repos prints a GitHub Actions matrix ({"include":[{"name","repositories"}]}) of OWNER's repositories
  (an organisation, or else a user), at most N jobs (default and most 256), one line per repository left out on stderr.
upload-sarif uploads a SARIF report to that repository's code scanning.
Both read the token from GITHUB_TOKEN (or GH_TOKEN), and the API from --api-url, GITHUB_API_URL or https://api.github.com.`,
} as const;

export type Command = keyof typeof COMMAND_USAGE;

export const USAGE = `usage:
  moltguard scan [PATH] [options]      scan a folder, a diff, the staged changes or the history
  moltguard baseline [PATH] [options]  record today's findings so only new ones are reported
  moltguard rules [options]            list the rules
  moltguard merge REPORT.json...       one summary of many repositories' JSON reports
  moltguard org repos|upload-sarif     list an organisation for a matrix; upload a SARIF to a repository
  moltguard COMMAND --help             the options of a command
  moltguard --version
exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/config/read error`;

type Flags = Record<string, { type: 'string' | 'boolean' }>;
type Values<T extends Flags> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/** parseArgs with -h/--help on every command, and its errors turned into one line naming the command. */
export function parseCommandArgs<T extends Flags>(command: Command, args: string[], options: T) {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return parsed as { values: Values<T> & { help?: boolean }; positionals: string[] };
  } catch (e) {
    throw new UsageError(`${command}: ${describeParseError(e as Error & { code?: string })}; see moltguard ${command} --help`);
  }
}

function describeParseError(e: Error & { code?: string }): string {
  const unknown = /^Unknown option '([^']+)'/.exec(e.message);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return `unknown option ${unknown[1]}`;
  // Node's messages run on with advice about "--"; the first sentence is the fact.
  return beforeFirst(e.message.split('\n')[0] ?? '', '. ').replace(/^Option /, 'option ');
}
