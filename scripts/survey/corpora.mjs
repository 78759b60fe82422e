// The survey's pure parts: reading the pinned corpora list and judging a scan against the target.
// Nothing here touches the network or the disk, so jest can test it as it is.

/** Issue 15's bar: at most one blocking finding per this many bytes of scanned source. */
export const TARGET_BYTES = 20 * 1000 * 1000;

const NPM = /^npm:((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)@(\d+\.\d+\.\d+[\w.+-]*)$/i;
// Debian versions: optional epoch, upstream, optional revision; a range or a missing version is
// what made earlier hand surveys unrepeatable, so only an exact one is accepted.
const DEB = /^deb:([a-z0-9][a-z0-9+.-]+)=((?:\d+:)?[0-9][A-Za-z0-9.+~:-]*)$/;

/** One package spec (`npm:name@1.2.3` or `deb:name=1:2.3-4`) to what fetching it needs. */
export function parsePackage(spec) {
  let m = NPM.exec(spec);
  if (m) return { source: 'npm', name: m[1], version: m[2], spec, dir: `npm-${m[1].replace('/', '+')}-${m[2]}` };
  m = DEB.exec(spec);
  if (m) return { source: 'deb', name: m[1], version: m[2], spec, dir: `deb-${m[1]}-${m[2].replace(/:/g, '_')}` };
  throw new Error(`${spec}: not npm:NAME@X.Y.Z or deb:NAME=VERSION (an exact version is required)`);
}

/** The corpora file's text to a checked list; throws one message naming what is wrong. */
export function parseCorpora(text) {
  const data = JSON.parse(text);
  if (!Array.isArray(data?.corpora) || data.corpora.length === 0) throw new Error('corpora list: expected {"corpora": [...]} with at least one corpus');
  const seen = new Set();
  return data.corpora.map((c, i) => {
    if (typeof c?.name !== 'string' || !/^[a-z0-9-]+$/.test(c.name)) throw new Error(`corpus #${i + 1}: name must be lower-case letters, digits and dashes`);
    if (seen.has(c.name)) throw new Error(`corpus ${c.name}: named twice`);
    seen.add(c.name);
    if (typeof c.language !== 'string' || !c.language) throw new Error(`corpus ${c.name}: language is missing`);
    if (!Array.isArray(c.packages) || c.packages.length === 0) throw new Error(`corpus ${c.name}: no packages`);
    const packages = c.packages.map((p) => {
      try {
        return parsePackage(p);
      } catch (e) {
        throw new Error(`corpus ${c.name}: ${e.message}`);
      }
    });
    return { name: c.name, language: c.language, packages };
  });
}

export const isBlocking = (f) => f.severity === 'critical' || f.severity === 'high';

/** Blocking findings per 20 MB of source; a corpus meets the target at 1 or below. */
export function per20MB(blocking, bytes) {
  if (bytes <= 0) return blocking === 0 ? 0 : Infinity;
  return (blocking * TARGET_BYTES) / bytes;
}

export const meetsTarget = (blocking, bytes) => per20MB(blocking, bytes) <= 1;

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

/** A scan's JSON report to the survey's row for one corpus. */
export function summarize(corpus, report, ms) {
  const counts = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0]));
  for (const f of report.findings) counts[f.severity]++;
  const blocking = report.findings.filter(isBlocking);
  return {
    name: corpus.name,
    language: corpus.language,
    packages: corpus.packages.length,
    bytes: report.stats.bytes,
    files: report.stats.files,
    ms,
    counts,
    blocking,
    rate: per20MB(blocking.length, report.stats.bytes),
    met: meetsTarget(blocking.length, report.stats.bytes),
  };
}

/**
 * One line per blocking finding: rule, place, and only what the report already redacted: a
 * secret's preview, or for a config finding (no secret) its clipped snippet.
 */
export function blockingLines(row) {
  return row.blocking.map((f) => {
    // A PEM preview spans lines; written out as \n so each finding stays one line.
    const shown = (f.preview ? `[${f.preview}]` : `| ${f.snippet.trim().slice(0, 100)}`).replace(/\r?\n/g, '\\n');
    return `  ${row.name}: ${f.severity} ${f.ruleId} ${f.path}:${f.line} ${shown}`;
  });
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** The summary table, fixed-width so a terminal and a Markdown code block both read it. */
export function formatTable(rows) {
  const head = ['corpus', 'language', 'pkgs', 'MB', 'files', 'time s', 'crit', 'high', 'med', 'low', 'blocking', 'per 20 MB', 'target <= 1'];
  const body = rows.map((r) => [
    r.name,
    r.language,
    String(r.packages),
    mb(r.bytes),
    String(r.files),
    (r.ms / 1000).toFixed(1),
    String(r.counts.critical),
    String(r.counts.high),
    String(r.counts.medium),
    String(r.counts.low),
    String(r.blocking.length),
    Number.isFinite(r.rate) ? r.rate.toFixed(2) : 'inf',
    r.met ? 'met' : 'NOT met',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
