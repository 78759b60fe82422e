import { fail2banCheck, jailFiles, jailRoot } from '../../src/configs/fail2ban/check.js';
import { MergedIni, parseDuration, parseIni } from '../../src/configs/fail2ban/ini.js';

function repo(files: Record<string, string>) {
  return { read: (p: string) => files[p], paths: () => Object.keys(files).sort() };
}

describe('fail2ban jail files', () => {
  test('reading order: jail.conf, jail.d/*.conf, jail.local, jail.d/*.local', () => {
    const paths = ['f/jail.local', 'f/jail.d/b.local', 'f/jail.d/a.conf', 'f/jail.conf', 'f/jail.d/z.conf', 'f/jail.d/sub/x.conf', 'other/jail.local'];
    expect(jailFiles('f/', paths)).toEqual(['f/jail.conf', 'f/jail.d/a.conf', 'f/jail.d/z.conf', 'f/jail.local', 'f/jail.d/b.local']);
    expect([jailRoot('f/jail.d/a.conf'), jailRoot('jail.local'), jailRoot('f/jail.d/a.txt')]).toEqual(['f/', '', undefined]);
  });

  test('a section option beats [DEFAULT] whatever file each is in; later files win within a section', () => {
    const conf = parseIni('jail.conf', '[DEFAULT]\nmaxretry = 3\n[sshd]\nmaxretry = 4\nbantime = 1h\n').sections;
    const local = parseIni('jail.local', '[DEFAULT]\nmaxretry = 20\n[sshd]\nbantime: 2h ; longer\n').sections;
    const merged = new MergedIni([conf, local]);
    expect(merged.effective('sshd', 'maxretry')).toMatchObject({ value: '4', file: 'jail.conf', section: 'sshd' });
    expect(merged.effective('sshd', 'bantime')).toMatchObject({ value: '2h', file: 'jail.local', line: 4, valueColumn: 10 });
    expect(merged.effective('nginx', 'maxretry')).toMatchObject({ value: '20', section: 'DEFAULT' });
  });

  test('indented lines continue a value; option names are case-insensitive; bad lines are problems', () => {
    const { sections, problems } = parseIni('jail.local', 'stray = 1\n[DEFAULT]\nIgnoreIP = 127.0.0.1/8\n    10.0.0.0/8   # office\nnonsense\n');
    expect(sections[0].entries[0]).toMatchObject({ key: 'ignoreip', value: '127.0.0.1/8\n10.0.0.0/8' });
    expect(problems.map((p) => p.line)).toEqual([1, 5]);
  });

  test.each([
    ['600', 600],
    ['10m', 600],
    ['1h', 3600],
    ['1h 30m', 5400],
    ['2 hours', 7200],
    ['1d', 86400],
    ['-1', -1],
    ['%(bantime)s', undefined],
  ])('bantime %s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  test('the .local file is where a disabled jail is reported, with the fix', () => {
    const files = { 'f2b/jail.conf': '[sshd]\nenabled = true\n', 'f2b/jail.local': '[sshd]\nenabled = false\n' };
    expect(fail2banCheck.check('f2b/jail.conf', files['f2b/jail.conf'], repo(files))).toEqual([]);
    const [d] = fail2banCheck.check('f2b/jail.local', files['f2b/jail.local'], repo(files));
    expect(d).toMatchObject({ ruleId: 'fail2ban-sshd-disabled', line: 2, column: 11, fix: { line: 2, replacement: 'enabled = true' } });
  });

  test('a jail.d/*.local that enables sshd over jail.conf is clean; a missing jail is reported once per folder', () => {
    const files = { 'jail.conf': '[DEFAULT]\nenabled = false\n[sshd]\nport = ssh\n', 'jail.d/sshd.local': '[sshd]\nenabled = true\n' };
    expect(Object.entries(files).flatMap(([p, t]) => fail2banCheck.check(p, t, repo(files)))).toEqual([]);
    const none = { 'jail.conf': '[DEFAULT]\nbantime = 1h\n', 'jail.local': '[recidive]\nenabled = true\n' };
    const found = Object.entries(none).flatMap(([p, t]) => fail2banCheck.check(p, t, repo(none)).map((d) => [p, d.ruleId]));
    expect(found).toEqual([['jail.local', 'fail2ban-sshd-disabled']]);
  });
});
