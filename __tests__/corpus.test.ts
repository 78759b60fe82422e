import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../src/pipeline/scan.js';
import { loadBuiltinRules } from '../src/secrets/builtin.js';
import { loadCorpus, score, writeCorpus, type Corpus, type Score } from './helpers/corpus.js';

/**
 * Precision and recall of the secret rules on a labeled corpus of realistic files (see
 * __tests__/corpus/README.md), measured through the whole pipeline (`scan()`: path context,
 * decoding, overlaps), not the engine alone. Config findings are a different product and do
 * not count. Below 0.98 on either, the test fails and lists every miss and false alarm.
 */
const THRESHOLD = 0.98;

let corpus: Corpus;
let result: Score;

beforeAll(async () => {
  corpus = loadCorpus();
  const dir = mkdtempSync(join(tmpdir(), 'moltguard-corpus-'));
  try {
    writeCorpus(corpus.files, dir);
    const report = await scan({ path: dir, mode: 'tree', today: '2026-01-01', failOn: 'none', workers: 1 });
    result = score(report.findings, corpus.labels);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the corpus is big and varied enough to mean something', () => {
  const kinds = new Set(corpus.files.map((f) => f.path.replace(/^.*\//, '').replace(/^[^.]*/, '') || 'no extension'));
  expect(corpus.files.length).toBeGreaterThanOrEqual(120);
  expect(corpus.labels.length).toBeGreaterThanOrEqual(100);
  expect(kinds.size).toBeGreaterThanOrEqual(30);
});

test('every label names a built-in rule and sits on a line of its file', () => {
  const ids = new Set(loadBuiltinRules().rules.map((r) => r.id));
  const unknown = corpus.labels.filter((l) => l.rule && !ids.has(l.rule)).map((l) => `${l.path}:${l.line}: ${l.rule}`);
  expect(unknown).toEqual([]);
  const byPath = new Map(corpus.files.map((f) => [f.path, f.text.split('\n')]));
  const empty = corpus.labels.filter((l) => !byPath.get(l.path)?.[l.line - 1]?.trim()).map((l) => `${l.path}:${l.line}`);
  expect(empty).toEqual([]);
});

test(`secret precision and recall on the corpus are at least ${THRESHOLD}`, () => {
  const { keywords, negatives } = baitCount(corpus);
  const summary =
    `corpus: ${corpus.files.length} files, ${corpus.labels.length} labeled secrets, ${negatives} unlabeled lines ` +
    `(${keywords} of them hold a rule keyword); precision ${result.precision.toFixed(3)} ` +
    `(${result.falsePositives.length} false alarms), recall ${result.recall.toFixed(3)} (${result.misses.length} misses)`;
  console.log(summary);
  const details = [summary, 'misses:', ...result.misses.map((m) => `  ${m}`), 'false alarms:', ...result.falsePositives.map((f) => `  ${f}`)].join('\n');
  // Thrown rather than asserted, so the failure shows the whole list instead of a clipped diff.
  if (result.precision < THRESHOLD || result.recall < THRESHOLD) throw new Error(details);
});

/** Unlabeled non-blank lines, and how many of them hold a rule keyword (the engine had to judge them). */
function baitCount(c: Corpus): { negatives: number; keywords: number } {
  const words = [...new Set(loadBuiltinRules().rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))];
  const labeled = new Set(c.labels.map((l) => `${l.path}:${l.line}`));
  let negatives = 0;
  let keywords = 0;
  for (const f of c.files) {
    f.text.split('\n').forEach((line, i) => {
      if (!line.trim() || labeled.has(`${f.path}:${i + 1}`)) return;
      negatives++;
      const lower = line.toLowerCase();
      if (words.some((w) => lower.includes(w))) keywords++;
    });
  }
  return { negatives, keywords };
}
