import type { Finding } from '../model/finding.js';
import type { ScanResult, Suppressed } from '../model/report.js';
import { newStats, type ScanUnit } from '../model/unit.js';
import type { ConfigContext } from '../configs/rule.js';
import { contextKey } from '../secrets/context.js';
import type { HistoryCommands } from '../sources/history/range.js';
import { walkHistory } from '../sources/history/walk.js';
import type { HistoryBudgets } from '../sources/history/budgets.js';
import { detectUnit, sortFindings, type Detectors } from './detect.js';

export interface HistoryScanJob {
  root: string;
  /** Undefined for a range without commits. */
  commands?: HistoryCommands;
  include: (path: string) => boolean;
  maxFileSize: number;
  detectors: Detectors;
  /** How many `git cat-file --batch` processes inflate blobs at once. */
  concurrency: number;
  describe: (commits: number) => string;
  range?: { base?: string; head: string };
  /** Smaller tables than the defaults, for tests (sources/history/budgets.ts). */
  budgets?: Partial<HistoryBudgets>;
}

const NO_CONFIGS: ConfigContext = { read: () => undefined, paths: () => [] };

/**
 * Secrets in every line any commit added, each reported once, at the oldest commit that added it.
 *
 * The walk (sources/history/walk.ts) hands out what each commit added; each finding carries its
 * commit's place in the history and the oldest wins, so the report does not depend on how many
 * readers answer in which order.
 */
export async function scanHistory(job: HistoryScanJob): Promise<ScanResult> {
  const started = Date.now();
  const stats = newStats();
  const kept = new Oldest<Finding>((f) => f);
  const quiet = new Oldest<Suppressed>((s) => s.finding);

  const scanUnit = (unit: ScanUnit, seq: number, size: number) => {
    stats.files++;
    stats.bytes += size;
    const result = detectUnit(unit, job.detectors, NO_CONFIGS);
    for (const f of result.findings) kept.offer(f, seq);
    for (const s of result.suppressed) quiet.offer(s, seq);
  };

  if (job.commands) {
    const walk = { root: job.root, log: job.commands, include: job.include, maxFileSize: job.maxFileSize, concurrency: job.concurrency, pathKey: contextKey, budgets: job.budgets };
    await walkHistory(walk, stats, scanUnit);
  }
  return {
    findings: sortFindings(kept.values()),
    suppressed: quiet.values(),
    stats: { ...stats, durationMs: Date.now() - started },
    scanned: job.describe(stats.commits),
    range: job.range,
  };
}

/**
 * Keeps, for each leak, the finding at the oldest commit (then the first place in it), as
 * findings arrive in any order.
 */
class Oldest<T> {
  private readonly best = new Map<string, { item: T; seq: number }>();

  constructor(private readonly finding: (item: T) => Finding) {}

  offer(item: T, seq: number): void {
    const key = historyKey(this.finding(item));
    const held = this.best.get(key);
    if (!held || order(seq, this.finding(item), held.seq, this.finding(held.item)) < 0) this.best.set(key, { item, seq });
  }

  /** Oldest commit first, then by place: the same order however the processes answered. */
  values(): T[] {
    return [...this.best.values()].sort((a, b) => order(a.seq, this.finding(a.item), b.seq, this.finding(b.item))).map((e) => e.item);
  }
}

function order(seqA: number, a: Finding, seqB: number, b: Finding): number {
  if (seqA !== seqB) return seqA - seqB;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  const ka = historyKey(a);
  const kb = historyKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * What makes two findings the same leak across commits: the secret itself, or for findings
 * without one (a bare ignore comment) the rule, file and line text.
 */
function historyKey(f: Finding): string {
  return f.secretHash ? `${f.ruleId}\0${f.secretHash}` : `${f.ruleId}\0${f.fingerprint}\0${f.snippet}`;
}
