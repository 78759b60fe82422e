import { looksLikeEnvFile, parseDotenv } from '../../src/configs/dotenv/parse.js';

const values = (text: string) => parseDotenv(text).entries.map((e) => [e.name, e.value]);

describe('dotenv parser', () => {
  test('export prefix, comments and unquoted values', () => {
    const text = '# comment\nexport A=1\n  B = two words  # trailing comment\nC=a#b\nnot an assignment\nD=\n';
    expect(values(text)).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'a#b'],
      ['D', ''],
    ]);
    const [a] = parseDotenv(text).entries;
    expect([a.exported, a.line, a.column, a.valueColumn]).toEqual([true, 2, 8, 10]);
  });

  test('single quotes are literal, double quotes expand escapes', () => {
    expect(values(`A='x\\ny # not a comment'\nB="x\\ny \\"q\\""\nC=\`tick\``)).toEqual([
      ['A', 'x\\ny # not a comment'],
      ['B', 'x\ny "q"'],
      ['C', 'tick'],
    ]);
  });

  test('double-quoted values span lines', () => {
    const { entries } = parseDotenv('KEY="line one\nline two"\nNEXT=1\n');
    expect(entries.map((e) => [e.name, e.value, e.line, e.endLine])).toEqual([
      ['KEY', 'line one\nline two', 1, 2],
      ['NEXT', '1', 3, 3],
    ]);
  });

  test('an unterminated quote is a problem, and the line is read as dotenv does', () => {
    const { entries, problems } = parseDotenv('A="open\nB=2\n');
    expect(problems).toEqual([{ line: 1, column: 3, message: 'unterminated double quote in the value of A' }]);
    expect(entries.map((e) => [e.name, e.value])).toEqual([
      ['A', '"open'],
      ['B', '2'],
    ]);
  });

  test('CRLF line endings', () => {
    expect(values('A=1\r\nB="2"\r\n')).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });

  test('recognises env-shaped files without a telling name', () => {
    expect(looksLikeEnvFile('# defaults\nA=1\nB="x\ny"\n')).toBe(true);
    expect(looksLikeEnvFile('#!/bin/sh\nA=1\necho $A\n')).toBe(false);
    expect(looksLikeEnvFile('# only comments\n')).toBe(false);
  });
});

test('a .env.tmpl is a template (its values are judged as placeholders), as the shell check sees it', async () => {
  const { isEnvTemplate } = await import('../../src/configs/dotenv/check.js');
  expect(['.env.tmpl', 'prod.env.example', '.env.defaults', 'deploy/.env.sample'].every(isEnvTemplate)).toBe(true);
  expect(['.env', '.env.production', 'agent.env'].some(isEnvTemplate)).toBe(false);
});

describe('env-file-secret reports a committed env file once', () => {
  test('one finding names every literal secret and points at the others', async () => {
    const { scan } = await import('../../src/pipeline/scan.js');
    const report = await scan({ path: '__tests__/cases/env-file-secret/bad-real-values', mode: 'tree', today: '2026-01-01', failOn: 'none' });
    const env = report.findings.filter((f) => f.ruleId === 'env-file-secret' && f.path === '.env');
    expect(env).toHaveLength(1);
    expect(env[0].message).toMatch(/committed with 4 literal secret values \(OPENAI_API_KEY, DB_PASSWORD, SIGNING_SECRET, DATABASE_URL\)/);
    expect(env[0].related?.map((r) => r.line)).toEqual([4, 5, 9]);
    expect(JSON.stringify(env)).not.toContain('Tr0ub4dor');
    expect(JSON.stringify(env)).not.toContain('q8Zk2LmN4xVb7Hc9Tf4Wy6Pd1Gs0JaE');
  });
});

test('the env-file finding masks the values itself, with no secret rule to help', async () => {
  const { detectUnit } = await import('../../src/pipeline/detect.js');
  const { SecretEngine } = await import('../../src/secrets/engine.js');
  const { CONFIG_CHECKS } = await import('../../src/configs/index.js');
  const text = 'API_TOKEN=Zq8k2LmN4xVb7Hc9Tf4W\nDB_PASSWORD=Tr0ub4dor-3x\n';
  const { findings } = detectUnit({ path: '.env', text, wholeFile: true }, { secrets: new SecretEngine([]), configs: CONFIG_CHECKS }, { read: () => undefined, paths: () => ['.env'] });
  expect(findings.map((f) => f.ruleId)).toEqual(['env-file-secret']);
  expect(findings[0].snippet).toMatch(/^API_TOKEN=\S+\*+$/);
  expect(JSON.stringify(findings)).not.toContain('Zq8k2LmN4xVb7Hc9Tf4W');
});
