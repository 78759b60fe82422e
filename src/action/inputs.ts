import { z } from 'zod';
import { UsageError } from '../model/errors.js';
import { FAIL_ON_VALUES, type FailOn } from '../model/options.js';

/**
 * The action's inputs as one typed object. Nothing deeper than action.ts reads an input, so
 * every default and every check lives here, and an error names the input that fixes it.
 */
export interface Settings {
  /** Token for the pull request review; empty means no review (annotations and summary need none). */
  token: string;
  /** Folder to scan, relative to the workspace. */
  path: string;
  /** `auto` picks from the event; the others force one kind of scan. */
  mode: 'auto' | 'tree' | 'diff' | 'history';
  /** Lowest severity that fails the step; undefined: the config's fail-on, else high. */
  failOn?: FailOn;
  /** Explicit .moltguard.yml, relative to the workspace; undefined: the scanned folder's own. */
  config?: string;
  /** Baseline file, relative to the workspace. */
  baseline?: string;
  /** Where the SARIF report goes, relative to the workspace. */
  sarifFile: string;
  annotations: boolean;
  prReview: boolean;
  summary: boolean;
}

/** Booleans the way the runner's YAML 1.2 core schema spells them (as core.getBooleanInput does). */
const bool = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (['true', 'True', 'TRUE'].includes(s)) return true;
    if (['false', 'False', 'FALSE'].includes(s)) return false;
    ctx.addIssue({ code: 'custom', message: `expected true or false, got "${s}"` });
    return z.NEVER;
  });

function choice<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .string()
    .trim()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(values, { error: (issue) => `expected one of ${values.join(', ')}, got "${String(issue.input)}"` }));
}

const optionalPath = z
  .string()
  .trim()
  .transform((s) => s || undefined);

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

/** Input name -> parser. Defaults mirror action.yml so a missing input behaves as documented. */
const SCHEMA = {
  'github-token': { default: '', parse: z.string().trim() },
  path: { default: '.', parse: nonEmpty('the folder to scan') },
  mode: { default: 'auto', parse: choice(['auto', 'tree', 'diff', 'history'] as const) },
  // Empty by default, so that a fail-on in .moltguard.yml applies; the input only overrides it.
  'fail-on': { default: '', parse: optionalPath.pipe(choice(FAIL_ON_VALUES).optional()) },
  config: { default: '', parse: optionalPath },
  baseline: { default: '', parse: optionalPath },
  'sarif-file': { default: 'moltguard.sarif', parse: nonEmpty('the SARIF path') },
  annotations: { default: 'true', parse: bool },
  'pr-review': { default: 'true', parse: bool },
  summary: { default: 'true', parse: bool },
} as const;

type Name = keyof typeof SCHEMA;
type Parsed = { [K in Name]: z.output<(typeof SCHEMA)[K]['parse']> };

/**
 * Reads every input through `get` (core.getInput at the edge, a plain map in tests). All
 * problems are gathered into one error, one line per input, so one run shows them all.
 */
export function readSettings(get: (name: string) => string): Settings {
  const problems: string[] = [];
  const values: Partial<Record<Name, unknown>> = {};
  for (const [name, spec] of Object.entries(SCHEMA) as [Name, (typeof SCHEMA)[Name]][]) {
    const raw = get(name);
    const result = spec.parse.safeParse(raw === '' ? spec.default : raw);
    if (result.success) values[name] = result.data;
    else problems.push(`input "${name}": ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
  const v = values as Parsed;
  return {
    token: v['github-token'],
    path: v.path,
    mode: v.mode,
    failOn: v['fail-on'],
    config: v.config,
    baseline: v.baseline,
    sarifFile: v['sarif-file'],
    annotations: v.annotations,
    prReview: v['pr-review'],
    summary: v.summary,
  };
}
