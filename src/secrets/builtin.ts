import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { mergeRuleSets, parseRules, type LoadResult } from './rules.js';

/** Set by the bundler: the rule files, parsed from YAML at build time, so dist/ needs no rules/ folder. */
declare const __MOLTGUARD_RULE_FILES__: { file: string; data: unknown }[] | undefined;

export const RULES_DIR = fileURLToPath(new URL('../../rules/secrets/', import.meta.url));

/** The raw rule files: bundled ones in dist/, read from rules/secrets/ when running from source. */
export function builtinRuleFiles(dir = RULES_DIR): { file: string; data: unknown }[] {
  if (typeof __MOLTGUARD_RULE_FILES__ !== 'undefined') return __MOLTGUARD_RULE_FILES__;
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `rules/secrets/${f}`, data: parseYaml(readFileSync(`${dir}/${f}`, 'utf8')) }));
}

let loaded: LoadResult | undefined;

/**
 * Every built-in rule, validated; a problem here is a bug in this repository's rule files.
 * Validated once per process: the files are built in, and the action scans more than once.
 */
export function loadBuiltinRules(): LoadResult {
  return (loaded ??= mergeRuleSets(builtinRuleFiles().map(({ file, data }) => parseRules(file, data))));
}
