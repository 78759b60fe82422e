import type { Detection } from '../../model/finding.js';
import { baseName, type ConfigCheck, type ConfigContext } from '../rule.js';
import { serviceUsers } from '../cloud-init/service-users.js';
import { parseErrorRule } from '../parse-error.js';
import { readScript, type ShellScript } from './script.js';
import { checkUfw, UFW_RULES } from './ufw.js';
import { checkSshdEdits, SSHD_EDIT_RULES } from './sshd-edits.js';
import { checkEnvFileModes, envFileMode } from './env-mode.js';
import { checkPrivileges, PRIVILEGE_RULES } from './privileges.js';
import { checkUpdatesOff, scriptUpdatesOff } from './updates.js';
import { checkAccountPasswords, scriptPassword } from './passwords.js';
import { checkHostFirewall, hostFirewallOff } from './host-firewall.js';
import { FIREWALL_RULES } from '../firewall/model.js';
import { checkProviderFirewalls } from './provider-firewalls.js';

const SHEBANG = /^#![ \t]*(?:\/usr)?\/bin\/(?:env[ \t]+(?:-S[ \t]+)?)?(?:ba|da|z|a)?sh\b/;

/** `*.sh`, `*.bash`, or any file whose first line runs a POSIX shell. */
export function isShellScript(path: string, text: string): boolean {
  return /\.(sh|bash)$/i.test(baseName(path)) || SHEBANG.test(text.slice(0, 120));
}

let cached: { path: string; text: string; script: ShellScript } | undefined;

/**
 * Several checks (this one, firewall payloads, SSH keys) read the same script; the scan hands
 * them one file after another, so keeping the last one read avoids lexing it three times.
 */
export function scriptOf(path: string, text: string): ShellScript {
  if (cached?.path !== path || cached.text !== text) cached = { path, text, script: readScript(path, text) };
  return cached.script;
}

const CHECKS: ((s: ShellScript, ctx: ConfigContext) => Detection[])[] = [checkUfw, (s) => checkSshdEdits(s), checkEnvFileModes, (s, ctx) => checkPrivileges(s, serviceUsers(ctx)), checkUpdatesOff, checkAccountPasswords, checkHostFirewall, checkProviderFirewalls];

/** The rules `scriptDetections` may report. */
export const SCRIPT_RULES = [...UFW_RULES, ...SSHD_EDIT_RULES, envFileMode, ...PRIVILEGE_RULES, scriptUpdatesOff, scriptPassword, hostFirewallOff, ...FIREWALL_RULES];

/** Every script check over commands already read, wherever they came from (a file, an Ansible task). */
export function scriptDetections(script: ShellScript, ctx: ConfigContext): Detection[] {
  return CHECKS.flatMap((check) => check(script, ctx));
}

export const shellCheck: ConfigCheck = {
  name: 'shell',
  rules: SCRIPT_RULES,
  applies: isShellScript,
  check(path, text, ctx) {
    const script = scriptOf(path, text);
    const out: Detection[] = script.problems.map((p) => {
      const at = script.lines.position(p.offset);
      return parseErrorRule.at(at, { message: `${path}: ${p.message}: the shell would stop here or read the rest of the file differently.`, key: `shell ${p.message}` });
    });
    return [...out, ...scriptDetections(script, ctx)];
  },
};
