import type { RuleInfo } from '../model/rule-info.js';
import { configRules } from '../configs/index.js';
import type { SecretRule } from '../secrets/rules.js';
import { BARE_IGNORE_RULE } from '../policy/inline.js';

export function ruleCatalog(secretRules: readonly SecretRule[]): RuleInfo[] {
  const secrets: RuleInfo[] = secretRules.map((r) => ({
    id: r.id,
    category: 'secret',
    title: r.description,
    severity: r.severity,
    description: `${r.description} committed to the repository: anyone with read access to it or its history can use it.`,
    help: r.remediation,
    keywords: r.keywords,
  }));
  const configs: RuleInfo[] = configRules().map((r) => ({
    id: r.id,
    category: 'config',
    title: r.title,
    severity: r.severity,
    description: r.why,
    help: r.fix,
  }));
  const meta: RuleInfo = {
    id: BARE_IGNORE_RULE,
    category: 'config',
    title: 'moltguard:ignore without a rule id',
    severity: 'low',
    description: 'A bare ignore comment would hide every finding on its line, so it hides none and is reported.',
    help: 'Write `moltguard:ignore RULE-ID -- reason`.',
  };
  return [...secrets, ...configs, meta];
}
