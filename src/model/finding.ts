import { createHash } from 'node:crypto';
import { redactLine, redactSecret, type KnownSecret } from './redact.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Category = 'secret' | 'config';

/** Lower rank is more severe; reporters sort by it. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at or above the `threshold` (the gate's fail-on). */
export function atOrAbove(s: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && severityRank(s) <= severityRank(threshold);
}

export interface Location {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message?: string;
}

/** A one-line edit a reviewer can apply as is (a pull request suggestion). */
export interface Fix {
  line: number;
  replacement: string;
}

/** The one currency between layers. Made only by makeFinding, which redacts and fingerprints. */
export interface Finding {
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly remediation: string;
  /**
   * Hash of rule, path and secret (or config directive): survives edits and line moves. Fast
   * inside the scan; policy/public-hash.ts replaces it (and secretHash) before anything is printed.
   */
  readonly fingerprint: string;
  /** Hash of the secret alone, for allow entries that name one secret; absent for config findings. */
  readonly secretHash?: string;
  /** The secret's known prefix and at most 4 more characters. */
  readonly preview: string;
  /** The offending line, clipped, with every secret on it redacted. */
  readonly snippet: string;
  /** How sure moltguard is that this is live and wrong: `low` when its path suggests otherwise. */
  readonly confidence: 'high' | 'low';
  readonly related?: readonly Location[];
  readonly fix?: Fix;
  readonly commit?: string;
  readonly author?: string;
  readonly date?: string;
}

/** What a detector reports, with the raw secret still inside. It never leaves scan.ts. */
export interface Detection {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** 1-based line and column in the unit's text. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  remediation: string;
  /** The secret itself (secret detections) — hashed and redacted, never stored. */
  secret?: string;
  /** Characters of the secret that identify its kind and are safe to show (`ghp_`, `sk-proj-`). */
  knownPrefix?: string;
  /** For config findings: what identifies the mistake independent of its line (e.g. `PasswordAuthentication yes`). */
  fingerprintKey?: string;
  related?: Location[];
  fix?: Fix;
  /** Set by generic (name = value) rules, which context may drop. */
  generic?: boolean;
  /** `low` when the path suggests a fixture, a doc or an example; the message says why. */
  confidence?: 'high' | 'low';
  /** The secret as written in the file when it was decoded (base64, URL encoding) to be found. */
  encoded?: string;
  /** Values a config finding is about that must never be shown (masked in every snippet of the file). */
  mask?: string[];
}

export interface Provenance {
  path: string;
  commit?: string;
  author?: string;
  date?: string;
}

const SNIPPET_WIDTH = 160;

export function hashSecret(secret: string): string {
  return createHash('sha256').update('moltguard:secret:v1\0').update(secret).digest('hex').slice(0, 32);
}

function fingerprintOf(d: Detection, path: string, secretHash: string | undefined): string {
  const key = secretHash ?? d.fingerprintKey ?? `${d.message}`;
  return createHash('sha256').update(`${d.ruleId}\0${path}\0${key}`).digest('hex').slice(0, 32);
}

/**
 * Builds the immutable Finding. `lineText` is the raw line the detection sits on and
 * `secretsOnLine` every other secret any detector found on that line, so the snippet can never
 * show one finding's secret beside another's. The finding's own secret (and its encoded form,
 * its lines, and the values its check asked to hide) is always masked, whatever the caller passes.
 */
export function makeFinding(
  d: Detection,
  where: Provenance,
  lineText: string,
  secretsOnLine: readonly KnownSecret[],
  /** Where the detection starts within `lineText`, when that is not `d.column` (a window of a large file). */
  columnInLine = d.column,
): Finding {
  const secretHash = d.secret ? hashSecret(d.secret) : undefined;
  const secrets = [...secretsOnLine, ...ownSecrets(d)];
  const finding: Finding = {
    ruleId: d.ruleId,
    category: d.category,
    severity: d.severity,
    path: where.path,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    // Messages are built by detectors from what they parsed: the same secrets are masked in
    // them as in the snippet, so no wording of a check can carry one out.
    message: redactLine(d.message, secrets),
    remediation: d.remediation,
    fingerprint: fingerprintOf(d, where.path, secretHash),
    ...(secretHash ? { secretHash } : {}),
    preview: d.secret ? redactSecret(d.secret, d.knownPrefix) : '',
    snippet: snippetOf(lineText, d.line === d.endLine ? columnInLine : 1, secrets),
    confidence: d.confidence ?? 'high',
    ...(d.related?.length ? { related: d.related.map((r) => (r.message ? { ...r, message: redactLine(r.message, secrets) } : r)) } : {}),
    // A suggestion that would copy a secret into a review comment is dropped, not masked:
    // a masked one could not be committed as is.
    ...(d.fix && redactLine(d.fix.replacement, secrets) === d.fix.replacement ? { fix: d.fix } : {}),
    ...(where.commit ? { commit: where.commit, author: where.author, date: where.date } : {}),
  };
  return Object.freeze(finding);
}

function ownSecrets(d: Detection): KnownSecret[] {
  const own: KnownSecret[] = (d.mask ?? []).map((secret) => ({ secret }));
  if (d.encoded) own.push({ secret: d.encoded });
  if (d.secret) {
    own.push({ secret: d.secret, knownPrefix: d.knownPrefix });
    // A multi-line secret's first line holds only part of it: each of its lines is masked too.
    if (d.endLine > d.line) own.push(...d.secret.split(/\r?\n/).filter(Boolean).map((secret) => ({ secret })));
  }
  return own;
}

/**
 * Keeps long (minified) lines readable: a window around the finding's column. The window is
 * widened by the longest secret before redacting, so a secret cut by the clip is still masked.
 */
function snippetOf(line: string, column: number, secrets: readonly KnownSecret[]): string {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.length <= SNIPPET_WIDTH) return redactLine(text, secrets);
  const margin = secrets.reduce((m, s) => Math.max(m, s.secret.length), 0);
  const start = Math.max(0, column - 1 - 40);
  const end = Math.min(text.length, start + SNIPPET_WIDTH);
  const wideStart = Math.max(0, start - margin);
  const redacted = redactLine(text.slice(wideStart, Math.min(text.length, end + margin)), secrets);
  const offset = start - wideStart;
  const body = redacted.slice(offset, offset + SNIPPET_WIDTH);
  return (start > 0 ? '…' : '') + body + (end < text.length ? '…' : '');
}
