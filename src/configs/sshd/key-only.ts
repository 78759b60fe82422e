import type { Detection } from '../../model/finding.js';
import { configRule, type ConfigRule } from '../rule.js';
import type { Directive } from './parse.js';

export const keyAuthOff = configRule({
  id: 'ssh-key-auth-off',
  title: 'SSH logins do not require a key',
  severity: 'high',
  why: 'The guide logs in with SSH keys only; without public-key authentication, or with a method list that a password alone satisfies, sshd falls back to guessable secrets.',
  fix: 'Set `PubkeyAuthentication yes` and `AuthenticationMethods publickey` (or delete the AuthenticationMethods line), then reload sshd.',
});

const PASSWORD_METHODS = /^(password|keyboard-interactive(:\w+)?)$/i;

/**
 * The key-only checks on the effective global values (sshd takes the first): public keys
 * switched off, an AuthenticationMethods alternative that needs no key, and UsePAM yes with
 * keyboard-interactive left at OpenSSH's default (yes), which asks for the account password.
 */
export function keyOnlyFindings(path: string, global: Directive[], fullConfig: boolean, kbdInteractive: ConfigRule): Detection[] {
  const out: Detection[] = [];
  const first = (k: string) => global.find((d) => d.keyword === k);
  const pubkey = first('pubkeyauthentication');
  if (pubkey?.file === path && (pubkey.args[0] ?? '').toLowerCase() === 'no') {
    out.push(keyAuthOff.at(span(pubkey), { message: 'PubkeyAuthentication no turns SSH keys off: only passwords or keyboard-interactive can log in.', key: 'pubkeyauthentication no', fix: fixLine(pubkey, 'PubkeyAuthentication yes') }));
  }
  const methods = first('authenticationmethods');
  if (methods?.file === path) {
    // Space-separated lists are alternatives; comma-separated methods are all required.
    const keyless = methods.args.find((alt) => alt.toLowerCase() !== 'any' && alt.split(',').every((m) => PASSWORD_METHODS.test(m)));
    if (keyless) out.push(keyAuthOff.at(span(methods), { message: `AuthenticationMethods lets \`${keyless}\` log in without a key.`, key: `authenticationmethods ${keyless.toLowerCase()}`, fix: fixLine(methods, 'AuthenticationMethods publickey') }));
  }
  const pam = first('usepam');
  const kbdSet = first('kbdinteractiveauthentication') ?? first('challengeresponseauthentication');
  if (fullConfig && pam?.file === path && (pam.args[0] ?? '').toLowerCase() === 'yes' && !kbdSet) {
    out.push(
      kbdInteractive.at(span(pam), {
        message: 'UsePAM yes with KbdInteractiveAuthentication unset: OpenSSH defaults it to yes, so PAM asks for the account password.',
        severity: 'medium',
        key: 'kbdinteractiveauthentication unset with pam',
        fix: { line: pam.line, replacement: `${' '.repeat(pam.column - 1)}UsePAM yes\nKbdInteractiveAuthentication no` },
      }),
    );
  }
  return out;
}

function span(d: Directive) {
  return { line: d.line, column: d.column, endColumn: d.endColumn };
}

function fixLine(d: Directive, replacement: string) {
  return { line: d.line, replacement: `${' '.repeat(d.column - 1)}${replacement}` };
}
