import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Finding } from '../../src/model/finding.js';
import { expandSample, TEMPLATE } from '../../src/secrets/samples.js';

/**
 * The labeled corpus (__tests__/corpus/repo/): a made-up repository whose files hold real-looking
 * secrets as sample templates (`{{alnum:40}}`, `{{crc:ghp_:30}}`, …) and end every line that
 * holds a secret with a label, `{{secret}}` or `{{secret:<rule-id>}}`. Expanding a file removes
 * the labels (and the blanks before them) and fills in the templates, so line numbers do not
 * move; every line without a label is a negative. See __tests__/corpus/README.md.
 */
export const CORPUS = join(process.cwd(), '__tests__/corpus/repo');

const LABEL = /[ \t]*\{\{secret(?::([a-z0-9-]+))?\}\}/g;

export interface Label {
  path: string;
  line: number;
  /** The rule that should report it; any secret rule when absent. */
  rule?: string;
}

export interface CorpusFile {
  path: string;
  text: string;
}

export interface Corpus {
  files: CorpusFile[];
  labels: Label[];
}

export function loadCorpus(root = CORPUS): Corpus {
  const files: CorpusFile[] = [];
  const labels: Label[] = [];
  for (const path of listFiles(root)) {
    const lines = readFileSync(join(root, path), 'utf8').split('\n');
    const expanded = lines.map((line, i) => {
      for (const m of line.matchAll(LABEL)) labels.push({ path, line: i + 1, ...(m[1] ? { rule: m[1] } : {}) });
      return expandLine(line.replace(LABEL, ''), `${path}:${i + 1}`);
    });
    files.push({ path, text: expanded.join('\n') });
  }
  return { files, labels };
}

/**
 * Each template gets its own seed (file, line, position), so editing one line never changes
 * the values elsewhere. Text that only looks like a template (CloudFormation's
 * `{{resolve:secretsmanager:…}}`) is left as written.
 */
function expandLine(line: string, seed: string): string {
  let n = 0;
  return line.replace(TEMPLATE, (whole) => {
    try {
      return expandSample(whole, `${seed}#${n++}`);
    } catch {
      return whole;
    }
  });
}

function listFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true })
    .flatMap((e) => {
      const path = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(root, path) : [path];
    })
    .sort();
}

export function writeCorpus(files: readonly CorpusFile[], dir: string): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}

export interface Score {
  truePositives: number;
  falsePositives: string[];
  misses: string[];
  precision: number;
  recall: number;
}

/**
 * Scores secret findings against the labels, one labeled line at a time: a labeled line is
 * found when a finding of its rule (or of any rule, for a bare label) is on it, missed
 * otherwise; a secret finding on an unlabeled line is a false alarm.
 */
export function score(findings: readonly Finding[], labels: readonly Label[]): Score {
  const secrets = findings.filter((f) => f.category === 'secret');
  const at = (path: string, line: number) => secrets.filter((f) => f.path === path && f.line === line);
  const labeled = new Set(labels.map((l) => `${l.path}:${l.line}`));
  let truePositives = 0;
  const misses: string[] = [];
  for (const l of labels) {
    const here = at(l.path, l.line);
    if (here.some((f) => !l.rule || f.ruleId === l.rule)) truePositives++;
    else if (here.length) misses.push(`${l.path}:${l.line}: expected ${l.rule}, reported as ${here.map((f) => f.ruleId).join(', ')}`);
    else misses.push(`${l.path}:${l.line}: ${l.rule ?? 'a secret'} not reported`);
  }
  const falsePositives = secrets
    .filter((f) => !labeled.has(`${f.path}:${f.line}`))
    .map((f) => `${f.path}:${f.line}:${f.column}: ${f.ruleId} (${f.severity})`);
  return {
    truePositives,
    falsePositives,
    misses,
    precision: truePositives / Math.max(1, truePositives + falsePositives.length),
    recall: truePositives / Math.max(1, labels.length),
  };
}
