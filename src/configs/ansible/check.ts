import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { configRule, type ConfigCheck } from '../rule.js';
import { entry, mapEntries, nodeSpan, parseYaml, scalarText, seqItems, type YamlFile } from '../formats/yaml.js';
import { isPlaceholder } from '../../secrets/placeholder.js';
import { judgeFirewall, type FirewallRule } from '../firewall/model.js';
import { SCRIPT_RULES } from '../shell/check.js';
import { scriptPassword } from '../shell/passwords.js';
import { checkFirewallRulesGateway } from '../openclaw/deploy-firewall.js';
import { firewallTask, FIREWALL_MODULES } from './firewall-modules.js';
import { addShellTask, emptyShellTasks, shellTaskDetections, SHELL_MODULES } from './shell-tasks.js';
import { visitTasks } from './tasks.js';
import { iniInventoryFindings, isIniInventory } from './ini-inventory.js';
import { isVariablesFile, roleHardeningOff, roleVariableFindings } from './variables.js';

const taskPasswordAuth = configRule({
  id: 'ansible-ssh-weakened',
  title: 'Ansible task turns SSH password or root login on',
  severity: 'critical',
  why: 'A lineinfile or blockinfile task that writes `PasswordAuthentication yes` or `PermitRootLogin yes` into sshd_config undoes the key-only login the guide sets up, on every host the play runs on.',
  fix: 'Make the task write `PasswordAuthentication no` / `PermitRootLogin no`, or delete it; log in with an Ed25519 key.',
});

/** A playbook, a role's tasks or handlers: YAML that Ansible runs. */
export function isAnsibleYaml(path: string, text: string): boolean {
  if (!/\.ya?ml$/i.test(path)) return false;
  if (/(^|\/)(tasks|handlers)\/[^/]+\.ya?ml$/.test(path)) return true;
  // `[ \t]`, not `\s`: with `m`, `^\s*` may start at every line and run over all the blank
  // lines after it (20,000 empty lines took longer than 10 s).
  return /^[ \t]*(?:-[ \t]*)?hosts:/m.test(text) && /^[ \t]*(tasks|roles|pre_tasks|post_tasks):/m.test(text);
}

const WEAKENING = /^[ \t]*(PasswordAuthentication|PermitRootLogin|PermitEmptyPasswords)[ \t]+yes\b/im;

/** Ansible tasks read with the semantics of the modules that touch what the guide hardens, and the variables of hardening roles. */
export const ansibleCheck: ConfigCheck = {
  name: 'ansible',
  rules: [taskPasswordAuth, roleHardeningOff, ...SCRIPT_RULES],
  applies: (path, text) => isAnsibleYaml(path, text) || isVariablesFile(path) || isIniInventory(path, text),
  check(path, text, ctx) {
    if (!isAnsibleYaml(path, text) && !isVariablesFile(path)) return iniInventoryFindings(text);
    // Ansible reads YAML 1.1 through PyYAML.
    const file = parseYaml(text, '1.1', { duplicateKeys: true });
    const lines = new LineIndex(text);
    if (!isAnsibleYaml(path, text)) return file.docs.flatMap((doc) => roleVariableFindings(file, lines, doc.contents as Node | null, path));
    const out: Detection[] = [];
    const firewall: FirewallRule[] = [];
    const shell = emptyShellTasks();
    // A play's `vars:`, for loops that name a list instead of spelling it out.
    const vars = new Map<string, Node | null>();
    for (const doc of file.docs) for (const play of seqItems(doc.contents)) for (const v of mapEntries(entry(play, 'vars')?.value)) vars.set(v.key, v.value);
    visitTasks(file, (name, e, task) => {
      if (name === 'lineinfile' || name === 'blockinfile') out.push(...sshdEdit(file, name, e.value));
      else if (FIREWALL_MODULES.has(name)) firewallTask(file, name, e.value, task, out, firewall, vars);
      else if (name === 'user') out.push(...userPassword(file, e.value));
      else if (SHELL_MODULES.has(name)) addShellTask(file, name, e.value, task, shell);
      // `set_fact` sets the same variables at run time, over what the inventory says.
      else if (name === 'vars' || name === 'set_fact') out.push(...roleVariableFindings(file, lines, e.value, path));
      // A `roles:` entry may pass the role's variables as its own keys (`- { role: x, var: 1 }`).
      else if (name === 'roles') for (const role of seqItems(e.value)) out.push(...roleVariableFindings(file, lines, role, path), ...roleVariableFindings(file, lines, entry(role, 'vars')?.value ?? null, path));
    });
    return [...out, ...judgeFirewall(firewall), ...checkFirewallRulesGateway(firewall, text, ctx), ...shellTaskDetections(path, text, shell, ctx)];
  },
};

function sshdEdit(file: YamlFile, module: string, args: Node | null): Detection[] {
  const target = scalarText(entry(args, 'path')?.value ?? entry(args, 'dest')?.value) ?? '';
  if (!/sshd_config/.test(target)) return [];
  const field = entry(args, module === 'lineinfile' ? 'line' : 'block');
  const m = WEAKENING.exec(scalarText(field?.value) ?? '');
  if (!field || !m) return [];
  return [taskPasswordAuth.at(nodeSpan(file, field.value), { message: `${module} writes \`${m[1]} yes\` into ${target}.`, ...(/^PermitRootLogin$/i.test(m[1]) ? { severity: 'high' as const } : {}), key: `${module} ${m[1].toLowerCase()} yes` })];
}

function userPassword(file: YamlFile, args: Node | null): Detection[] {
  const password = entry(args, 'password');
  const value = scalarText(password?.value);
  // `{{ vault_pw | password_hash('sha512') }}` comes from a vault; a literal (or literal hash) is in the repository.
  // `*` and `!…` lock the account: no password can match them.
  if (!password || !value || value.includes('{{') || /^[*!]/.test(value) || isPlaceholder(value)) return [];
  const user = scalarText(entry(args, 'name')?.value) ?? 'an account';
  return [scriptPassword.at(nodeSpan(file, password.value), { message: `The user task sets a password${/^\$\w+\$/.test(value) ? ' hash' : ''} for ${user} that the playbook spells out.`, key: `ansible user password ${user}`, mask: [value] })];
}
