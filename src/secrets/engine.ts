import type { Detection } from '../model/finding.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import type { SecretRule } from './rules.js';
import { VALIDATORS } from './validators.js';
import { LineIndex } from '../model/line-index.js';
import { RegexGuard } from './guard.js';
import { findAssignments, namesItself, normalizeKey, unquotedIsLiteral, type Assignment } from './assignment.js';
import { encodedSegments, type EncodedSegment } from './decode.js';
import { KeywordMatcher } from './keywords.js';
import { familyOf, type Family } from './literals/family.js';
import { isLiteralAt } from './literals/value.js';
import { credentialFilesOf } from './credential-files.js';

/** How far around a keyword hit a rule's regex looks (characters). */
const BEFORE = 256;
const AFTER = 1024;
const MULTILINE_AFTER = 128 * 1024;
/** How far back a candidate value looks for a template block (`{% … `) still open (characters). */
const TEMPLATE_LOOKBACK = 4096;

const COMMON_REMEDIATION =
  'Removing it from the file is not enough: it stays in git history. Revoke and rotate it at the provider, ' +
  "check the provider's audit log for use of it, and load the new value from the server's env file " +
  '(chmod 600, owned by the service user, never committed).';

const ENCODED_AS: Record<EncodedSegment['how'], string> = {
  base64: 'base64-encoded',
  'URL encoding': 'URL-encoded',
  'JetBrains password encoding': 'stored with the IDE\'s reversible password encoding',
};

/** A regex test; for a custom rule it runs under the rule's deadline. */
type Test = (text: string, where: string) => boolean;

interface CompiledRule {
  rule: SecretRule;
  re: RegExp;
  stopwords: string[];
  allow: Test[];
  validate?: (secret: string) => boolean;
  /** Keywords in the case they are written, longest first, to find the secret's known prefix. */
  prefixes: string[];
  /** Custom (user-written) rules run under a deadline: the search guard, then every guard of the rule. */
  guard?: RegexGuard;
  guards: RegexGuard[];
  /** Generic rules read name = value pairs: the name must match `keys`, the value the regex whole. */
  assignment?: { keys: Test; value: Test };
}

export interface EngineOptions {
  /** Ids of rules to run under a time budget (the user's custom rules). */
  guarded?: ReadonlySet<string>;
}

/** One text being scanned: its path, and what its lines hold as name = value pairs. */
interface Place {
  where: string;
  /** Whether an unquoted value is a literal here (a config file) or an expression (code). */
  literal: boolean;
  /** The file's language, which decides what a literal is; `other` for text with no path. */
  family: Family;
  /** Pairs per line segment, by its offset: generic rules sharing keywords read a line once. */
  pairs: Map<number, { length: number; found: Assignment[] }>;
}

interface Match {
  rule: CompiledRule;
  start: number;
  end: number;
  secret: string;
  secretStart: number;
  /** One of the rule's demo values: reported low, as a demo credential. */
  demo?: boolean;
}

/**
 * The secret detector: one case-insensitive pass over the text for every rule's keywords,
 * then each hit rule's regex only in a window around its hits. Rules are compiled once.
 */
export class SecretEngine {
  private readonly compiled: CompiledRule[];
  private readonly matcher: KeywordMatcher;
  /** Per keyword (by index): the rules to run when it is hit, including rules keyed on its substrings. */
  private readonly byKeyword: CompiledRule[][];
  /** Rules without keywords run on every text; they are costly and warned about at load. */
  private readonly unkeyed: CompiledRule[];

  constructor(rules: readonly SecretRule[], opts: EngineOptions = {}) {
    this.compiled = rules.map((r) => compile(r, opts.guarded?.has(r.id) ?? false));
    const keywords = [...new Set(this.compiled.flatMap((c) => c.rule.keywords.map((k) => k.toLowerCase())))];
    // The matcher reports the longest keyword at a position; the rules of the shorter ones
    // inside it (`sk-` in `sk-ant-`) must run there too.
    this.byKeyword = keywords.map((kw) => this.compiled.filter((c) => c.rule.keywords.some((k) => kw.includes(k.toLowerCase()))));
    this.matcher = new KeywordMatcher(keywords);
    this.unkeyed = this.compiled.filter((c) => c.rule.keywords.length === 0);
  }

  /** Guarded rules that were switched off during the run, with why: one line each. */
  get warnings(): string[] {
    return this.compiled.flatMap((c) => {
      const reason = c.guards.find((g) => g.disabledReason)?.disabledReason;
      return reason ? [`custom rule ${c.rule.id} was disabled for the rest of the scan: a regex of it ${reason}`] : [];
    });
  }

  /**
   * Every secret in `text`, including ones written base64- or URL-encoded in configs (found
   * in the decoded text, reported at the encoded span). `where` is the file's path, used for
   * warnings and to know whether unquoted values are literals; detections carry no path.
   * `shebang`: the file's `#!` line when `text` is a patch that does not start with it.
   */
  scan(text: string, where = 'input', asciiBytes?: Uint8Array, shebang?: string): Detection[] {
    let found = this.scanPlain(text, where, asciiBytes, shebang);
    const segments = encodedSegments(text);
    if (segments.length === 0) return found;
    const plain = new Set(found.map((d) => d.secret));
    // Overlapping segments can decode the same text; the same value encoded in two entries (two
    // FileZilla servers) is two places to fix, as the same plain value twice would be.
    const decoded = new Set<string>();
    const lines = new LineIndex(text);
    for (const seg of segments) {
      const start = lines.position(seg.start);
      const end = lines.position(seg.end);
      for (const d of this.scanPlain(seg.decoded, where, undefined, shebang)) {
        const key = `${start.line}\0${d.secret}`;
        if (plain.has(d.secret) || decoded.has(key)) continue;
        decoded.add(key);
        // What the decoded text reveals replaces a match on the encoded blob itself, unless
        // that match is by a provider rule and the decoded one only generic.
        const onBlob = (p: Detection) => p.line === start.line && p.column >= start.column && p.column < start.column + (seg.end - seg.start);
        if (d.generic && found.some((p) => onBlob(p) && !p.generic)) continue;
        found = found.filter((p) => !onBlob(p));
        found.push({
          ...d,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          message: `${d.message} It is ${ENCODED_AS[seg.how]} in the file, which hides it from a reader but not from anyone who decodes it.`,
          encoded: text.slice(seg.start, seg.end),
        });
      }
    }
    return found;
  }

  private scanPlain(text: string, where: string, asciiBytes?: Uint8Array, shebang?: string): Detection[] {
    const hits = this.keywordHits(text, asciiBytes);
    for (const rule of this.unkeyed) hits.set(rule, [{ start: 0, end: text.length }]);
    if (hits.size === 0) return [];
    const matches: Match[] = [];
    const input = where === 'input';
    const place: Place = { where, literal: input || unquotedIsLiteral(where), family: input ? 'other' : familyOf(where, shebang ?? text), pairs: new Map() };
    // Named only when a rule bound to credential files was hit: most files are none. Unlike a
    // language, a file kind is never assumed for text without a path.
    let kinds: string[] | undefined;
    for (const [rule, windows] of hits) {
      if (!input && rule.rule.languages && !rule.rule.languages.includes(place.family)) continue;
      if (rule.rule.files && !rule.rule.files.some((k) => (kinds ??= credentialFilesOf(where)).includes(k))) continue;
      for (const w of windows) collectMatches(rule, text, w.start, w.end, matches, place);
    }
    if (matches.length === 0) return [];
    const lines = new LineIndex(text);
    return resolveOverlaps(matches).map((m) => toDetection(m, lines));
  }

  /** One pass for all keywords; each hit becomes a window for the rules that keyword feeds. */
  private keywordHits(text: string, asciiBytes?: Uint8Array): Map<CompiledRule, Window[]> {
    const hits = new Map<CompiledRule, Window[]>();
    const keywords = this.matcher.keywords;
    // Hits come in order: the current line's bounds are found once (natively) and reused by
    // every hit on it, instead of scanning around each hit.
    let lineStart = 0;
    let lineEnd = -1;
    const onHit = (at: number, index: number) => {
      if (at > lineEnd) {
        lineStart = text.lastIndexOf('\n', at) + 1;
        const eol = text.indexOf('\n', at);
        lineEnd = eol < 0 ? text.length : eol;
      }
      const length = keywords[index].length;
      const start = Math.max(lineStart, at - BEFORE);
      let line: Window | undefined;
      let block: Window | undefined;
      for (const rule of this.byKeyword[index]) {
        const w = rule.rule.multiline
          ? (block ??= { start, end: Math.min(text.length, at + length + MULTILINE_AFTER) })
          : (line ??= { start, end: Math.min(lineEnd, at + length + AFTER) });
        addWindow(hits, rule, w);
      }
    };
    if (asciiBytes && asciiBytes.length === text.length) this.matcher.scanAscii(asciiBytes, onHit);
    else this.matcher.scan(text, onHit);
    return hits;
  }
}

interface Window {
  start: number;
  end: number;
}

function addWindow(hits: Map<CompiledRule, Window[]>, rule: CompiledRule, w: Window): void {
  const list = hits.get(rule);
  if (!list) {
    hits.set(rule, [{ ...w }]);
    return;
  }
  const last = list[list.length - 1];
  if (w.start <= last.end) last.end = Math.max(last.end, w.end);
  else list.push({ ...w });
}

type RawMatch = { index: number; groups: (string | undefined)[]; named?: Record<string, string> };

function* execAll(rule: CompiledRule, slice: string, where: string): Generator<RawMatch> {
  if (rule.guard) {
    yield* rule.guard.matchAll(slice, where) ?? [];
    return;
  }
  const re = rule.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    yield { index: m.index, groups: m, named: m.groups };
  }
}

function collectMatches(rule: CompiledRule, text: string, start: number, end: number, out: Match[], place: Place): void {
  const slice = text.slice(start, end);
  if (rule.assignment) {
    collectAssignments(rule, rule.assignment, slice, start, out, place, text);
    return;
  }
  const { where } = place;
  for (const m of execAll(rule, slice, where)) {
    const whole = m.groups[0] ?? '';
    if (whole.length === 0) continue;
    const group = rule.rule.secretGroup;
    const secret = (group === undefined ? (m.groups[1] ?? whole) : typeof group === 'number' ? m.groups[group] : m.named?.[group]) ?? '';
    const verdict = secret ? judge(rule, secret, where) : false;
    if (verdict) {
      const offsetInMatch = whole.indexOf(secret);
      if (rule.rule.literal && !literalIn(text, start + m.index + Math.max(0, offsetInMatch), secret, place.family)) continue;
      out.push({
        rule,
        start: start + m.index,
        end: start + m.index + whole.length,
        secret,
        secretStart: start + m.index + Math.max(0, offsetInMatch),
        ...(verdict === 'demo' ? { demo: true } : {}),
      });
    }
  }
}

function collectAssignments(
  rule: CompiledRule,
  spec: { keys: Test; value: Test },
  slice: string,
  start: number,
  out: Match[],
  place: Place,
  text: string,
): void {
  const { where } = place;
  // A window may hold several lines (multiline rules); pairs never span lines.
  let lineStart = 0;
  for (const line of slice.split('\n')) {
    const lineAt = start + lineStart;
    let cached = place.pairs.get(lineAt);
    if (cached?.length !== line.length) place.pairs.set(lineAt, (cached = { length: line.length, found: findAssignments(line, place.literal) }));
    for (const a of cached.found) {
      if (namesItself(a.key, a.value)) continue;
      if (spec.keys(normalizeKey(a.key), where) && spec.value(a.value, where) && isLiteralAt(line, a.valueStart, a.quoted, place.family, text.slice(Math.max(0, lineAt - TEMPLATE_LOOKBACK), lineAt)) && accepts(rule, a.value, where)) {
        const at = lineAt + a.valueStart;
        out.push({ rule, start: at, end: at + a.value.length, secret: a.value, secretStart: at });
      }
    }
    lineStart += line.length + 1;
  }
}

/** For a regex rule marked `literal`: whether its secret, at `at` in `text`, is a literal there. */
function literalIn(text: string, at: number, secret: string, family: Family): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const eol = text.indexOf('\n', at);
  const line = text.slice(lineStart, eol < 0 ? text.length : eol);
  const q = secret[0];
  if ((q === '"' || q === "'") && secret.length > 1) return isLiteralAt(line, at - lineStart + 1, true, family);
  // A rule that captures the value inside its quotes (`='…'`) leaves the quote just before it.
  const before = text[at - 1];
  return isLiteralAt(line, at - lineStart, before === '"' || before === "'", family);
}

/** Whether a regex rule reports `secret`: `demo` for one of the rule's demo values, which skip the placeholder checks. */
function judge(rule: CompiledRule, secret: string, where: string): boolean | 'demo' {
  if (rule.rule.demoValues.includes(secret)) return 'demo';
  return accepts(rule, secret, where);
}

function accepts(rule: CompiledRule, secret: string, where: string): boolean {
  if (rule.rule.entropy !== undefined && shannonEntropy(secret) < rule.rule.entropy) return false;
  if (isPlaceholder(secret)) return false;
  const lower = secret.toLowerCase();
  if (rule.stopwords.some((w) => lower.includes(w))) return false;
  if (rule.allow.some((test) => test(secret, where))) return false;
  return !rule.validate || rule.validate(secret);
}

/**
 * A secret matched by several rules is reported once, by the most specific: the highest
 * priority, then the longest known prefix (`sk-ant-` beats `sk-`), then the longest match.
 * The same secret found twice through overlapping windows is one match.
 */
function resolveOverlaps(matches: Match[]): Match[] {
  const rank = (m: Match) => [m.rule.rule.priority, prefixOf(m.rule, m.secret).length, m.secret.length];
  const better = (a: Match, b: Match) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] > rb[i];
    return a.rule.rule.id < b.rule.rule.id;
  };
  const sorted = [...matches].sort((a, b) => a.secretStart - b.secretStart || b.secret.length - a.secret.length);
  // A sweep by start: what is kept never overlaps and is in order, so a match can only clash
  // with the last one kept (searching all of them was quadratic on a line of many secrets).
  const kept: Match[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (!last || last.secretStart + last.secret.length <= m.secretStart) kept.push(m);
    else if (better(m, last)) kept[kept.length - 1] = m;
  }
  return kept;
}

function prefixOf(rule: CompiledRule, secret: string): string {
  return rule.prefixes.find((p) => secret.startsWith(p)) ?? '';
}

function toDetection(m: Match, lines: LineIndex): Detection {
  const start = lines.position(m.secretStart);
  const end = lines.position(m.secretStart + m.secret.length);
  const rule = m.rule.rule;
  // The value is not named here: a demo word is still the file's password.
  const demo = m.demo ? ' The value is a demo password that docs and tutorials print; if a real system accepts it, change it there.' : '';
  return {
    ruleId: rule.id,
    category: 'secret',
    severity: m.demo ? 'low' : rule.severity,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: `${rule.description} committed in plain text: anyone who can read this repository or a clone of its history can use it.${demo}`,
    remediation: `${rule.remediation} ${COMMON_REMEDIATION}`,
    secret: m.secret,
    // A generic rule's keywords are words of the setting's name, not a format's prefix: a
    // password that happens to start with "passwd" must not be shown that far.
    knownPrefix: m.rule.assignment ? '' : prefixOf(m.rule, m.secret),
    ...(rule.priority < 0 ? { generic: true } : {}),
    ...(rule.lookalike ? { lookalike: true } : {}),
    ...(rule.localKey ? { localKey: true } : {}),
    ...(rule.silentInDocExamples ? { silentInDocExamples: true } : {}),
  };
}

function compile(rule: SecretRule, guarded: boolean): CompiledRule {
  const re = new RegExp(rule.regex, rule.ignoreCase ? 'gi' : 'g');
  const guards: RegexGuard[] = [];
  // Every regex of a custom rule runs under a deadline, not just the search: a name, value or
  // allow pattern can backtrack as badly.
  const tester = (test: RegExp): Test => {
    if (!guarded) return (text) => test.test(text);
    const guard = new RegexGuard(test);
    guards.push(guard);
    return (text, where) => guard.test(text, where);
  };
  // A name = value rule never searches with its regex (it matches values whole, below).
  const guard = guarded && !rule.assignment ? new RegexGuard(re) : undefined;
  if (guard) guards.push(guard);
  return {
    rule,
    re,
    guard,
    guards,
    ...(rule.assignment
      ? { assignment: { keys: tester(new RegExp(rule.assignment.keys, 'i')), value: tester(new RegExp(`^(?:${rule.regex})$`, rule.ignoreCase ? 'i' : '')) } }
      : {}),
    stopwords: rule.allow.stopwords.map((w) => w.toLowerCase()),
    allow: rule.allow.regexes.map((r) => tester(new RegExp(r))),
    validate: rule.validate ? VALIDATORS[rule.validate] : undefined,
    prefixes: [...rule.keywords].sort((a, b) => b.length - a.length),
  };
}
