import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockingLines, formatTable, meetsTarget, parseCorpora, parsePackage, per20MB, summarize, type SurveyFinding } from '../../scripts/survey/corpora.mjs';

// The survey's pure parts; nothing here downloads or scans (npm run survey does that).

const finding = (over: Partial<SurveyFinding>): SurveyFinding => ({ ruleId: 'generic-password-assignment', severity: 'high', path: 'a.py', line: 3, preview: 'hunt…', snippet: 'password = "hunt…"', ...over });

describe('target', () => {
  test('one blocking finding per 20 MB is the limit, counted per corpus', () => {
    expect(per20MB(1, 20_000_000)).toBe(1);
    expect(meetsTarget(1, 20_000_000)).toBe(true);
    expect(meetsTarget(2, 20_000_000)).toBe(false);
    expect(meetsTarget(15, 304_600_000)).toBe(true);
    expect(meetsTarget(1, 10_000_000)).toBe(false);
    expect(per20MB(0, 0)).toBe(0);
    expect(meetsTarget(1, 0)).toBe(false);
  });
});

describe('corpora list', () => {
  test('the repository file parses, names every language the issue asks for and pins every version', () => {
    const corpora = parseCorpora(readFileSync(join(process.cwd(), 'scripts/survey/corpora.json'), 'utf8'));
    expect(new Set(corpora.map((c) => c.language))).toEqual(new Set(['JavaScript', 'Python', 'Ruby', 'Go', 'PHP']));
    for (const c of corpora) expect(c.packages.length).toBeGreaterThan(0);
  });

  test('npm and Debian specs, scoped names and epochs included', () => {
    expect(parsePackage('npm:@babel/core@8.1.3')).toMatchObject({ source: 'npm', name: '@babel/core', version: '8.1.3', dir: 'npm-@babel+core-8.1.3' });
    expect(parsePackage('deb:python3-django=3:3.2.25-0+deb12u7')).toMatchObject({ source: 'deb', name: 'python3-django', version: '3:3.2.25-0+deb12u7', dir: 'deb-python3-django-3_3.2.25-0+deb12u7' });
  });

  test('a range, a missing version or an unknown source is refused with the corpus named', () => {
    expect(() => parsePackage('npm:lodash@^4')).toThrow(/exact version/);
    expect(() => parsePackage('deb:ansible')).toThrow(/exact version/);
    expect(() => parsePackage('pip:django==3.2')).toThrow(/exact version/);
    expect(() => parseCorpora('{"corpora":[{"name":"go","language":"Go","packages":["deb:x"]}]}')).toThrow(/^corpus go: deb:x/);
    expect(() => parseCorpora('{"corpora":[{"name":"a","language":"Go","packages":["npm:a@1.0.0"]},{"name":"a","language":"Go","packages":["npm:a@1.0.0"]}]}')).toThrow(/named twice/);
    expect(() => parseCorpora('{"corpora":[]}')).toThrow(/at least one corpus/);
  });
});

describe('output', () => {
  const corpus = parseCorpora('{"corpora":[{"name":"python","language":"Python","packages":["deb:python3-django=3:3.2.25-0+deb12u7"]}]}')[0];
  const report = {
    stats: { bytes: 14_000_000, files: 2308 },
    findings: [finding({}), finding({ severity: 'medium', line: 9 }), finding({ ruleId: 'db-url-mongodb-tls', category: 'config', preview: '', snippet: "   url = 'mongodb://db.example.org/x'" } as Partial<SurveyFinding>), finding({ severity: 'low' })],
  };
  const row = summarize(corpus, report, 1234);

  test('counts per severity, and blocking is high or critical', () => {
    expect(row.counts).toEqual({ critical: 0, high: 2, medium: 1, low: 1, info: 0 });
    expect(row.blocking).toHaveLength(2);
    expect(row.rate).toBeCloseTo(2 / 0.7, 5);
    expect(row.met).toBe(false);
  });

  test('each blocking finding is one line with only the redacted preview, or a config snippet', () => {
    expect(blockingLines(row)).toEqual([
      '  python: high generic-password-assignment a.py:3 [hunt…]',
      "  python: high db-url-mongodb-tls a.py:3 | url = 'mongodb://db.example.org/x'",
    ]);
  });

  test('a preview that spans lines is written on one', () => {
    const pem = summarize(corpus, { stats: report.stats, findings: [finding({ ruleId: 'pem-ec-private-key', preview: '-----BEGIN EC PRIVATE KEY-----\nMHc…' })] }, 1);
    expect(blockingLines(pem)).toEqual(['  python: high pem-ec-private-key a.py:3 [-----BEGIN EC PRIVATE KEY-----\\nMHc…]']);
  });

  test('the table has a header, a rule and one aligned row per corpus with the verdict', () => {
    const lines = formatTable([row]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^corpus\s+language\s+pkgs\s+MB\s+files\s+time s\s+crit\s+high\s+med\s+low\s+blocking\s+per 20 MB\s+target <= 1$/);
    expect(lines[2]).toMatch(/^python\s+Python\s+1\s+14\.0\s+2308\s+1\.2\s+0\s+2\s+1\s+1\s+2\s+2\.86\s+NOT met$/);
    expect(lines[0].length).toBe(lines[1].length);
  });
});
