import type { SecretRule } from '../secrets/rules.js';
import { backtrackingRisk } from '../secrets/guard.js';

/**
 * What a team should hear about its own rules when they load: regex shapes that can backtrack
 * catastrophically, and rules with no keyword (they run on every file, which costs time).
 * The rules still run, under the engine's time budget.
 */
export function customRuleNotices(rules: readonly SecretRule[], configFile: string): string[] {
  const notices: string[] = [];
  for (const rule of rules) {
    const patterns: [string, string][] = [
      ['regex', rule.regex],
      ...(rule.assignment ? [['assignment.keys', rule.assignment.keys] as [string, string]] : []),
      ...rule.allow.regexes.map((r, i): [string, string] => [`allow.regexes.${i}`, r]),
    ];
    for (const [field, source] of patterns) {
      const risk = backtrackingRisk(source);
      if (risk) notices.push(`${configFile}: custom-rules.${rule.id}.${field}: ${risk}; it runs under a time budget and the rule is disabled if it exceeds it`);
    }
    if (rule.keywords.length === 0) notices.push(`${configFile}: custom-rules.${rule.id}: no keywords, so its regex runs on every file; add a literal keyword for speed`);
  }
  return notices;
}
