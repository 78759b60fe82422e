import type { Category, Severity } from './finding.js';

/** A rule as reporters, `moltguard rules` and SARIF's tool.driver.rules describe it. */
export interface RuleInfo {
  id: string;
  category: Category;
  title: string;
  severity: Severity;
  /** Why it matters. */
  description: string;
  /** How to fix it. */
  help: string;
  keywords?: string[];
}
