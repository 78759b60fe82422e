import { parseSshdLines } from '../../src/configs/sshd/parse.js';
import { expandIncludes, resolveInclude } from '../../src/configs/sshd/include.js';
import { sshdCheck } from '../../src/configs/sshd/check.js';
import type { ConfigContext } from '../../src/configs/rule.js';

function ctx(files: Record<string, string>): ConfigContext {
  return { read: (p) => files[p], paths: () => Object.keys(files) };
}

function findings(files: Record<string, string>, path: string) {
  return sshdCheck.check(path, files[path], ctx(files)).map((d) => [d.ruleId, d.line, d.column, d.severity]);
}

describe('sshd_config parsing, as sshd reads it', () => {
  test('keywords are case-insensitive; `=` and spaces separate; quotes group; # starts a comment', () => {
    const { directives, problems } = parseSshdLines('f', 'passwordauthentication=no\n  PermitRootLogin   "prohibit-password"  # keys only\nAllowUsers "a b" c\n# PasswordAuthentication yes\n');
    expect(problems).toEqual([]);
    expect(directives.map((d) => [d.keyword, d.args, d.line, d.column])).toEqual([
      ['passwordauthentication', ['no'], 1, 1],
      ['permitrootlogin', ['prohibit-password'], 2, 3],
      ['allowusers', ['a b', 'c'], 3, 1],
    ]);
  });

  test('an unterminated quote is a problem naming the line, and parsing goes on', () => {
    const { directives, problems } = parseSshdLines('f', 'Banner "oops\nPasswordAuthentication no\n');
    expect(problems).toEqual([{ file: 'f', line: 1, message: 'unterminated quote after Banner' }]);
    expect(directives.map((d) => d.keyword)).toEqual(['passwordauthentication']);
  });

  test('a Match block lasts until the next Match or the end of the file', () => {
    const { directives } = parseSshdLines('f', 'PasswordAuthentication no\nMatch User backup\n  PasswordAuthentication yes\nMatch all\nX11Forwarding no\n');
    expect(directives.map((d) => [d.keyword, d.match?.criteria.join(' ') ?? 'global'])).toEqual([
      ['passwordauthentication', 'global'],
      ['match', 'global'],
      ['passwordauthentication', 'User backup'],
      ['match', 'global'],
      ['x11forwarding', 'all'],
    ]);
  });
});

describe('first value wins', () => {
  test('the first PasswordAuthentication is effective; the later one is named as ignored', () => {
    const files = { sshd_config: 'PasswordAuthentication yes\nPasswordAuthentication no\n' };
    const d = sshdCheck.check('sshd_config', files.sshd_config, ctx(files));
    expect(d.map((x) => [x.ruleId, x.line])).toEqual([['ssh-password-auth', 1]]);
    expect(d[0].related?.[0]).toMatchObject({ path: 'sshd_config', line: 2 });
    expect(d[0].fix).toEqual({ line: 1, replacement: 'PasswordAuthentication no' });
  });

  test('a hardening line after an Include whose drop-in says yes never takes effect', () => {
    const files = {
      'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n',
      'etc/ssh/sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
      'etc/ssh/sshd_config.d/60-other.conf': 'PermitRootLogin no\n',
    };
    expect(findings(files, 'etc/ssh/sshd_config')).toEqual([['ssh-shadowed-directive', 2, 1, 'high']]);
    expect(findings(files, 'etc/ssh/sshd_config.d/50-cloud-init.conf')).toEqual([['ssh-password-auth', 1, 1, 'critical']]);
  });

  test('unset in a full sshd_config means the OpenSSH default, yes; a drop-in alone is not judged on absence', () => {
    expect(findings({ sshd_config: 'PermitRootLogin no\n' }, 'sshd_config')).toEqual([['ssh-password-auth', 1, 1, 'high']]);
    expect(findings({ 'sshd_config.d/x.conf': 'PermitRootLogin no\n' }, 'sshd_config.d/x.conf')).toEqual([]);
  });

  test('keyboard-interactive counts only with UsePAM yes; root login by key is info', () => {
    expect(findings({ sshd_config: 'PasswordAuthentication no\nKbdInteractiveAuthentication yes\nUsePAM yes\n' }, 'sshd_config')).toEqual([['ssh-keyboard-interactive', 2, 1, 'high']]);
    expect(findings({ sshd_config: 'PasswordAuthentication no\nKbdInteractiveAuthentication yes\nUsePAM no\n' }, 'sshd_config')).toEqual([]);
    expect(findings({ sshd_config: 'PasswordAuthentication no\nPermitRootLogin prohibit-password\n' }, 'sshd_config')).toEqual([['ssh-root-login', 2, 1, 'info']]);
  });
});

describe('Match scoping', () => {
  test('a broad Match re-enabling passwords is high; a narrow one medium; global values stay no', () => {
    const text = 'PasswordAuthentication no\nMatch Address 10.0.0.0/8\n  PasswordAuthentication yes\nMatch User *\n  PermitRootLogin yes\n';
    expect(findings({ sshd_config: text }, 'sshd_config')).toEqual([
      ['ssh-broad-match', 3, 3, 'medium'],
      ['ssh-broad-match', 5, 3, 'high'],
    ]);
  });
});

describe('Include', () => {
  test('absolute paths resolve inside the tree the file sits in; relative ones beside it; matches sorted', () => {
    const c = ctx({ 'rootfs/etc/ssh/sshd_config.d/b.conf': '', 'rootfs/etc/ssh/sshd_config.d/a.conf': '', 'deploy/ssh/extra.conf': '' });
    expect(resolveInclude('rootfs/etc/ssh/sshd_config', ['/etc/ssh/sshd_config.d/*.conf'], c)).toEqual(['rootfs/etc/ssh/sshd_config.d/a.conf', 'rootfs/etc/ssh/sshd_config.d/b.conf']);
    expect(resolveInclude('deploy/ssh/sshd_config', ['extra.conf', '/etc/ssh/extra.conf'], c)).toEqual(['deploy/ssh/extra.conf', 'deploy/ssh/extra.conf']);
  });

  test('an Include loop is reported, not followed forever', () => {
    const files = { 'a/sshd_config': 'Include other.conf\nPasswordAuthentication no\n', 'a/other.conf': 'Include sshd_config\n' };
    const { problems } = expandIncludes('a/sshd_config', files['a/sshd_config'], ctx(files));
    expect(problems.map((p) => p.message)).toEqual(['Include loop: a/sshd_config -> a/other.conf -> a/sshd_config']);
  });
});
