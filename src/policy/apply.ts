import micromatch from 'micromatch';
import type { Finding, Severity } from '../model/finding.js';
import type { Suppressed } from '../model/report.js';
import type { AllowRule, Config } from './config.js';

export interface PolicyResult {
  findings: Finding[];
  suppressed: Suppressed[];
  /** Allow entries that matched nothing or have expired: stale suppressions are a risk. */
  notices: string[];
}

/**
 * Applies the config after detection: severity overrides, rules turned off, allow entries.
 * Allow entries are keyed to rule, path and secret hash, never to a line position.
 */
export function applyPolicy(findings: Finding[], config: Config, today: string, configFile = '.moltguard.yml'): PolicyResult {
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const used = new Set<number>();
  const live = config.allow.map((entry, i) => ({ entry, i, expired: !!entry.expires && entry.expires < today }));
  for (const original of findings) {
    const setting = config.rules[original.ruleId];
    if (setting === 'off') continue;
    const f = setting && setting !== original.severity ? withSeverity(original, setting) : original;
    const hit = live.find(({ entry, expired }) => !expired && allows(entry, f));
    if (hit) {
      used.add(hit.i);
      suppressed.push({ finding: f, by: `${configFile} allow[${hit.i}]: ${hit.entry.reason}` });
    } else kept.push(f);
  }
  const notices = live.flatMap(({ entry, i, expired }) => {
    const label = `${configFile}: allow[${i}] (${describe(entry)})`;
    if (expired) return [`${label} expired on ${entry.expires} and no longer suppresses anything`];
    if (!used.has(i)) return [`${label} matched no finding; remove it`];
    return [];
  });
  return { findings: kept, suppressed, notices };
}

function allows(entry: AllowRule, f: Finding): boolean {
  if (entry.rule && entry.rule !== f.ruleId) return false;
  if (entry.path && !micromatch.isMatch(f.path, entry.path, { dot: true })) return false;
  if (entry.secret && entry.secret !== f.secretHash) return false;
  return true;
}

function describe(entry: AllowRule): string {
  return [entry.rule && `rule ${entry.rule}`, entry.path && `path ${entry.path}`, entry.secret && `secret ${entry.secret.slice(0, 8)}…`]
    .filter(Boolean)
    .join(', ');
}

function withSeverity(f: Finding, severity: Severity): Finding {
  return Object.freeze({ ...f, severity });
}

/** A path filter from the config's ignore and only globs, applied before anything is read. */
export function pathFilter(config: Pick<Config, 'ignore' | 'only'>): (path: string) => boolean {
  const ignore = config.ignore;
  const only = config.only;
  return (path) =>
    (ignore.length === 0 || !micromatch.isMatch(path, ignore, { dot: true })) &&
    (only.length === 0 || micromatch.isMatch(path, only, { dot: true }));
}
