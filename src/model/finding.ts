import { createHash } from 'node:crypto';
import { redactLine, redactSecret, type KnownSecret } from './redact.js';
import { Masker } from './masker.js';

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
  /** Set by rules for values that fail their format's check (a made-up example, most likely), which context may drop. */
  lookalike?: boolean;
  /** Set by rules for key material generated locally (a private key), which a test fixture path lowers one step more. */
  localKey?: boolean;
  /** Set by rules whose findings say nothing inside a documentation example (a plain-word password), which drops them there. */
  silentInDocExamples?: boolean;
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

/** What a finding is masked with: the secrets of its line (for the snippet) and of its file (for messages, which may quote any line). */
export interface Masks {
  line: Masker;
  file: Masker;
}

/**
 * Builds the immutable Finding. `lineText` is the raw line the detection sits on and `known`
 * every secret any detector found in the file (or on that line, as a list), so the snippet can
 * never show one finding's secret beside another's. The finding's own secret (and its encoded
 * form, its lines, and the values its check asked to hide) is always masked, whatever the
 * caller passes. Only the secrets a text holds are masked in it, found by index (masker.ts).
 */
export function makeFinding(
  d: Detection,
  where: Provenance,
  lineText: string,
  known: readonly KnownSecret[] | Masks,
  /** Where the detection starts within `lineText`, when that is not `d.column` (a window of a large file). */
  columnInLine = d.column,
): Finding {
  const secretHash = d.secret ? hashSecret(d.secret) : undefined;
  const own = ownSecrets(d);
  const masks = 'file' in known ? known : sameMasks(new Masker(known));
  const inLine = withOwn(masks.line, own);
  const inFile = withOwn(masks.file, own);
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
    message: inFile.mask(d.message),
    remediation: d.remediation,
    fingerprint: fingerprintOf(d, where.path, secretHash),
    ...(secretHash ? { secretHash } : {}),
    preview: d.secret ? redactSecret(d.secret, d.knownPrefix) : '',
    snippet: snippetOf(lineText, d.line === d.endLine ? columnInLine : 1, inLine),
    confidence: d.confidence ?? 'high',
    ...(d.related?.length ? { related: d.related.map((r) => (r.message ? { ...r, message: inFile.mask(r.message) } : r)) } : {}),
    // A suggestion that would copy a secret into a review comment is dropped, not masked:
    // a masked one could not be committed as is.
    ...(d.fix && inFile.mask(d.fix.replacement) === d.fix.replacement ? { fix: d.fix } : {}),
    ...(where.commit ? { commit: where.commit, author: where.author, date: where.date } : {}),
  };
  return Object.freeze(finding);
}

function sameMasks(masker: Masker): Masks {
  return { line: masker, file: masker };
}

interface TextMask {
  mask(text: string): string;
  longest: number;
}

/** The indexed secrets plus the finding's own (a config finding may hide thousands: index those too). */
function withOwn(masker: Masker, own: readonly KnownSecret[]): TextMask {
  const ownIndex = own.length > 8 ? new Masker(own) : undefined;
  return {
    mask: (text) => redactLine(text, [...masker.within(text), ...(ownIndex ? ownIndex.within(text) : own)]),
    longest: own.reduce((m, s) => Math.max(m, s.secret.length), masker.longest),
  };
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
function snippetOf(line: string, column: number, secrets: TextMask): string {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.length <= SNIPPET_WIDTH) return secrets.mask(text);
  const margin = secrets.longest;
  const start = Math.max(0, column - 1 - 40);
  const end = Math.min(text.length, start + SNIPPET_WIDTH);
  const wideStart = Math.max(0, start - margin);
  const redacted = secrets.mask(text.slice(wideStart, Math.min(text.length, end + margin)));
  const offset = start - wideStart;
  const body = redacted.slice(offset, offset + SNIPPET_WIDTH);
  return (start > 0 ? '…' : '') + body + (end < text.length ? '…' : '');
}
