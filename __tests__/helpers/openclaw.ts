import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scan } from '../../src/pipeline/scan.js';

/** Only the rules of this feature count: deploy files also trip the generic secret and db-url rules, tested elsewhere. */
const OURS = /^(openclaw-|mcp-|config-parse-error)/;

export async function findingsOf(files: Record<string, string>): Promise<{ list: string[]; findings: Awaited<ReturnType<typeof scan>>['findings']; all: Awaited<ReturnType<typeof scan>>['findings'] }> {
  const dir = mkdtempSync(join(tmpdir(), 'moltguard-openclaw-'));
  try {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    const report = await scan({ path: dir, mode: 'tree', today: '2026-01-01', failOn: 'none' });
    const findings = report.findings.filter((f) => OURS.test(f.ruleId));
    return { list: findings.map((f) => `${f.severity} ${f.ruleId}`).sort(), findings, all: report.findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

