import { makeFinding, severityRank, type Detection, type Finding, type Masks } from '../model/finding.js';
import { Masker } from '../model/masker.js';
import type { ConfigCheck, ConfigContext } from '../configs/rule.js';
import { configDetections } from '../configs/reading.js';
import { SecretEngine } from '../secrets/engine.js';
import type { KnownSecret } from '../model/redact.js';
import { LineIndex } from '../model/line-index.js';
import { applyInlineIgnores, bareMarkers, type Made } from '../policy/inline.js';
import { detectSecrets, lowerConfigDocExamples } from '../secrets/detect.js';
import { configInContext } from '../secrets/context.js';
import { byPath, type ScanUnit, type Source } from '../model/unit.js';
import type { ScanResult, Suppressed } from '../model/report.js';

export interface Detectors {
  secrets: SecretEngine;
  configs: readonly ConfigCheck[];
}

/**
 * The pipeline: every unit of the source through every detector, findings made (redacted and
 * fingerprinted) per unit. Pure apart from the source's own I/O: no env, no exit, no printing.
 */
export async function detectSource(source: Source, detectors: Detectors, ctx: ConfigContext = contextOf(source)): Promise<ScanResult> {
  const started = Date.now();
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for await (const unit of source.units()) {
    const result = detectUnit(unit, detectors, ctx);
    suppressed.push(...result.suppressed);
    findings.push(...result.findings);
  }
  return {
    findings: sortFindings(findings),
    suppressed,
    // Reads finish out of order; the list is sorted so every run reports the same.
    stats: { ...source.stats, skipped: [...source.stats.skipped].sort(byPath), durationMs: Date.now() - started },
    scanned: source.describe(),
    range: source.range,
  };
}

/**
 * What config checks may see of the rest of the scan. Checks cache per-scan indexes on this
 * object (every key file, every unit's env files), so a scan split in batches passes one.
 */
export function contextOf(source: Source): ConfigContext {
  return { read: (p) => source.read(p), paths: () => source.paths() };
}

export function detectUnit(
  unit: ScanUnit,
  detectors: Detectors,
  ctx: ConfigContext,
): { findings: Finding[]; suppressed: Suppressed[] } {
  const origin = unit.lineNumbers ? { wholeText: unit.wholeText ?? (() => undefined), lineNumbers: unit.lineNumbers, shebang: unit.shebang } : undefined;
  const detections = detectSecrets(detectors.secrets, unit.text, unit.path, unit.asciiBytes, origin);
  if (unit.wholeFile) {
    const configs = configDetections(detectors.configs, unit.path, unit.text, ctx).map((d) => configInContext(d, unit.path));
    detections.push(...lowerConfigDocExamples(configs, unit.text, unit.path));
  }
  const lines = new LineIndex(unit.text);
  detections.push(...bareMarkers(unit.text, lines));
  if (detections.length === 0) return { findings: [], suppressed: [] };
  const where = { path: unit.path, commit: unit.commit, author: unit.author, date: unit.date };
  const masks = fileMasks(detections, lines);
  const made: Made[] = [];
  for (const d of detections) {
    const real = placeInFile(d, unit, lines);
    if (!real) continue;
    made.push({ detection: d, finding: makeFinding(real, where, lines.lineText(d.line), masks(d.line), d.column) });
  }
  // Ignore comments are read from the unit's own lines, where the detection (not yet placed in the file) sits.
  return applyInlineIgnores(made, lines);
}

/**
 * What each finding of a unit is masked with. A config message may quote another line of the
 * file (a previous directive, a weaker value), and values config checks asked to hide are
 * masked wherever they appear, so messages get every secret of the file; a snippet gets the
 * ones its line holds, found once per line. Both are indexes (model/masker.ts): masking every
 * finding with every secret of the file was findings x secrets.
 */
function fileMasks(detections: readonly Detection[], lines: LineIndex): (line: number) => Masks {
  const secrets: KnownSecret[] = [];
  for (const d of detections) {
    for (const secret of d.mask ?? []) secrets.push({ secret });
    if (!d.secret) continue;
    secrets.push({ secret: d.secret, knownPrefix: d.knownPrefix });
    if (d.encoded) secrets.push({ secret: d.encoded });
    // A multi-line secret stands on each of its lines in part.
    if (d.endLine > d.line) for (const part of d.secret.split(/\r?\n/)) if (part) secrets.push({ secret: part });
  }
  const file = new Masker(secrets);
  const byLine = new Map<number, Masks>();
  return (line) => {
    let masks = byLine.get(line);
    if (!masks) byLine.set(line, (masks = { line: new Masker(file.within(lines.lineText(line))), file }));
    return masks;
  };
}

/**
 * Maps a detection from the unit's text to the real file: windows of a large file are shifted,
 * patch texts carry the file's line numbers, diffs keep only what the change added.
 */
function placeInFile(d: Detection, unit: ScanUnit, lines: LineIndex): Detection | undefined {
  if (unit.chunk) {
    const { lineOffset, columnOffset, ownFrom, ownTo } = unit.chunk;
    const start = lines.offset(d.line, d.column);
    if (start < ownFrom || start >= ownTo) return undefined;
    const shift = (line: number, column: number) => (line === 1 ? column + columnOffset : column);
    return { ...d, line: d.line + lineOffset, column: shift(d.line, d.column), endLine: d.endLine + lineOffset, endColumn: shift(d.endLine, d.endColumn) };
  }
  if (unit.lineNumbers) {
    const line = unit.lineNumbers[d.line - 1] ?? d.line;
    const endLine = unit.lineNumbers[d.endLine - 1] ?? line;
    return { ...d, line, endLine };
  }
  if (unit.changedLines && !touchesChange(d, unit.changedLines)) return undefined;
  return d;
}

function touchesChange(d: Detection, changed: ReadonlySet<number>): boolean {
  for (let l = d.line; l <= d.endLine; l++) if (changed.has(l)) return true;
  return false;
}

/** Most severe first, then by place, so that every format and every run lists the same order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0),
  );
}
