import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { SEVERITIES } from '../model/finding.js';
import { SecretRuleSchema, describeIssues } from '../secrets/rules.js';
import { UsageError } from '../model/errors.js';
import { FAIL_ON_VALUES } from '../model/options.js';

export const CONFIG_FILE = '.moltguard.yml';

const FailOn = z.enum(FAIL_ON_VALUES);
const RuleSetting = z.enum(['off', ...SEVERITIES] as ['off', 'critical', 'high', 'medium', 'low', 'info'], {
  error: () => `expected ${['off', ...SEVERITIES].join('|')}`,
});

const AllowEntry = z
  .object({
    /** The rule this entry silences; every rule when absent (then `path` or `secret` is required). */
    rule: z.string().optional(),
    /** micromatch glob on the path relative to the scanned root. */
    path: z.string().optional(),
    /** The `secretHash` of one finding: silences that secret and no other. */
    secret: z.string().regex(/^[0-9a-f]{32}$/, 'expected the 32-hex-digit secretHash of a finding').optional(),
    reason: z.string().min(3, 'a reason is required'),
    /** After this date (YYYY-MM-DD) the entry stops silencing and is reported. */
    expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').optional(),
  })
  .strict()
  .refine((e) => e.rule || e.path || e.secret, { message: 'an allow entry needs rule, path or secret' });

export const ConfigSchema = z
  .object({
    $schema: z.string().optional().describe('JSON schema reference, for editors'),
    /** Only the recommended set exists today; the key keeps configs forward-compatible. */
    extends: z.literal('recommended').default('recommended').describe('The rule set to start from (only `recommended` exists)'),
    'fail-on': FailOn.optional().describe('Lowest severity that fails the scan (default high); --fail-on overrides it'),
    /** Files larger than this many bytes are skipped and listed as skipped. */
    'max-file-size': z.number().int().positive().optional().describe('Files larger than this many bytes are skipped and listed (default 5 MiB)'),
    /** Globs of paths never scanned (fixtures, vendored code). */
    ignore: z.array(z.string()).default([]).describe('micromatch globs of paths (relative to the scanned root) never scanned'),
    /** When set, only paths matching one of these globs are scanned. */
    only: z.array(z.string()).default([]).describe('When set, only paths matching one of these globs are scanned'),
    /** Per-rule `off` or a severity override. */
    rules: z.record(z.string(), RuleSetting).default({}).describe('Per rule id: off, or a severity that replaces the default'),
    /** Your own secret formats, same fields as the built-in rules. */
    'custom-rules': z.array(SecretRuleSchema).default([]).describe('Your own secret formats, with the same fields and samples as the built-in rules'),
    allow: z.array(AllowEntry).default([]).describe('Reviewed findings to suppress, each with a reason and an optional expiry date'),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type AllowRule = z.infer<typeof AllowEntry>;

export interface LoadedConfig {
  config: Config;
  /** The file it came from, for messages; undefined for the defaults. */
  file?: string;
}

/** Reads `--config FILE`, or `.moltguard.yml` at the root, or the defaults. Problems are one line each. */
export function loadConfig(root: string, explicit?: string): LoadedConfig {
  const file = explicit ?? join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) throw new UsageError(`${explicit}: config file not found`);
    return { config: ConfigSchema.parse({}) };
  }
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (e) {
    throw new UsageError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return { config: parseConfig(file, raw), file };
}

export function parseConfig(file: string, raw: unknown): Config {
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(describeIssues(file, parsed.error).join('\n'));
  return parsed.data;
}
