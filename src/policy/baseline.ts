import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import type { Suppressed } from '../model/report.js';
import { UsageError } from '../model/errors.js';

/** Hashes only: a baseline never holds secret text, so it is safe to commit. */
const BaselineSchema = z.object({
  version: z.literal(1),
  tool: z.string().optional(),
  createdAt: z.string().optional(),
  findings: z.array(z.object({ fingerprint: z.string(), ruleId: z.string(), path: z.string() }).strict()),
});

export type Baseline = z.infer<typeof BaselineSchema>;

export function makeBaseline(findings: readonly Finding[], tool: string, now: Date): Baseline {
  const seen = new Set<string>();
  const entries = findings
    .filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint))
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path }));
  return { version: 1, tool, createdAt: now.toISOString(), findings: entries };
}

export function loadBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'baseline file not found' : `not a valid baseline (${(e as Error).message})`}`);
  }
  const parsed = BaselineSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${file}: not a moltguard baseline: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Drops findings the baseline already knows; counts baseline entries nothing matched any more. */
export function applyBaseline(findings: Finding[], baseline: Baseline): { findings: Finding[]; suppressed: Suppressed[]; stale: number } {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const matched = new Set<string>();
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const f of findings) {
    if (known.has(f.fingerprint)) {
      matched.add(f.fingerprint);
      suppressed.push({ finding: f, by: 'baseline' });
    } else kept.push(f);
  }
  return { findings: kept, suppressed, stale: known.size - matched.size };
}
