import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { RegexGuard } from '../../src/secrets/guard.js';

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
