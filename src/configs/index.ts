import type { ConfigCheck, ConfigRule } from './rule.js';
import { sshdCheck } from './sshd/check.js';
import { parseErrorRule } from './parse-error.js';

/** Every config check, in the order their findings are reported for one file. */
export const CONFIG_CHECKS: readonly ConfigCheck[] = [sshdCheck];

export function configRules(): ConfigRule[] {
  return [parseErrorRule, ...new Set(CONFIG_CHECKS.flatMap((c) => c.rules))];
}
