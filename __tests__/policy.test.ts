import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempRepos } from './helpers/repo.js';
import { fake } from './helpers/fakes.js';

const repo = tempRepos();

async function json(...argv: string[]) {
  const run = await cli(...argv, '--format', 'json');
  if (run.code === 2) throw new Error(run.stderr);
  return { code: run.code, report: JSON.parse(run.stdout) };
}

const ids = (report: { findings: { ruleId: string; path: string }[] }) => report.findings.map((f) => `${f.ruleId}@${f.path}`).sort();

describe('.moltguard.yml keys', () => {
  test('ignore and only are micromatch globs on root-relative paths', async () => {
    const r = repo();
    r.write('fixtures/a.env', `K=${fake.mbd('1')}\n`).write('src/b.env', `K=${fake.mbd('2')}\n`).write('src/c.txt', `K=${fake.mbd('3')}\n`);
    r.write('.moltguard.yml', 'ignore: ["fixtures/**"]\n');
    expect(ids((await json('scan', r.dir)).report)).toEqual(['moltbotden-live-api-key@src/b.env', 'moltbotden-live-api-key@src/c.txt']);
    r.write('.moltguard.yml', 'only: ["**/*.env"]\nignore: ["fixtures/**"]\n');
    expect(ids((await json('scan', r.dir)).report)).toEqual(['moltbotden-live-api-key@src/b.env']);
  });

  test('rules: off drops a rule, a severity replaces the default; fail-on sets the gate', async () => {
    const r = repo();
    r.write('a.env', `K=${fake.mbd('1')}\nT=${fake.telegram('2')}\n`);
    r.write('.moltguard.yml', 'rules:\n  telegram-bot-token: "off"\n  moltbotden-live-api-key: low\nfail-on: medium\n');
    const { code, report } = await json('scan', r.dir);
    expect(report.findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([['moltbotden-live-api-key', 'low']]);
    expect(code).toBe(0);
    expect(report.failOn).toBe('medium');
    // The flag beats the file.
    expect((await json('scan', r.dir, '--fail-on', 'low')).code).toBe(1);
  });

  test('max-file-size and extends', async () => {
    const r = repo();
    r.write('big.env', `K=${fake.mbd('1')}\n${'#'.repeat(500)}\n`);
    r.write('.moltguard.yml', '$schema: ./schema/moltguard.schema.json\nextends: recommended\nmax-file-size: 100\n');
    const { report } = await json('scan', r.dir);
    expect(report.findings).toEqual([]);
    expect(report.stats.skipped[0]).toMatchObject({ path: 'big.env' });
  });

  test('custom rules find your own formats and prove their samples at load', async () => {
    const r = repo();
    r.write('app.py', 'TOKEN = "acme_9f8e7d6c5b4a39281706f5e4"\n');
    r.write(
      '.moltguard.yml',
      [
        'custom-rules:',
        '  - id: acme-internal-token',
        '    description: ACME internal API token',
        '    severity: high',
        '    keywords: [acme_]',
        "    regex: '\\b(acme_[0-9a-f]{24})\\b'",
        '    remediation: Revoke it in the ACME admin console and issue a new one.',
        '    samples:',
        '      positive: ["acme_3f9c2a7e81d04b6f5c9e2a71"]',
        '      negative: ["acme_short"]',
      ].join('\n'),
    );
    const { report } = await json('scan', r.dir);
    expect(report.findings.map((f: { ruleId: string; line: number; column: number; preview: string }) => [f.ruleId, f.line, f.column, f.preview])).toEqual([
      ['acme-internal-token', 1, 10, 'acme_9f8e********'],
    ]);
  });

  test('allow entries by rule, path and secret hash; unused and expired ones are reported', async () => {
    const r = repo();
    const allowed = fake.mbd('allowed');
    const other = fake.mbd('other');
    r.write('a.cfg', `K=${allowed}\n`).write('docs/b.md', `K=${fake.telegram('doc')}\n`);
    const first = (await json('scan', r.dir)).report;
    const hash = first.findings.find((f: { path: string }) => f.path === 'a.cfg').secretHash;
    r.write(
      '.moltguard.yml',
      [
        'allow:',
        `  - { rule: moltbotden-live-api-key, secret: ${hash}, reason: "rotated 2026-01, kept for the demo" }`,
        '  - { path: "docs/**", reason: "documentation samples" }',
        '  - { rule: openai-api-key, reason: "nothing matches this" }',
        '  - { path: "a.cfg", reason: "temporary", expires: "2020-01-01" }',
      ].join('\n'),
    );
    const { code, report } = await json('scan', r.dir);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.suppressed.map((s: { path: string; by: string }) => s.path).sort()).toEqual(['a.cfg', 'docs/b.md']);
    expect(report.notices).toEqual([
      expect.stringMatching(/allow\[2\] \(rule openai-api-key\) matched no finding/),
      expect.stringMatching(/allow\[3\] \(path a\.cfg\) expired on 2020-01-01/),
    ]);
    // A different secret where the allowed one was is a new finding.
    r.write('a.cfg', `K=${other}\n`);
    expect(ids((await json('scan', r.dir)).report)).toEqual(['moltbotden-live-api-key@a.cfg']);
  });
});

describe('config errors: exit 2, one line per problem, naming file and key', () => {
  test.each([
    ['rules:\n  ssh-password-auth: severe\n', /\.moltguard\.yml: rules\.ssh-password-auth: expected off\|critical\|high\|medium\|low\|info/],
    ['rules:\n  no-such-rule: high\n', /\.moltguard\.yml: rules\.no-such-rule: unknown rule id/],
    ['colour: red\n', /\.moltguard\.yml: \(top level\): Unrecognized key: "colour"/],
    ['fail-on: sometimes\n', /\.moltguard\.yml: fail-on: /],
    ['allow:\n  - { rule: openai-api-key }\n', /\.moltguard\.yml: allow\.0\.reason: /],
    ['allow:\n  - { path: x, reason: because, expires: tomorrow }\n', /allow\.0\.expires: expected a date YYYY-MM-DD/],
    ['ignore: [\n', /\.moltguard\.yml: not valid YAML/],
    ["custom-rules:\n  - { id: bad-re, description: x y z, severity: high, regex: '(unclosed', remediation: rotate it somewhere, samples: { positive: [a], negative: [b] } }\n", /\.moltguard\.yml: custom-rules\.bad-re\.regex: Invalid regular expression/],
    ["custom-rules:\n  - { id: weak, description: weak rule, severity: low, keywords: [zz], regex: 'zz(\\d+)', remediation: rotate it somewhere, samples: { positive: [zz], negative: [zz1] } }\n", /custom-rules\.weak\.samples\.positive\.0: not matched by the rule/],
  ])('%j', async (yaml, message) => {
    const r = repo();
    r.write('.moltguard.yml', yaml);
    const { code, stderr } = await cli('scan', r.dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('several problems are reported together', async () => {
    const r = repo();
    r.write('.moltguard.yml', 'rules:\n  a-rule: high\n  b-rule: high\n');
    const { stderr } = await cli('scan', r.dir);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/rules\.a-rule: unknown rule id/),
      expect.stringMatching(/rules\.b-rule: unknown rule id/),
    ]);
  });
});

describe('inline suppression', () => {
  const syntaxes: [string, (rule: string) => string][] = [
    ['config.py', (rule) => `# moltguard:ignore ${rule} -- demo key, revoked`],
    ['config.ts', (rule) => `// moltguard:ignore ${rule} -- demo key, revoked`],
    ['config.c', (rule) => `/* moltguard:ignore ${rule} -- demo key, revoked */`],
    ['page.html', (rule) => `<!-- moltguard:ignore ${rule} -- demo key, revoked -->`],
    ['php.ini', (rule) => `; moltguard:ignore ${rule} -- demo key, revoked`],
    ['seed.sql', (rule) => `-- moltguard:ignore ${rule} -- demo key, revoked`],
  ];

  test.each(syntaxes)('%s: on the line above and on the same line', async (file, comment) => {
    const r = repo();
    const rule = 'moltbotden-live-api-key';
    r.write(file, `${comment(rule)}\nkey = "${fake.mbd('a')}"\nother = "${fake.mbd('b')}" ${comment(rule)}\nthird = "${fake.mbd('c')}"\n`);
    const { report } = await json('scan', r.dir);
    expect(report.findings.map((f: { line: number }) => f.line)).toEqual([4]);
    expect(report.suppressed.map((s: { line: number; by: string }) => [s.line, s.by])).toEqual([
      [2, 'inline moltguard:ignore -- demo key, revoked'],
      [3, 'inline moltguard:ignore -- demo key, revoked'],
    ]);
  });

  test('a marker for another rule suppresses nothing; a bare marker is a low finding itself', async () => {
    const r = repo();
    r.write('a.py', `# moltguard:ignore openai-api-key -- wrong rule\nkey = "${fake.mbd('a')}"\n# moltguard:ignore\nx = 1\n`);
    const { report } = await json('scan', r.dir, '--fail-on', 'low');
    expect(report.findings.map((f: { ruleId: string; line: number; severity: string }) => [f.ruleId, f.line, f.severity])).toEqual([
      ['moltbotden-live-api-key', 2, 'critical'],
      ['moltguard-bare-ignore', 3, 'low'],
    ]);
  });

  test('the text report shows the comment or allow entry to paste and counts suppressed findings', async () => {
    const r = repo();
    r.write('sshd_config', 'PasswordAuthentication no\nPermitRootLogin yes\n');
    r.write('a.py', `# moltguard:ignore moltbotden-live-api-key -- demo\nk = "${fake.mbd('t')}"\nj = "${fake.telegram('t')}"\n`);
    const { stdout } = await cli('scan', r.dir);
    expect(stdout).toContain('ignore: # moltguard:ignore ssh-root-login -- reason');
    expect(stdout).toMatch(/ignore: allow: \[\{ rule: telegram-bot-token, secret: [0-9a-f]{32}, reason: "…" \}\]/);
    expect(stdout).toMatch(/; 1 suppressed;/);
  });
});

describe('baselines', () => {
  test('round trip: unrelated edits and line moves add nothing; a new secret adds exactly one', async () => {
    const r = repo();
    const secrets = [fake.mbd('b1'), fake.telegram('b2')];
    r.commit('start', { 'app.env': `A=${secrets[0]}\nB=${secrets[1]}\n`, 'sshd_config': 'PermitRootLogin yes\nPasswordAuthentication no\n' });
    const baseline = join(r.dir, '.moltguard-baseline.json');
    const made = await cli('baseline', r.dir, '--output', baseline);
    expect(made.code).toBe(0);
    const text = readFileSync(baseline, 'utf8');
    for (const s of secrets) expect(text).not.toContain(s);
    expect(JSON.parse(text).findings).toHaveLength(3);

    r.write('app.env', `# moved down\n\nB=${secrets[1]}\nUNRELATED=1\nA=${secrets[0]}\n`);
    r.write('sshd_config', '# comment\nPasswordAuthentication no\n\nPermitRootLogin yes\n');
    let { code, report } = await json('scan', r.dir, '--baseline', baseline);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.suppressed).toHaveLength(3);

    r.write('new.env', `C=${fake.openai('b3')}\n`);
    ({ code, report } = await json('scan', r.dir, '--baseline', baseline));
    expect(ids(report)).toEqual(['openai-api-key@new.env']);
    expect(code).toBe(1);

    // Fixed findings leave stale entries, and the scan says so.
    r.write('app.env', 'A=\n');
    ({ report } = await json('scan', r.dir, '--baseline', baseline));
    expect(report.notices).toEqual([expect.stringMatching(/2 baseline entries no longer match any finding/)]);
  });

  test('a file that is not a baseline is a usage error', async () => {
    const r = repo();
    writeFileSync(join(r.dir, 'bl.json'), '{"findings": 3}');
    const { code, stderr } = await cli('scan', r.dir, '--baseline', join(r.dir, 'bl.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/bl\.json: not a moltguard baseline/);
  });
});

describe('custom rules are safe', () => {
  test('a catastrophically backtracking regex is warned about at load and disabled when it blows its budget', async () => {
    const r = repo();
    const config = join(r.dir, '..', `${r.dir.split('/').pop()}-slow.yml`);
    writeFileSync(
      config,
      [
        'custom-rules:',
        '  - id: slow-rule',
        '    description: A rule with nested repetition',
        '    severity: medium',
        "    regex: '(x+x+)+y'",
        '    remediation: Rotate it at whatever issued it.',
        '    samples:',
        '      positive: ["xxy"]',
        '      negative: ["xx"]',
      ].join('\n'),
    );
    r.write('evil.txt', `${'x'.repeat(40)}\n`);
    r.write('ok.env', `K=${fake.mbd('ok')}\n`);
    const started = Date.now();
    const { report } = await json('scan', r.dir, '--config', config);
    expect(Date.now() - started).toBeLessThan(20000);
    expect(ids(report)).toEqual(['moltbotden-live-api-key@ok.env']);
    expect(report.notices).toEqual([
      expect.stringMatching(/custom-rules\.slow-rule\.regex: a quantified group repeats another unbounded quantifier/),
      expect.stringMatching(/custom-rules\.slow-rule: no keywords/),
      expect.stringMatching(/custom rule slow-rule was disabled for the rest of the scan: a regex of it took over 250 ms on evil\.txt/),
    ]);
  });

  test('a name = value rule and allow patterns run under the same deadline as the search', async () => {
    const r = repo();
    const config = join(r.dir, '..', `${r.dir.split('/').pop()}-slow-assign.yml`);
    writeFileSync(
      config,
      [
        'custom-rules:',
        '  - id: slow-assign',
        '    description: A name = value rule with nested repetition',
        '    severity: medium',
        '    keywords: [tok]',
        '    assignment: { keys: tok }',
        "    regex: '(x+x+)+y'",
        '    remediation: Rotate it at whatever issued it.',
        '    samples:',
        '      positive: ["tok = xxy"]',
        '      negative: ["tok = xx"]',
        '  - id: slow-allow',
        '    description: A rule whose allow pattern backtracks',
        '    severity: medium',
        '    keywords: [zq_]',
        "    regex: 'zq_[a-z]{40}'",
        "    allow: { regexes: ['(a+a+)+b'] }",
        '    remediation: Rotate it at whatever issued it.',
        '    samples:',
        `      positive: ["zq_${'c'.repeat(40)}"]`,
        '      negative: ["zq_short"]',
      ].join('\n'),
    );
    r.write('evil.env', `tok = "${'x'.repeat(40)}"\nval = zq_${'a'.repeat(40)}\n`);
    const started = Date.now();
    const { report } = await json('scan', r.dir, '--config', config);
    expect(Date.now() - started).toBeLessThan(20000);
    expect(report.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/custom-rules\.slow-allow\.allow\.regexes\.0: a quantified group/),
        expect.stringMatching(/custom rule slow-assign was disabled for the rest of the scan: a regex of it took over 250 ms on evil\.env/),
        expect.stringMatching(/custom rule slow-allow was disabled for the rest of the scan: a regex of it took over 250 ms on evil\.env/),
      ]),
    );
  });
});
