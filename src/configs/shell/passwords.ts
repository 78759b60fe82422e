import type { Detection } from '../../model/finding.js';
import { isPlaceholder, isReference } from '../../secrets/placeholder.js';
import { configRule } from '../rule.js';
import type { Segment } from './lex.js';
import { operands, outputOf, spanOf, type Invocation, type ShellScript } from './script.js';

export const scriptPassword = configRule({
  id: 'script-account-password',
  title: 'Script sets an account password it spells out',
  severity: 'high',
  why: 'A password written into a provisioning script is known to everyone who can read the repository, and with SSH password login or `su` it is a way in; the guide logs in with SSH keys and gives service accounts no password.',
  fix: 'Do not set a password (lock the account with `passwd -l`, log in with a key); if one is needed, read it from a secret store at run time instead of the script.',
});

/** A value the script takes from elsewhere (`$PASS`, `$(openssl rand …)`) or a stand-in, not a password it spells out. */
function spelledOut(value: string): boolean {
  return value !== '' && !/[$`]/.test(value) && !isReference(value) && !isPlaceholder(value);
}

/**
 * `echo 'root:123' | chpasswd`, `echo -e "x\nx" | passwd root`, `passwd --stdin`, and
 * `usermod -p`/`useradd -p` with a hash: the password (or its crypt hash, as good as the
 * password against an offline guesser) sits in the script. The value is masked in every output.
 */
export function checkAccountPasswords(script: ShellScript): Detection[] {
  const out: Detection[] = [];
  for (const inv of script.invocations) {
    if (inv.name === 'chpasswd') out.push(...chpasswd(script, inv));
    else if (inv.name === 'passwd') out.push(...passwd(script, inv));
    else if (inv.name === 'usermod' || inv.name === 'useradd') out.push(...hashOption(script, inv));
  }
  return out;
}

function input(inv: Invocation): Segment | undefined {
  return inv.command.stdin[0] ?? (inv.pipedFrom ? outputOf(inv.pipedFrom) : undefined);
}

function chpasswd(script: ShellScript, inv: Invocation): Detection[] {
  const seg = input(inv);
  if (!seg) return [];
  const out: Detection[] = [];
  const hashed = inv.argv.some((w) => /^(-e|--encrypted)$/.test(w.value));
  let at = 0;
  for (const line of seg.value.split(/\n|\\n/)) {
    const colon = line.indexOf(':');
    const user = line.slice(0, colon).trim();
    const password = line.slice(colon + 1).trim();
    if (colon > 0 && spelledOut(password) && !/[$`]/.test(user)) {
      const from = at + line.indexOf(password, colon);
      out.push(
        scriptPassword.at(spanOf(script, seg, from, from + password.length), {
          message: `\`chpasswd\` sets ${hashed ? 'a password hash' : 'a password'} for ${user} that the script spells out.`,
          key: `chpasswd ${user}`,
          mask: [password],
        }),
      );
    }
    at += line.length + (seg.value.startsWith('\\n', at + line.length) ? 2 : 1);
  }
  return out;
}

function passwd(script: ShellScript, inv: Invocation): Detection[] {
  const seg = input(inv);
  if (!seg) return [];
  const user = operands(inv).at(-1)?.value ?? 'the current user';
  // `passwd` reads the new password twice; `passwd --stdin` (RHEL) once.
  const password = seg.value.split(/\n|\\n/)[0] ?? '';
  if (!spelledOut(password)) return [];
  const from = seg.value.indexOf(password);
  return [scriptPassword.at(spanOf(script, seg, from, from + password.length), { message: `\`passwd\` gets the password for ${user} from text the script spells out.`, key: `passwd ${user}`, mask: [password] })];
}

function hashOption(script: ShellScript, inv: Invocation): Detection[] {
  const args = inv.argv.slice(1);
  const i = args.findIndex((w) => w.value === '-p' || w.value === '--password');
  const hash = i >= 0 ? args[i + 1] : undefined;
  // A crypt hash starts with `$id$`, which only reaches usermod as written when single-quoted.
  if (!hash || !(spelledOut(hash.value) || /^\$(1|2[aby]?|5|6|y|gy)\$[^$]/.test(hash.value))) return [];
  const user = operands(inv).filter((w) => w !== hash).at(-1)?.value ?? 'an account';
  return [
    scriptPassword.at(spanOf(script, hash), {
      message: `\`${inv.name} -p\` sets a password hash for ${user} that the script spells out.`,
      key: `${inv.name} -p ${user}`,
      mask: [hash.value],
    }),
  ];
}
