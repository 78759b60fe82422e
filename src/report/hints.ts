import type { Finding } from '../model/finding.js';

/** The exact text to paste to silence one finding, and where it goes. */
export interface IgnoreSnippet {
  paste: string;
  where: string;
}

/**
 * Secrets get an allow entry keyed to the secret's hash (it survives edits and never hides a
 * different secret); config findings an inline comment, since they are about that line.
 */
export function ignoreSnippet(f: Finding): IgnoreSnippet {
  if (f.secretHash) {
    return {
      paste: `- { rule: ${f.ruleId}, secret: ${f.secretHash}, reason: "…" }`,
      where: 'under allow: in .moltguard.yml, after rotating the key if it was ever real',
    };
  }
  return { paste: `# moltguard:ignore ${f.ruleId} -- reason`, where: 'on the line or the line above' };
}

/** What to paste to silence this finding, with a reason, as one line of prose. */
export function ignoreHint(f: Finding): string {
  if (f.secretHash) {
    return `allow: [{ rule: ${f.ruleId}, secret: ${f.secretHash}, reason: "…" }] in .moltguard.yml (after rotating the key if it was ever real)`;
  }
  return `# moltguard:ignore ${f.ruleId} -- reason (on the line or the line above)`;
}
