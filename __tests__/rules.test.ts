import { loadBuiltinRules } from '../src/secrets/builtin.js';
import { SecretEngine } from '../src/secrets/engine.js';
import { expandSample } from '../src/secrets/samples.js';
import { CREDENTIAL_FILES, CREDENTIAL_FILE_EXAMPLES, credentialFilesOf, samplePath } from '../src/secrets/credential-files.js';

/**
 * The one generic test every secret rule passes through: each positive sample is found by its
 * own rule (alone and among all rules, so no other rule shadows it), no negative sample is,
 * and the pre-filter can never hide a true hit. A rule bound to credential files is tried in a
 * file of its first kind, where it runs; elsewhere it never does.
 */
const { rules, problems } = loadBuiltinRules();
const all = new SecretEngine(rules);

test('built-in rule files are valid', () => {
  expect(problems).toEqual([]);
  expect(rules.length).toBeGreaterThan(0);
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const alone = new SecretEngine([rule]);
  const where = samplePath(rule, 'input');
  const positives = rule.samples.positive.map((s, i) => expandSample(s, `${id}:p${i}`));
  const negatives = rule.samples.negative.map((s, i) => expandSample(s, `${id}:n${i}`));

  test.each(positives)('finds positive %#', (sample) => {
    const found = alone.scan(sample, where);
    expect(found.map((d) => d.ruleId)).toContain(id);
    // The secret the finding carries (or, when the file encodes it, its encoded text) is inside
    // the sample, on the line and column it says.
    const d = found.find((x) => x.ruleId === id)!;
    const line = sample.split('\n')[d.line - 1];
    expect(line.slice(d.column - 1)).toContain((d.encoded ?? d.secret!).split('\n')[0]);
  });

  test.each(positives)('positive %# is reported by this rule among all rules', (sample) => {
    expect(all.scan(sample, where).map((d) => d.ruleId)).toContain(id);
  });

  test.each(positives)('positive %# contains a keyword', (sample) => {
    if (rule.keywords.length === 0) return;
    const lower = sample.toLowerCase();
    expect(rule.keywords.some((k) => lower.includes(k.toLowerCase()))).toBe(true);
  });

  test.each(negatives)('ignores negative %#', (sample) => {
    expect(alone.scan(sample, where).map((d) => d.ruleId)).not.toContain(id);
  });

  test('has at least two positive and two negative samples', () => {
    expect(positives.length).toBeGreaterThanOrEqual(2);
    expect(negatives.length).toBeGreaterThanOrEqual(2);
  });
});

test.each(Object.keys(CREDENTIAL_FILES))('credential file kind %s: its example path is of that kind', (kind) => {
  expect(credentialFilesOf(CREDENTIAL_FILE_EXAMPLES[kind as keyof typeof CREDENTIAL_FILES])).toContain(kind);
});

test('a rule bound to credential files is silent in other files', () => {
  const pgpass = rules.find((r) => r.id === 'pgpass-password')!;
  const line = expandSample(pgpass.samples.positive[0], 'bound');
  expect(all.scan(line, '.pgpass').map((d) => d.ruleId)).toContain('pgpass-password');
  expect(all.scan(line, 'notes/hosts.txt').map((d) => d.ruleId)).not.toContain('pgpass-password');
  expect(all.scan(line).map((d) => d.ruleId)).not.toContain('pgpass-password');
});
