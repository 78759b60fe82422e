import type { Detection, Location } from '../../model/finding.js';
import { baseName, configRule, type ConfigCheck, type ConfigContext } from '../rule.js';
import { parseError } from '../parse-error.js';
import { expandIncludes } from './include.js';
import type { Directive } from './parse.js';
import { keyAuthOff, keyOnlyFindings } from './key-only.js';
import { trimTrailing } from '../../model/trim.js';

const passwordAuth = configRule({
  id: 'ssh-password-auth',
  title: 'SSH password login enabled',
  severity: 'critical',
  why: 'Password logins let anyone on the internet guess their way in; the guide allows SSH keys only.',
  fix: 'Set `PasswordAuthentication no` (first in the file, before any Include) and reload sshd.',
});
const emptyPasswords = configRule({
  id: 'ssh-empty-passwords',
  title: 'SSH accepts empty passwords',
  severity: 'critical',
  why: 'An account without a password can log in with no credential at all.',
  fix: 'Set `PermitEmptyPasswords no` (the OpenSSH default) or delete the line.',
});
const kbdInteractive = configRule({
  id: 'ssh-keyboard-interactive',
  title: 'SSH keyboard-interactive login through PAM',
  severity: 'high',
  why: 'With UsePAM yes, keyboard-interactive authentication asks for the account password: password login by another name.',
  fix: 'Set `KbdInteractiveAuthentication no` (and `ChallengeResponseAuthentication no` on older OpenSSH).',
});
const rootLogin = configRule({
  id: 'ssh-root-login',
  title: 'SSH root login allowed',
  severity: 'high',
  why: 'Root over SSH turns one stolen key or password into full control; the guide logs in as a non-root user.',
  fix: 'Set `PermitRootLogin no`, log in as your own user and use sudo where needed.',
});
const shadowed = configRule({
  id: 'ssh-shadowed-directive',
  title: 'SSH hardening directive never takes effect',
  severity: 'high',
  why: 'sshd uses the first value it reads for a keyword, so a later hardening line is silently ignored.',
  fix: 'Move the hardening line above the earlier value (and above Include lines), or fix the earlier value.',
});
const broadMatch = configRule({
  id: 'ssh-broad-match',
  title: 'Match block re-enables password or root login',
  severity: 'high',
  why: 'A Match block that covers every address or user undoes the global hardening for everyone.',
  fix: 'Narrow the Match to the private network or a bastion /32, or remove the override.',
});

/** Keywords whose safe value is the point of hardening, with the value the guide wants. */
const HARDENED: Record<string, { want: string; rule: typeof passwordAuth; bad: (v: string) => boolean }> = {
  passwordauthentication: { want: 'no', rule: passwordAuth, bad: (v) => v === 'yes' },
  permitemptypasswords: { want: 'no', rule: emptyPasswords, bad: (v) => v === 'yes' },
  permitrootlogin: { want: 'no', rule: rootLogin, bad: (v) => v === 'yes' },
  kbdinteractiveauthentication: { want: 'no', rule: kbdInteractive, bad: (v) => v === 'yes' },
  challengeresponseauthentication: { want: 'no', rule: kbdInteractive, bad: (v) => v === 'yes' },
};

const SSHD_KEYWORDS =
  /^[ \t]*(PasswordAuthentication|PermitRootLogin|PubkeyAuthentication|ChallengeResponseAuthentication|KbdInteractiveAuthentication|PermitEmptyPasswords|UsePAM|AuthorizedKeysFile|X11Forwarding|AllowUsers|Subsystem|HostKey|ListenAddress)[ \t=]/gim;

export const sshdCheck: ConfigCheck = {
  name: 'sshd',
  rules: [passwordAuth, emptyPasswords, kbdInteractive, rootLogin, shadowed, broadMatch, keyAuthOff],
  applies(path, text) {
    const name = baseName(path);
    if (isSshdName(path)) return true;
    // Found by content too: a renamed copy still configures sshd. Two distinct sshd keywords.
    if (/\.(md|txt|sh|bash|py|js|ts|go|rb|ya?ml|json|toml|service|html)$/i.test(name)) return false;
    const seen = new Set((text.match(SSHD_KEYWORDS) ?? []).map((k) => trimTrailing(k.trim().toLowerCase(), ' \t=')));
    return seen.size >= 2;
  },
  claims(path) {
    return isSshdName(path);
  },
  check(path, text, ctx) {
    return checkSshd(path, text, ctx);
  },
};

function isSshdName(path: string): boolean {
  return baseName(path) === 'sshd_config' || /(^|\/)sshd_config\.d\/[^/]+\.conf$/.test(path);
}

function checkSshd(path: string, text: string, ctx: ConfigContext): Detection[] {
  const { directives, problems } = expandIncludes(path, text, ctx);
  const out: Detection[] = problems.filter((p) => p.file === path).map((p) => parseError(p.file, { line: p.line }, p.message));
  const global = directives.filter((d) => !d.match && d.keyword !== 'match');
  const isFullConfig = baseName(path) === 'sshd_config';

  for (const [keyword, spec] of Object.entries(HARDENED)) {
    const all = global.filter((d) => d.keyword === keyword);
    const effective = all[0];
    if (!effective) continue;
    const value = (effective.args[0] ?? '').toLowerCase();
    const ours = all.filter((d) => d.file === path);
    if (keyword === 'permitrootlogin' && effective.file === path && /^(prohibit-password|without-password)$/.test(value)) {
      out.push(rootLogin.at(span(effective), { message: `PermitRootLogin is ${value}: root may still log in with a key.`, severity: 'info', key: `PermitRootLogin ${value}`, fix: fixLine(effective, 'no') }));
      continue;
    }
    if (keyword.endsWith('interactiveauthentication') || keyword === 'challengeresponseauthentication') {
      if (!spec.bad(value) || !usesPam(global) || effective.file !== path) continue;
    }
    if (spec.bad(value) && effective.file === path) {
      const later = all.slice(1);
      out.push(
        spec.rule.at(span(effective), {
          message: `${effective.name} ${effective.args[0]} is the effective value${later.length ? ` (it wins over ${later.map(where).join(', ')})` : ''}.`,
          key: `${keyword} ${value}`,
          related: later.map((d) => loc(d, `later ${d.name} ${d.args.join(' ')}, ignored by sshd`)),
          fix: fixLine(effective, spec.want),
        }),
      );
    } else if (spec.bad(value)) {
      // The bad value comes from an included file; a good line here is dead code.
      for (const d of ours.filter((x) => !spec.bad((x.args[0] ?? '').toLowerCase()))) {
        out.push(
          shadowed.at(span(d), {
            message: `${d.name} ${d.args.join(' ')} never takes effect: ${where(effective)} sets ${effective.args[0]} first.`,
            key: `shadowed ${keyword}`,
            related: [loc(effective, `the value sshd uses: ${effective.name} ${effective.args[0]}`)],
          }),
        );
      }
    }
  }

  if (isFullConfig && !global.some((d) => d.keyword === 'passwordauthentication')) {
    out.push(
      passwordAuth.at(
        { line: 1, column: 1 },
        {
          message: 'PasswordAuthentication is not set anywhere, so OpenSSH uses its default: yes.',
          severity: 'high',
          key: 'passwordauthentication unset',
          fix: { line: 1, replacement: `PasswordAuthentication no\n${text.split(/\r?\n/)[0] ?? ''}` },
        },
      ),
    );
  }

  out.push(...keyOnlyFindings(path, global, isFullConfig, kbdInteractive));
  out.push(...checkMatchBlocks(path, directives));
  return out;
}

function usesPam(global: Directive[]): boolean {
  const pam = global.find((d) => d.keyword === 'usepam');
  return (pam?.args[0] ?? '').toLowerCase() === 'yes';
}

const BROAD = /^(\*|0\.0\.0\.0\/0|::\/0|all)$/i;

function checkMatchBlocks(path: string, directives: Directive[]): Detection[] {
  const out: Detection[] = [];
  for (const d of directives) {
    if (!d.match || d.file !== path) continue;
    const value = (d.args[0] ?? '').toLowerCase();
    const reenables = (d.keyword === 'passwordauthentication' || d.keyword === 'permitrootlogin') && value === 'yes';
    if (!reenables) continue;
    const criteria = d.match.criteria;
    const broad = criteria.some((c) => BROAD.test(c)) || criteria.some((c) => c.split(',').some((part) => BROAD.test(part)));
    out.push(
      broadMatch.at(span(d), {
        message: `Match ${criteria.join(' ')} (line ${d.match.line}) sets ${d.name} yes${broad ? ' for everyone' : ' for the hosts or users it names'}.`,
        severity: broad ? 'high' : 'medium',
        key: `match ${criteria.join(' ')} ${d.keyword}`,
        fix: fixLine(d, 'no'),
      }),
    );
  }
  return out;
}

function span(d: Directive) {
  return { line: d.line, column: d.column, endColumn: d.endColumn };
}

function where(d: Directive): string {
  return `${d.file}:${d.line}`;
}

function loc(d: Directive, message: string): Location {
  return { path: d.file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn, message };
}

function fixLine(d: Directive, value: string) {
  return { line: d.line, replacement: `${' '.repeat(d.column - 1)}${d.name} ${value}` };
}
