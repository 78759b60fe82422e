import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempRepos, type TempRepo } from './helpers/repo.js';
import { fake } from './helpers/fakes.js';

const repo = tempRepos();

const FORMATS = ['text', 'json', 'sarif', 'github'];

describe('scan --mode tree', () => {
  test('reports a secret at its file, line and column, and exits 1', async () => {
    const r = repo();
    const key = fake.mbd();
    r.commit('add agent', { 'agent/config.py': `import os\n\nAPI_KEY = "${key}"\n` });
    const { code, stdout } = await cli('scan', r.dir, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.tool.name).toBe('moltguard');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'moltbotden-live-api-key',
      category: 'secret',
      severity: 'critical',
      path: 'agent/config.py',
      line: 3,
      column: 12,
      endLine: 3,
      endColumn: 12 + key.length,
    });
    expect(report.findings[0].preview).toMatch(/^mbd_live_.{4}\*+$/);
    expect(report.stats).toMatchObject({ files: 1, commits: 0, skipped: [] });
  });

  test('no format ever prints the raw secret', async () => {
    const r = repo();
    const secrets = [fake.mbd('a'), fake.openai('b'), fake.telegram('c')];
    r.commit('x', { '.env': secrets.map((s, i) => `K${i}=${s}`).join('\n') + '\n', 'two.txt': `${secrets[0]} ${secrets[1]}\n` });
    for (const format of FORMATS) {
      const { stdout, stderr } = await cli('scan', r.dir, '--format', format);
      for (const s of secrets) {
        expect(stdout).not.toContain(s);
        expect(stderr).not.toContain(s);
        // Not even the random body without its prefix.
        expect(stdout).not.toContain(s.slice(12));
      }
      expect(stdout.length).toBeGreaterThan(0);
    }
  });

  test('lists tracked and untracked files but not ignored ones', async () => {
    const r = repo();
    r.commit('ignore', { '.gitignore': 'secret.local\n' });
    r.write('secret.local', `K=${fake.mbd('ignored')}\n`).write('new.txt', `K=${fake.mbd('untracked')}\n`);
    const report = JSON.parse((await cli('scan', r.dir, '--format', 'json')).stdout);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['new.txt']);
  });

  test('outside git every file is scanned except .git, and symlinks are not followed', async () => {
    const r = repo(false);
    r.write('a/b/c.env', `TOKEN=${fake.telegram()}\n`).write('.git/config', `x=${fake.mbd('git')}\n`);
    symlinkSync(join(r.dir, 'a/b/c.env'), join(r.dir, 'link.env'));
    const report = JSON.parse((await cli('scan', r.dir, '--format', 'json')).stdout);
    expect(report.findings.filter((f: { category: string }) => f.category === 'secret').map((f: { path: string }) => f.path)).toEqual(['a/b/c.env']);
    expect(report.stats.skipped).toEqual([{ path: 'link.env', reason: 'symbolic link (not followed)' }]);
  });

  test('binary and oversized files are skipped and listed; CRLF and invalid UTF-8 are read', async () => {
    const r = repo();
    r.write('blob.bin', Buffer.concat([Buffer.from('x\0y'), Buffer.from(fake.mbd('bin'))]));
    r.write('big.txt', 'a'.repeat(2048));
    r.write('crlf.env', `A=1\r\nKEY=${fake.mbd('crlf')}\r\n`);
    r.write('latin1.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`\nK=${fake.telegram('l1')}\n`)]));
    r.write('.moltguard.yml', 'max-file-size: 1024\n');
    const { stdout, code } = await cli('scan', r.dir, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.stats.skipped).toEqual([
      { path: 'big.txt', reason: 'larger than the 1024-byte limit (2048 bytes)' },
      { path: 'blob.bin', reason: 'binary' },
    ]);
    const places = report.findings.filter((f: { category: string }) => f.category === 'secret').map((f: { path: string; line: number; column: number }) => `${f.path}:${f.line}:${f.column}`);
    expect(places.sort()).toEqual(['crlf.env:2:5', 'latin1.txt:2:3']);
  });

  test('the text report says how many files were skipped', async () => {
    const r = repo();
    r.write('blob.bin', Buffer.from('x\0y'));
    const { stdout, code } = await cli('scan', r.dir);
    expect(code).toBe(0);
    expect(stdout).toContain('1 file(s) skipped: blob.bin (binary)');
    expect(stdout).toMatch(/moltguard: 0 findings/);
  });

  test('an empty repository is a clean scan in every mode that applies', async () => {
    const r = repo();
    expect((await cli('scan', r.dir)).code).toBe(0);
    expect((await cli('scan', r.dir, '--mode', 'history')).code).toBe(0);
    expect((await cli('scan', r.dir, '--mode', 'staged')).code).toBe(0);
  });

  test('a 20 MB single-line minified file does not crash the scan', async () => {
    const r = repo(false);
    const chunk = 'var a=function(b){return b+1};'.repeat(1000);
    const line = chunk.repeat(650) + `"${fake.mbd('min')}"` + chunk;
    writeFileSync(join(r.dir, 'bundle.min.js'), line);
    const { code, stdout } = await cli('scan', r.dir, '--format', 'json', '--config', writeConfig(r, 'max-file-size: 100000000\n'));
    expect(code).toBe(1);
    const f = JSON.parse(stdout).findings[0];
    expect(f.line).toBe(1);
    expect(f.column).toBe(chunk.length * 650 + 2);
    expect(f.snippet.length).toBeLessThan(200);
  });
});

function writeConfig(r: TempRepo, text: string): string {
  const file = join(r.dir, '..', `${r.dir.split('/').pop()}.moltguard.yml`);
  writeFileSync(file, text);
  return file;
}

describe('scan --mode diff', () => {
  test('reports only what the change adds, at its line in the head version', async () => {
    const r = repo();
    const old = fake.mbd('old');
    const base = r.commit('base', { 'app.env': `OLD=${old}\n` });
    r.git('checkout', '-q', '-b', 'feature');
    const added = fake.telegram('new');
    r.commit('feature', { 'app.env': `# header\nOLD=${old}\nNEW=${added}\n` });
    const { code, stdout } = await cli('scan', r.dir, '--mode', 'diff', '--base', base, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['telegram-bot-token', 3]]);
    // Without --base: the merge base with the default branch.
    const auto = JSON.parse((await cli('scan', r.dir, '--mode', 'diff', '--format', 'json')).stdout);
    expect(auto.findings).toHaveLength(1);
  });

  test('config checks see the whole head file but report only added lines', async () => {
    const r = repo();
    const base = r.commit('base', { 'sshd_config': 'PermitRootLogin yes\nPasswordAuthentication no\n' });
    r.commit('change', { 'sshd_config': 'PermitRootLogin yes\nPasswordAuthentication no\nMatch Address *\n  PasswordAuthentication yes\n' });
    const report = JSON.parse((await cli('scan', r.dir, '--mode', 'diff', '--base', base, '--format', 'json')).stdout);
    expect(report.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`)).toEqual(['ssh-broad-match:4']);
  });

  test('a binary key store added by the change is reported; other binaries are skipped', async () => {
    const r = repo();
    const base = r.commit('base', { 'a.txt': 'x\n' });
    r.write('certs/agent.pfx', Buffer.from([0x30, 0x82, 0, 1, 0, 2])).write('logo.png', Buffer.from([0x89, 0x50, 0, 1]));
    r.commit('add binaries');
    const report = JSON.parse((await cli('scan', r.dir, '--mode', 'diff', '--base', base, '--format', 'json')).stdout);
    expect(report.findings.map((f: { ruleId: string; path: string; line: number }) => [f.ruleId, f.path, f.line])).toEqual([['keystore-file', 'certs/agent.pfx', 1]]);
    r.write('staged.p12', Buffer.from([0x30, 0x82, 0]));
    r.git('add', 'staged.p12');
    const staged = JSON.parse((await cli('scan', r.dir, '--mode', 'staged', '--format', 'json')).stdout);
    expect(staged.findings.map((f: { path: string }) => f.path)).toEqual(['staged.p12']);
  });

  test('an unknown ref is a usage error that names it', async () => {
    const r = repo();
    r.commit('one', { a: 'b' });
    const { code, stderr } = await cli('scan', r.dir, '--mode', 'diff', '--base', 'no-such-branch');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown git ref "no-such-branch"/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('outside a git repository diff and history are usage errors', async () => {
    const r = repo(false);
    for (const mode of ['diff', 'history', 'staged']) {
      const { code, stderr } = await cli('scan', r.dir, '--mode', mode);
      expect(code).toBe(2);
      expect(stderr).toMatch(/not inside a git repository/);
    }
  });
});

describe('scan --mode history', () => {
  test('finds a secret added then deleted, once, at the commit that introduced it', async () => {
    const r = repo();
    const key = fake.openai('hist');
    r.commit('first', { 'README.md': 'hello\n' });
    const introduced = r.commit('add key', { 'src/app.ts': `const a = 1;\nconst key = "${key}";\n` });
    r.commit('remove key', { 'src/app.ts': 'const a = 1;\n' });
    r.commit('add it again elsewhere', { 'other.ts': `export const k = "${key}";\n` });
    const { code, stdout } = await cli('scan', r.dir, '--mode', 'history', '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.stats.commits).toBe(4);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ path: 'src/app.ts', line: 2, column: 14, commit: introduced, author: 'Dev <dev@example.invalid>' });
    expect(report.findings[0].date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(stdout).not.toContain(key);
  });

  test('a text seen again is skipped only where its path would be scanned alike', async () => {
    const r = repo();
    const body = `${'# padding line to pass the size threshold\n'.repeat(16)}API_SECRET=${fake.openai('seen').slice(8, 48)}9\n`;
    // First in a lock file (generic findings dropped there), then in an ordinary config file.
    r.commit('lock', { 'package-lock.json': body });
    const second = r.commit('copy', { 'deploy/app.cfg': body });
    r.commit('copy again', { 'deploy/other.cfg': body });
    const report = JSON.parse((await cli('scan', r.dir, '--mode', 'history', '--format', 'json')).stdout);
    expect(report.findings.map((f: { path: string; commit: string }) => [f.path, f.commit])).toEqual([['deploy/app.cfg', second]]);
  });

  test('--base..--head limits the commits', async () => {
    const r = repo();
    r.commit('old secret', { 'a.env': `A=${fake.mbd('h1')}\n` });
    const base = r.commit('nothing', { 'b.txt': 'x\n' });
    r.commit('new secret', { 'c.env': `C=${fake.telegram('h2')}\n` });
    const report = JSON.parse((await cli('scan', r.dir, '--mode', 'history', '--base', base, '--format', 'json')).stdout);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['c.env']);
    expect(report.stats.commits).toBe(1);
  });
});

describe('scan --mode staged', () => {
  test('reports staged additions only', async () => {
    const r = repo();
    r.commit('base', { 'a.txt': 'x\n' });
    r.write('staged.env', `S=${fake.mbd('staged')}\n`).write('unstaged.env', `U=${fake.telegram('unstaged')}\n`);
    r.git('add', 'staged.env');
    const report = JSON.parse((await cli('scan', r.dir, '--mode', 'staged', '--format', 'json')).stdout);
    expect(report.findings.map((f: { path: string; line: number }) => `${f.path}:${f.line}`)).toEqual(['staged.env:1']);
  });
});

describe('bad input', () => {
  test.each([
    [['scan', '/no/such/dir'], /no such file or directory/],
    [['scan', '.', '--format', 'xml'], /--format xml: expected one of text, json, sarif, github/],
    [['scan', '.', '--mode', 'everything'], /--mode everything: expected one of tree, diff, history, staged/],
    [['scan', '.', '--fail-on', 'severe'], /--fail-on severe: expected one of critical, high, medium, low, none/],
    [['scan', '--frobnicate'], /unknown option --frobnicate/],
    [['launch'], /unknown command "launch"/],
    [['scan', '.', '--baseline', '/no/such/baseline.json'], /baseline file not found/],
    [['scan', '.', '--config', '/no/such/config.yml'], /config file not found/],
  ])('%j exits 2 with one clear line', async (argv, message) => {
    const { code, stderr, stdout } = await cli(...(argv as string[]));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n')[0]).toMatch(/^moltguard: /);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });
});

describe('--fail-on and --output', () => {
  test('the threshold decides the exit code; --output writes the report to a file', async () => {
    const r = repo();
    r.commit('x', { 'test.cfg': `MOLTBOTDEN_API_KEY=${fake.mbd('fo').replace('live', 'test')}\n` });
    expect((await cli('scan', r.dir, '--fail-on', 'high')).code).toBe(0);
    expect((await cli('scan', r.dir, '--fail-on', 'medium')).code).toBe(1);
    expect((await cli('scan', r.dir, '--fail-on', 'none')).code).toBe(0);
    const out = join(r.dir, '..', 'out.sarif');
    const run = await cli('scan', r.dir, '--format', 'sarif', '--output', out, '--fail-on', 'medium');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/1 findings \(1 blocking\) written to/);
  });
});

describe('rules', () => {
  test('lists every rule with severity and keywords, as text and JSON', async () => {
    const text = await cli('rules');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/moltbotden-live-api-key\s+critical\s+MoltbotDen Hosting live API key\s+\[mbd_live_\]/);
    expect(text.stdout).toMatch(/ssh-password-auth\s+critical/);
    const json = JSON.parse((await cli('rules', '--format', 'json')).stdout);
    expect(json.find((r: { id: string }) => r.id === 'telegram-bot-token')).toMatchObject({ category: 'secret', severity: 'high', keywords: [':AA'] });
  });
});
