import { loadBuiltinRules } from '../src/secrets/builtin.js';
import { SecretEngine } from '../src/secrets/engine.js';
import { expandSample } from '../src/secrets/samples.js';

/**
 * The one generic test every secret rule passes through: each positive sample is found by its
 * own rule (alone and among all rules, so no other rule shadows it), no negative sample is,
 * and the pre-filter can never hide a true hit.
 */
const { rules, problems } = loadBuiltinRules();
const all = new SecretEngine(rules);

test('built-in rule files are valid', () => {
  expect(problems).toEqual([]);
  expect(rules.length).toBeGreaterThan(0);
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const alone = new SecretEngine([rule]);
  const positives = rule.samples.positive.map((s, i) => expandSample(s, `${id}:p${i}`));
  const negatives = rule.samples.negative.map((s, i) => expandSample(s, `${id}:n${i}`));

  test.each(positives)('finds positive %#', (sample) => {
    const found = alone.scan(sample);
    expect(found.map((d) => d.ruleId)).toContain(id);
    // The secret the finding carries is inside the sample, on the line and column it says.
    const d = found.find((x) => x.ruleId === id)!;
    const line = sample.split('\n')[d.line - 1];
    expect(line.slice(d.column - 1)).toContain(d.secret!.split('\n')[0]);
  });

  test.each(positives)('positive %# is reported by this rule among all rules', (sample) => {
    expect(all.scan(sample).map((d) => d.ruleId)).toContain(id);
  });

  test.each(positives)('positive %# contains a keyword', (sample) => {
    if (rule.keywords.length === 0) return;
    const lower = sample.toLowerCase();
    expect(rule.keywords.some((k) => lower.includes(k.toLowerCase()))).toBe(true);
  });

  test.each(negatives)('ignores negative %#', (sample) => {
    expect(alone.scan(sample).map((d) => d.ruleId)).not.toContain(id);
  });

  test('has at least two positive and two negative samples', () => {
    expect(positives.length).toBeGreaterThanOrEqual(2);
    expect(negatives.length).toBeGreaterThanOrEqual(2);
  });
});
