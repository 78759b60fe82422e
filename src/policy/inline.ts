import type { Detection, Finding } from '../model/finding.js';
import type { Suppressed } from '../model/report.js';
import type { LineIndex } from '../model/line-index.js';

/**
 * `moltguard:ignore RULE-ID[,RULE-ID] -- reason` in any comment syntax, on the finding's line
 * or the line above. The marker is read from the raw line, so `#`, `//`, `/* *\/`, `<!-- -->`,
 * `;` and `--` comments all work without knowing the file's language.
 */
/** A comment opener in any of the syntaxes, then the marker. */
const OPENER = String.raw`(?:#|\/\/|\/\*+|<!--|;|--|\*|%|REM\b)[ \t]*moltguard:ignore`;
/** Only a marker that opens a comment counts, so code and prose that mention it are left alone. */
const IN_COMMENT = new RegExp(String.raw`(?:^|[\s(])${OPENER}(?=\s|$)`);
/** The comment is the whole line. */
const COMMENT_ONLY = new RegExp(String.raw`^[ \t]*${OPENER}`);

export interface IgnoreMarker {
  line: number;
  column: number;
  /** Empty for a bare marker, which hides nothing and is reported. */
  ruleIds: string[];
  reason: string;
  /** The marker's comment is the whole line (so it may speak for the line below). */
  alone: boolean;
}

const MARKER_WORD = 'moltguard:ignore';
const ID_CHARS = /^[A-Za-z0-9][A-Za-z0-9,\s-]*$/;

/**
 * What follows the marker word: ` RULE-ID[,RULE-ID] -- reason`, either part optional, then an
 * optional comment closer (`*\/`, `-->`). Read by hand: as one regex (lazy groups, optional
 * blanks on both sides of each) it was polynomial of the fifth degree in the line's length.
 * Undefined when the rest is not of that shape (the marker then names no rule).
 */
function parseMarker(rest: string): { ids: string; reason: string } | undefined {
  let body = rest.trimEnd();
  for (const closer of ['*/', '-->']) if (body.endsWith(closer)) body = body.slice(0, -closer.length).trimEnd();
  if (body && body[0] !== ' ' && body[0] !== '\t') return undefined;
  const dash = body.search(/[ \t]--/);
  const ids = (dash < 0 ? body : body.slice(0, dash)).trim();
  const reason = dash < 0 ? '' : body.slice(dash).replace(/^[ \t]+--/, '');
  if (ids && !ID_CHARS.test(ids)) return undefined;
  return { ids, reason };
}

export function markerOn(lines: LineIndex, line: number): IgnoreMarker | undefined {
  if (line < 1 || line > lines.lineCount) return undefined;
  const text = lines.lineText(line);
  const at = text.indexOf('moltguard:ignore');
  if (at < 0 || !IN_COMMENT.test(text)) return undefined;
  const m = parseMarker(text.slice(at + MARKER_WORD.length));
  const ruleIds = (m?.ids ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s));
  return { line, column: at + 1, ruleIds, reason: (m?.reason ?? '').trim(), alone: COMMENT_ONLY.test(text) };
}

/**
 * The marker that silences this detection, if any: on its own line, or on the line above when
 * that line is only a comment (a trailing marker belongs to the code it follows).
 */
export function suppressingMarker(lines: LineIndex, d: Detection, read = (line: number) => markerOn(lines, line)): IgnoreMarker | undefined {
  const same = read(d.line);
  if (same?.ruleIds.includes(d.ruleId)) return same;
  const above = read(d.line - 1);
  if (above?.alone && above.ruleIds.includes(d.ruleId)) return above;
  return undefined;
}

/** A finding with the detection it was made from, whose line is the unit's (a history patch's own numbering). */
export interface Made {
  detection: Detection;
  finding: Finding;
}

/** The filter after detection: findings an ignore comment names are set aside, counted and listed. */
export function applyInlineIgnores(made: readonly Made[], lines: LineIndex): { findings: Finding[]; suppressed: Suppressed[] } {
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  // Each line is read once: a line holding thousands of findings would otherwise be searched
  // for a marker once per finding, findings x line length.
  const markers = new Map<number, IgnoreMarker | undefined>();
  const read = (line: number): IgnoreMarker | undefined => {
    if (!markers.has(line)) markers.set(line, markerOn(lines, line));
    return markers.get(line);
  };
  for (const { detection, finding } of made) {
    const marker = suppressingMarker(lines, detection, read);
    if (marker) suppressed.push({ finding, by: `inline moltguard:ignore${marker.reason ? ` -- ${marker.reason}` : ''}` });
    else findings.push(finding);
  }
  return { findings, suppressed };
}

export const BARE_IGNORE_RULE = 'moltguard-bare-ignore';

/** Bare markers are findings themselves: they would hide everything, so they hide nothing. */
export function bareMarkers(text: string, lines: LineIndex): Detection[] {
  if (!text.includes('moltguard:ignore')) return [];
  const out: Detection[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const marker = markerOn(lines, line);
    if (!marker || marker.ruleIds.length) continue;
    out.push({
      ruleId: BARE_IGNORE_RULE,
      category: 'config',
      severity: 'low',
      line,
      column: marker.column,
      endLine: line,
      endColumn: marker.column + 'moltguard:ignore'.length,
      message: 'A moltguard:ignore comment without a rule id suppresses nothing: name the rule it is for.',
      remediation: 'Write `moltguard:ignore RULE-ID -- reason`, with the rule id shown in the finding.',
      fingerprintKey: 'bare-ignore',
    });
  }
  return out;
}
