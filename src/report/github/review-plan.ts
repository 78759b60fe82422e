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

/** One inline comment per line: every finding placed on that line, most severe first. */
export interface PlannedComment {
  /** The first finding's: the key a re-run matches the comment by. */
  fingerprint: string;
  /** Every finding's, for matching an earlier comment whose first finding has gone. */
  fingerprints: string[];
  path: string;
  /** Head line number, right side. */
  line: number;
  body: string;
  finding: Finding;
  findings: Finding[];
}

export interface ReviewPlan {
  comments: PlannedComment[];
  /** Findings that stay in the summary: outside the added lines, or only in an earlier commit. */
  elsewhere: Finding[];
}

export function planReview(findings: readonly Finding[], added: AddedLines): ReviewPlan {
  // Two findings on one line (a key that is also an env-file secret) are one comment, not two
  // bot comments stacked on the same line.
  const byLine = new Map<string, { path: string; line: number; placed: { f: Finding; suggest: boolean }[] }>();
  const elsewhere: Finding[] = [];
  for (const f of findings) {
    const place = placement(f, added);
    const key = place && `${f.path}\0${place.line}`;
    if (!place || !key || (!byLine.has(key) && byLine.size >= MAX_INLINE_COMMENTS)) {
      elsewhere.push(f);
      continue;
    }
    const group = byLine.get(key) ?? { path: f.path, line: place.line, placed: [] };
    byLine.set(key, group);
    // A suggestion replaces the whole line: only one per comment.
    group.placed.push({ f, suggest: place.suggest && !group.placed.some((p) => p.suggest) });
  }
  const comments = [...byLine.values()].map(({ path, line, placed }) => ({
    fingerprint: placed[0].f.fingerprint,
    fingerprints: placed.map((p) => p.f.fingerprint),
    path,
    line,
    body: placed.length === 1 ? commentBody(placed[0].f, placed[0].suggest) : lineCommentBody(placed),
    finding: placed[0].f,
    findings: placed.map((p) => p.f),
  }));
  return { comments, elsewhere };
}

function lineCommentBody(placed: readonly { f: Finding; suggest: boolean }[]): string {
  const markers = placed.map((p) => `<!-- moltguard:finding ${p.f.fingerprint} -->`);
  const sections = placed.map((p) => commentBody(p.f, p.suggest).split('\n').slice(1).join('\n'));
  return [...markers, `**${placed.length} moltguard findings on this line**`, '', sections.join('\n\n---\n\n')].join('\n');
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
    `${text(clip(f.message, MAX_MESSAGE))}${f.preview ? ` (${code(f.preview)})` : ''}`,
    '',
    `**Fix:** ${text(f.remediation)}`,
  ];
  if (suggest && f.fix) parts.push('', fenced('suggestion', f.fix.replacement));
  else if (f.fix) parts.push('', `Suggested line ${f.fix.line}: ${code(f.fix.replacement.split(/\r?\n/)[0])}`);
  const hint = ignoreSnippet(f);
  parts.push('', `<sub>Not a problem here? Add ${code(hint.paste)} ${hint.where}.</sub>`);
  return parts.join('\n');
}

/** GitHub refuses a comment over 65,536 characters (422), and with it the whole review. */
const MAX_MESSAGE = 4000;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function resolvedBody(fingerprint: string, ruleId: string, why: string): string {
  return `<!-- moltguard:finding ${fingerprint} resolved -->\n✅ ~~moltguard ${code(ruleId)}~~ ${why}`;
}

/** Every finding a comment is about (a comment on a line with several findings has a marker each). */
export function readMarkers(body: string | undefined): string[] {
  return [...(body ?? '').matchAll(new RegExp(FINDING_MARKER.source, 'g'))].filter((m) => !m[2]).map((m) => m[1]);
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
  return comments
    .flatMap((c) => c.findings.map((f) => `- ${code(`${c.path}:${c.line}`)} ${f.severity} ${code(f.ruleId)}: ${text(clip(f.message, 300))}`))
    .join('\n');
}
