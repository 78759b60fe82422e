import { aptCheck, isSecurityOrigin } from '../../src/configs/apt/check.js';
import { effectiveValue, listItems, parseAptConf } from '../../src/configs/apt/parse.js';

describe('apt configuration reader', () => {
  test('nested blocks give full names; list items belong to their block', () => {
    const text = [
      '// comment',
      'APT { Periodic { Unattended-Upgrade "1"; }; };',
      '/* a block comment',
      '   APT::Periodic::Unattended-Upgrade "0"; */',
      '# a hash comment',
      'Unattended-Upgrade::Allowed-Origins {',
      '  "${distro_id}:${distro_codename}";  // trailing',
      '};',
      'Unattended-Upgrade::Allowed-Origins:: "${distro_id}:${distro_codename}-security";',
    ].join('\n');
    const { statements, problems } = parseAptConf(text);
    expect(problems).toEqual([]);
    expect(effectiveValue(statements, 'apt::periodic::unattended-upgrade')).toMatchObject({ value: '1', valueOffset: text.indexOf('"1"') + 1 });
    expect(listItems(statements, 'unattended-upgrade::allowed-origins').map((s) => s.value)).toEqual([
      '${distro_id}:${distro_codename}',
      '${distro_id}:${distro_codename}-security',
    ]);
  });

  test('the last assignment wins and #clear empties a list', () => {
    const { statements } = parseAptConf('A::B "1";\nA::B "0";\nL { "x"; };\n#clear L;\nL:: "y";\n');
    expect(effectiveValue(statements, 'a::b')?.value).toBe('0');
    expect(listItems(statements, 'l').map((s) => s.value)).toEqual(['y']);
  });

  test('syntax errors are problems, not exceptions', () => {
    expect(parseAptConf('APT::Periodic::Unattended-Upgrade "1"\nFoo {').problems.map((p) => p.message)).toEqual([
      'missing ";" after APT::Periodic::Unattended-Upgrade',
      'block Foo is not closed',
    ]);
    expect(parseAptConf('A "unterminated;').problems[0].message).toBe('unterminated quoted value');
  });

  test.each([
    ['${distro_id}:${distro_codename}-security', true],
    ['${distro_id}ESMApps:${distro_codename}-apps-security', true],
    ['origin=Debian,codename=${distro_codename}-security,label=Debian-Security', true],
    ['archive=stable-security', true],
    ['${distro_id}:${distro_codename}-updates', false],
    ['origin=Debian,codename=${distro_codename},label=Debian', false],
  ])('security origin %s', (value, yes) => {
    expect(isSecurityOrigin(value)).toBe(yes);
  });

  test('a later apt.conf.d file decides; the fix flips the value', () => {
    const files: Record<string, string> = {
      'etc/apt/apt.conf.d/20auto-upgrades': 'APT::Periodic::Unattended-Upgrade "0";\n',
      'etc/apt/apt.conf.d/99-on': 'APT::Periodic::Unattended-Upgrade "1";\n',
    };
    const ctx = { read: (p: string) => files[p], paths: () => Object.keys(files) };
    expect(aptCheck.check('etc/apt/apt.conf.d/20auto-upgrades', files['etc/apt/apt.conf.d/20auto-upgrades'], ctx)).toEqual([]);
    delete files['etc/apt/apt.conf.d/99-on'];
    const [d] = aptCheck.check('etc/apt/apt.conf.d/20auto-upgrades', files['etc/apt/apt.conf.d/20auto-upgrades'], ctx);
    expect(d.fix).toEqual({ line: 1, replacement: 'APT::Periodic::Unattended-Upgrade "1";' });
  });
});
