import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../src/pipeline/scan.js';

/**
 * One test walks every config case: `__tests__/cases/<rule-id>/<bad-…|good-…>/` is a small
 * repository. A bad case lists the findings of that rule it must produce in `expected.json`
 * (exactly those, at those lines); a good case must produce none of that rule.
 */
const CASES = join(process.cwd(), '__tests__/cases');

interface Expected {
  path: string;
  line: number;
  column?: number;
  severity?: string;
}

const cases = readdirSync(CASES).flatMap((rule) =>
  readdirSync(join(CASES, rule)).map((name) => [rule, name, join(CASES, rule, name)] as const),
);

test('every rule with cases has a bad and a good case', () => {
  const byRule = new Map<string, string[]>();
  for (const [rule, name] of cases) byRule.set(rule, [...(byRule.get(rule) ?? []), name]);
  for (const [rule, names] of byRule) {
    expect({ rule, bad: names.some((n) => n.startsWith('bad')) }).toEqual({ rule, bad: true });
    expect({ rule, good: names.some((n) => n.startsWith('good')) }).toEqual({ rule, good: true });
  }
});

describe.each(cases)('%s / %s', (rule, name, dir) => {
  test(name.startsWith('bad') ? 'reports exactly the expected findings' : 'reports nothing', async () => {
    const report = await scan({ path: dir, mode: 'tree', today: '2026-01-01', failOn: 'none' });
    const got = report.findings
      .filter((f) => f.ruleId === rule)
      .map((f) => ({ path: f.path, line: f.line, column: f.column, severity: f.severity }));
    if (name.startsWith('good')) {
      expect(got).toEqual([]);
      return;
    }
    const expectedFile = join(dir, 'expected.json');
    expect(existsSync(expectedFile)).toBe(true);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[];
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(got[i]).toMatchObject(e);
    });
    // Every finding says what, why and how to fix.
    for (const f of report.findings.filter((x) => x.ruleId === rule)) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.remediation.length).toBeGreaterThan(10);
    }
  });
});
