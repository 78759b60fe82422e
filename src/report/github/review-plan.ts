import type { Finding } from '../../model/finding.js';
import { ignoreSnippet } from '../hints.js';
import { code, fenced, text } from './markdown.js';

/**
 * What moltguard's review says, decided without the API: which findings get an inline comment
 * and on which line, and the exact Markdown of every comment.
 */

/** Marks moltguard's own reviews: how a re-run finds what an earlier run wrote. */
export const REVIEW_MARKER = '<!-- moltguard:review -->';
/** Marks each inline comment with the finding it is about; `resolved` once it no longer applies. */
const FINDING_MARKER = /<!-- moltguard:finding ([0-9a-f]{8,64})( resolved)? -->/;

/** One review should stay readable; the summary lists the rest. */
export const MAX_INLINE_COMMENTS = 50;

/** Repository path -> head line numbers the pull request adds (the right side of its diff). */
export type AddedLines = ReadonlyMap<string, ReadonlySet<number>>;

export interface PlannedComment {
  fingerprint: string;
  path: string;
  /** Head line number, right side. */
  line: number;
  body: string;
  finding: Finding;
}

export interface ReviewPlan {
  comments: PlannedComment[];
  /** Findings that stay in the summary: outside the added lines, or only in an earlier commit. */
  elsewhere: Finding[];
}

export function planReview(findings: readonly Finding[], added: AddedLines): ReviewPlan {
  const comments: PlannedComment[] = [];
  const elsewhere: Finding[] = [];
  for (const f of findings) {
    const place = comments.length < MAX_INLINE_COMMENTS ? placement(f, added) : undefined;
    if (!place) {
      elsewhere.push(f);
      continue;
    }
    comments.push({ fingerprint: f.fingerprint, path: f.path, line: place.line, body: commentBody(f, place.suggest), finding: f });
  }
  return { comments, elsewhere };
}

/**
 * The line to comment on. A suggestion replaces exactly the commented line, so a finding with
 * a fix is placed on the fix's line when the pull request added it; otherwise on the first
 * added line of the finding. A finding from an earlier commit has no line in the head.
 */
function placement(f: Finding, added: AddedLines): { line: number; suggest: boolean } | undefined {
  if (f.commit) return undefined;
  const lines = added.get(f.path);
  if (!lines) return undefined;
  if (f.fix && lines.has(f.fix.line)) return { line: f.fix.line, suggest: true };
  for (let l = f.line; l <= Math.max(f.line, f.endLine); l++) if (lines.has(l)) return { line: l, suggest: false };
  return undefined;
}

export function commentBody(f: Finding, suggest: boolean): string {
  const parts = [
    `<!-- moltguard:finding ${f.fingerprint} -->`,
    `**moltguard ${f.severity}** · ${code(f.ruleId)}`,
    '',
    // Messages quote the scanned files (a host, an option value): in a fork's pull request
    // those are the author's words, so no HTML of theirs reaches the bot's comment.
    `${text(f.message)}${f.preview ? ` (${code(f.preview)})` : ''}`,
    '',
    `**Fix:** ${text(f.remediation)}`,
  ];
  if (suggest && f.fix) parts.push('', fenced('suggestion', f.fix.replacement));
  else if (f.fix) parts.push('', `Suggested line ${f.fix.line}: ${code(f.fix.replacement.split(/\r?\n/)[0])}`);
  const hint = ignoreSnippet(f);
  parts.push('', `<sub>Not a problem here? Add ${code(hint.paste)} ${hint.where}.</sub>`);
  return parts.join('\n');
}

export function resolvedBody(fingerprint: string, ruleId: string, why: string): string {
  return `<!-- moltguard:finding ${fingerprint} resolved -->\n✅ ~~moltguard ${code(ruleId)}~~ ${why}`;
}

/** The fingerprint a comment is about, and whether it was already marked resolved. */
export function readMarker(body: string | undefined): { fingerprint: string; resolved: boolean } | undefined {
  const m = body ? FINDING_MARKER.exec(body) : null;
  return m ? { fingerprint: m[1], resolved: !!m[2] } : undefined;
}

export function reviewBody(totals: { findings: number; blocking: number; failOn: string }, inline: number, elsewhere: number, summaryUrl?: string): string {
  const where = summaryUrl ? `[job summary](${summaryUrl})` : 'job summary';
  const more = elsewhere
    ? ` ${elsewhere} more (outside the lines this pull request adds, or in an earlier commit) ${elsewhere === 1 ? 'is' : 'are'} in the ${where}.`
    : '';
  return [
    REVIEW_MARKER,
    `**moltguard** found ${totals.findings} finding${totals.findings === 1 ? '' : 's'} in this pull request, ${totals.blocking} blocking at fail-on ${totals.failOn}. ` +
      `${inline} ${inline === 1 ? 'is' : 'are'} commented inline.${more}`,
  ].join('\n');
}

/** When GitHub refuses the inline comments (a line not in its diff), they go in the body instead. */
export function inlineFallback(comments: readonly PlannedComment[]): string {
  return comments.map((c) => `- ${code(`${c.path}:${c.line}`)} ${c.finding.severity} ${code(c.finding.ruleId)}: ${text(c.finding.message)}`).join('\n');
}
