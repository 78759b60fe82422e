import { makeFinding, type Detection, type Severity } from '../../src/model/finding.js';
import { planAnnotations } from '../../src/report/annotation-budget.js';
import { planReview, readMarkers } from '../../src/report/github/review-plan.js';

function finding(severity: Severity, line: number, d: Partial<Detection> = {}) {
  const detection: Detection = {
    ruleId: `rule-${severity}`,
    category: 'config',
    severity,
    line,
    column: 1,
    endLine: line,
    endColumn: 5,
    message: `${severity} problem on line ${line}.`,
    remediation: 'Fix it.',
    fingerprintKey: `${severity} ${line}`,
    ...d,
  };
  return makeFinding(detection, { path: 'deploy/app.conf' }, 'line text', []);
}

const many = (severity: Severity, n: number, from = 1) => Array.from({ length: n }, (_, i) => finding(severity, from + i));

describe('planAnnotations', () => {
  test("within GitHub's 10 errors and 10 warnings per step, the verdict first, saying what was left out and where", () => {
    const findings = [...many('critical', 30), ...many('medium', 15, 100), ...many('low', 12, 200)];
    const plan = planAnnotations(findings, 'moltguard: 30 blocking findings (fail-on: high)', 'the job summary and the SARIF report (moltguard.sarif)');
    const levels = plan.annotations.map((a) => a.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(10);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(10);
    expect(levels.filter((l) => l === 'notice')).toHaveLength(10);
    expect(plan.left).toBe(57 - 29);
    expect(plan.annotations[0]).toEqual({
      level: 'error',
      text: 'moltguard: 30 blocking findings (fail-on: high); 28 more findings are not annotated (GitHub shows 10 errors and 10 warnings per step); every finding is in the job summary and the SARIF report (moltguard.sarif)',
    });
    // Most severe first: the first nine critical findings, in order.
    expect(plan.annotations.slice(1, 10).map((a) => a.props?.startLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('without a verdict, the sentence about the rest takes the last notice slot', () => {
    const plan = planAnnotations(many('low', 12), undefined, 'the job summary');
    expect(plan.annotations.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(plan.annotations[0]).toEqual({ level: 'notice', text: 'moltguard: 3 more findings are not annotated (GitHub shows 10 errors and 10 warnings per step); every finding is in the job summary' });
    expect(plan.left).toBe(3);
  });

  test('few findings: all annotated, nothing said about the rest', () => {
    const plan = planAnnotations(many('high', 3), 'moltguard: 3 blocking findings (fail-on: high)', 'x');
    expect(plan.annotations.map((a) => a.text.split(' ')[0])).toEqual(['moltguard:', 'high', 'high', 'high']);
    expect(plan.annotations[0].text).toBe('moltguard: 3 blocking findings (fail-on: high)');
  });
});

describe('planReview: one comment per line', () => {
  test('two findings on one added line are one comment listing both, each with its marker', () => {
    const key = finding('critical', 3, { ruleId: 'openai-api-key', category: 'secret' });
    const file = finding('high', 3, { ruleId: 'env-file-secret' });
    const other = finding('high', 4);
    const plan = planReview([key, file, other], new Map([['deploy/app.conf', new Set([3, 4])]]));
    expect(plan.comments.map((c) => [c.line, c.findings.map((f) => f.ruleId)])).toEqual([
      [3, ['openai-api-key', 'env-file-secret']],
      [4, ['rule-high']],
    ]);
    expect(plan.comments[0].body).toContain('`openai-api-key`');
    expect(plan.comments[0].body).toContain('`env-file-secret`');
    expect(readMarkers(plan.comments[0].body)).toEqual([key.fingerprint, file.fingerprint]);
    expect(plan.elsewhere).toEqual([]);
  });

  test('a 100 KB message is clipped so the comment stays under 65,536 characters', () => {
    const f = finding('high', 1, { message: 'x'.repeat(100_000) });
    const [comment] = planReview([f], new Map([['deploy/app.conf', new Set([1])]])).comments;
    expect(comment.body.length).toBeLessThan(10_000);
  });
});
