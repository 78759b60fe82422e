import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { RegexGuard } from '../../src/secrets/guard.js';
import { ASSIGNMENT_PATTERNS } from '../../src/secrets/assignment.js';

/**
 * No built-in regex can backtrack catastrophically: each runs on adversarial texts as long as
 * the engine's windows (1.3 KB on a line, 128 KB for key blocks) — a keyword followed by long
 * runs of the characters secret bodies are made of, with no valid ending. The deadline is
 * generous (a second per text; the worst rule takes milliseconds): it catches exponential
 * blow-ups, not slowness.
 */
const { rules } = loadBuiltinRules();
const RUNS = ['a', 'A', '0', 'aA0', '-', '_', '/', '+', '=', ' ', ':', '.', '"', 'a-', 'a.', 'a ', '\\t', 'a=', 'x:y@'];

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  test('stays linear on adversarial input', () => {
    const size = rule.multiline ? 128 * 1024 : 1300;
    const guard = new RegexGuard(new RegExp(rule.regex, rule.ignoreCase ? 'gi' : 'g'), 1000, 60_000);
    for (const keyword of [...rule.keywords, '']) {
      for (const run of RUNS) {
        const body = run.repeat(Math.ceil(size / run.length)).slice(0, size - keyword.length - 1);
        guard.matchAll(`${keyword}${body}!`, `${JSON.stringify(keyword)} + ${JSON.stringify(run)} x ${body.length}`);
        expect(guard.disabledReason).toBeUndefined();
      }
    }
  });
});

/**
 * Generic rules never run their regex over the text: the engine finds `name = value` pairs on
 * each line with two patterns, then matches the value whole against `^(?:regex)$`. Those are
 * the regexes on the hot path, so they get the same adversarial inputs.
 */
const LINE_RUNS = [...RUNS, 'export ', 'const ', 'a: ', 'a=', '$a', '["a"]', 'val a: String', ' = ', '<a>'];

test('the name = value line patterns stay linear on adversarial lines', () => {
  for (const pattern of ASSIGNMENT_PATTERNS) {
    const guard = new RegexGuard(new RegExp(pattern.source, pattern.flags), 1000, 60_000);
    for (const run of LINE_RUNS) {
      const line = run.repeat(Math.ceil(1300 / run.length)).slice(0, 1300);
      guard.matchAll(`${line}!`, `${pattern.source.slice(0, 20)} on ${JSON.stringify(run)}`);
      expect(guard.disabledReason).toBeUndefined();
    }
  }
});

describe.each(rules.filter((r) => r.assignment).map((r) => [r.id, r] as const))('%s value pattern', (_id, rule) => {
  test('stays linear on adversarial values', () => {
    const guard = new RegexGuard(new RegExp(`^(?:${rule.regex})$`, rule.ignoreCase ? 'gi' : 'g'), 1000, 60_000);
    for (const run of RUNS) {
      guard.matchAll(`${run.repeat(Math.ceil(1300 / run.length)).slice(0, 1300)}!`, JSON.stringify(run));
      expect(guard.disabledReason).toBeUndefined();
    }
  });
});
