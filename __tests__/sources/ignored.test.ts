import { join } from 'node:path';
import { cli, tempRepos } from '../helpers/repo.js';
import { fake } from '../helpers/fakes.js';

const repo = tempRepos();

function repoWithIgnoredSecret() {
  const r = repo();
  r.commit('init', { '.gitignore': 'secret/\n*.log\n', 'app.py': 'print("hi")\n' });
  r.write('secret/prod.env', `API_KEY=${fake.mbd('ignored')}\n`);
  r.write('secret/more/notes.txt', 'nothing\n');
  r.write('debug.log', 'nothing\n');
  return r;
}

describe('files git ignores in a tree scan', () => {
  test('a folder whose every file git ignores is a usage error, not a clean scan', async () => {
    const r = repoWithIgnoredSecret();
    const { code, stdout, stderr } = await cli('scan', join(r.dir, 'secret'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^moltguard: .*secret: nothing scanned: git ignores all 2 files in it; pass --include-ignored to scan them\n$/);
  });

  test('--include-ignored scans them', async () => {
    const r = repoWithIgnoredSecret();
    const { code, stdout } = await cli('scan', join(r.dir, 'secret'), '--include-ignored', '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`)).toContain('moltbotden-live-api-key prod.env');
    expect(report.notices).toEqual([]);
  });

  test('a scan that leaves ignored files out says how many, where, and how to include them', async () => {
    const r = repoWithIgnoredSecret();
    const text = await cli('scan', r.dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('note: 3 files ignored by git were not scanned (secret/ 2, debug.log 1); --include-ignored scans them');
    const json = JSON.parse((await cli('scan', r.dir, '--format', 'json')).stdout);
    expect(json.notices).toEqual(['3 files ignored by git were not scanned (secret/ 2, debug.log 1); --include-ignored scans them']);
  });

  test('no ignored files, no notice', async () => {
    const r = repo();
    r.commit('init', { 'app.py': 'print("hi")\n' });
    const json = JSON.parse((await cli('scan', r.dir, '--format', 'json')).stdout);
    expect(json.notices).toEqual([]);
  });

  test('a folder whose every file the config excludes is a usage error too', async () => {
    const r = repo(false);
    r.write('.moltguard.yml', 'only: ["services/**"]\n');
    r.write('prod.env', `API_KEY=${fake.mbd('excluded')}\n`);
    const { code, stdout, stderr } = await cli('scan', r.dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^moltguard: .*: nothing scanned: the ignore\/only patterns of .*\.moltguard\.yml exclude all 2 files in it\n$/);
  });
});
