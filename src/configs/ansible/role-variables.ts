import type { Severity } from '../../model/finding.js';

/**
 * Variables of well-known hardening roles that switch one of the guide's protections off, read
 * from the roles' own defaults and templates (dev-sec's at c3822fca, geerlingguy.security's
 * defaults/main.yml). Only these roles' own names: a generic name like `password_login` could
 * mean anything in someone else's role.
 */
export interface RoleVariable {
  /** The role that reads it, as users name it in `roles:`. */
  role: string;
  variable: string;
  /** Values, lower-cased as Ansible renders them (`true` for YAML's yes), that turn the protection off. */
  weak: readonly string[];
  severity: Severity;
  /** What the role then does to the host. */
  effect: string;
  /** What to set instead: the role's own default. */
  safe: string;
}

const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];
const DEVSEC_SSH = 'devsec.hardening.ssh_hardening';
const DEVSEC_OS = 'devsec.hardening.os_hardening';
const GEERLINGGUY = 'geerlingguy.security';

export const ROLE_VARIABLES: readonly RoleVariable[] = [
  { role: DEVSEC_SSH, variable: 'ssh_server_password_login', weak: TRUE, severity: 'critical', effect: 'writes `PasswordAuthentication yes` into sshd_config', safe: 'false' },
  { role: DEVSEC_SSH, variable: 'ssh_permit_root_login', weak: ['yes', 'true'], severity: 'high', effect: 'writes `PermitRootLogin yes` into sshd_config', safe: '"no"' },
  { role: DEVSEC_SSH, variable: 'ssh_permit_root_login', weak: ['without-password', 'prohibit-password'], severity: 'info', effect: 'writes a PermitRootLogin that still lets root log in with a key', safe: '"no"' },
  // The role keeps `UsePAM yes` (ssh_use_pam), so challenge-response is PAM's password prompt.
  { role: DEVSEC_SSH, variable: 'ssh_challengeresponseauthentication', weak: TRUE, severity: 'high', effect: 'writes `ChallengeResponseAuthentication yes` beside `UsePAM yes`, so PAM asks for the password', safe: 'false' },
  { role: DEVSEC_SSH, variable: 'ssh_pubkey_authentication', weak: FALSE, severity: 'high', effect: 'writes `PubkeyAuthentication no`, so only passwords are left to log in with', safe: 'true' },
  { role: DEVSEC_OS, variable: 'ufw_default_input_policy', weak: ['accept'], severity: 'medium', effect: 'writes `DEFAULT_INPUT_POLICY="ACCEPT"` into /etc/default/ufw, so ufw accepts every port no rule denies', safe: 'DROP' },
  { role: GEERLINGGUY, variable: 'security_ssh_password_authentication', weak: TRUE, severity: 'critical', effect: 'writes `PasswordAuthentication yes` into sshd_config', safe: '"no"' },
  { role: GEERLINGGUY, variable: 'security_ssh_permit_root_login', weak: ['yes', 'true'], severity: 'high', effect: 'writes `PermitRootLogin yes` into sshd_config', safe: '"no"' },
  { role: GEERLINGGUY, variable: 'security_ssh_permit_root_login', weak: ['without-password', 'prohibit-password'], severity: 'info', effect: 'writes a PermitRootLogin that still lets root log in with a key', safe: '"no"' },
  { role: GEERLINGGUY, variable: 'security_ssh_permit_empty_password', weak: TRUE, severity: 'critical', effect: 'writes `PermitEmptyPasswords yes` into sshd_config', safe: '"no"' },
  { role: GEERLINGGUY, variable: 'security_ssh_challenge_response_auth', weak: TRUE, severity: 'high', effect: 'writes `ChallengeResponseAuthentication yes` into sshd_config, a password prompt by another name', safe: '"no"' },
  { role: GEERLINGGUY, variable: 'security_autoupdate_enabled', weak: FALSE, severity: 'medium', effect: 'skips installing and configuring unattended security updates', safe: 'true' },
  { role: GEERLINGGUY, variable: 'security_fail2ban_enabled', weak: FALSE, severity: 'medium', effect: 'skips installing fail2ban, so nothing bans password sprayers', safe: 'true' },
];

const BY_NAME = new Map<string, RoleVariable[]>();
for (const v of ROLE_VARIABLES) BY_NAME.set(v.variable, [...(BY_NAME.get(v.variable) ?? []), v]);

/** The table entry a variable's value falls under, if that value weakens the role. */
export function weakRoleVariable(name: string, value: string): RoleVariable | undefined {
  const v = value.trim().toLowerCase();
  return BY_NAME.get(name)?.find((e) => e.weak.includes(v));
}
