import type { Finding } from '../finding.js';

/**
 * What to paste to silence this finding, with a reason. Secrets get an allow entry keyed to
 * the secret's hash (it survives edits and never hides a different secret); config findings
 * an inline comment, since they are about that line.
 */
export function ignoreHint(f: Finding): string {
  if (f.secretHash) {
    return `allow: [{ rule: ${f.ruleId}, secret: ${f.secretHash}, reason: "…" }] in .moltguard.yml (after rotating the key if it was ever real)`;
  }
  return `# moltguard:ignore ${f.ruleId} -- reason (on the line or the line above)`;
}
