import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import { configRule, type ConfigCheck } from '../rule.js';
import { entry, mapEntries, nodeSpan, parseYaml, scalarText, seqItems, type YamlFile } from '../formats/yaml.js';
import { isPlaceholder } from '../../secrets/placeholder.js';
import { judgeFirewall, FIREWALL_RULES, type FirewallRule } from '../firewall/model.js';
import { parsePorts, SERVICE_PORTS } from '../shared/ports.js';
import { hostFirewallOff } from '../shell/host-firewall.js';
import { scriptPassword } from '../shell/passwords.js';
import { checkFirewallRulesGateway } from '../openclaw/deploy-firewall.js';

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
  return /^\s*-?\s*hosts:/m.test(text) && /^\s*(tasks|roles|pre_tasks|post_tasks):/m.test(text);
}

const moduleName = (key: string) => key.replace(/^(ansible\.builtin|ansible\.legacy|community\.general|ansible\.posix)\./, '');
const WEAKENING = /^\s*(PasswordAuthentication|PermitRootLogin|PermitEmptyPasswords)\s+yes\b/im;

/** Ansible tasks read with the semantics of the modules that touch what the guide hardens. */
export const ansibleCheck: ConfigCheck = {
  name: 'ansible',
  rules: [taskPasswordAuth, hostFirewallOff, scriptPassword, ...FIREWALL_RULES],
  applies: isAnsibleYaml,
  check(_path, text, ctx) {
    // Ansible reads YAML 1.1 through PyYAML.
    const file = parseYaml(text, '1.1', { duplicateKeys: true });
    const out: Detection[] = [];
    const firewall: FirewallRule[] = [];
    const visit = (node: unknown, depth: number): void => {
      if (depth > 12) return;
      for (const item of seqItems(node)) visit(item, depth + 1);
      for (const e of mapEntries(node)) {
        const name = moduleName(e.key);
        if (name === 'lineinfile' || name === 'blockinfile') out.push(...sshdEdit(file, name, e.value));
        else if (name === 'ufw') ufwTask(file, e.value, out, firewall);
        else if (name === 'user') out.push(...userPassword(file, e.value));
        else if (e.value && typeof e.value === 'object') visit(e.value, depth + 1);
      }
    };
    for (const doc of file.docs) visit(doc.contents, 0);
    return [...out, ...judgeFirewall(firewall), ...checkFirewallRulesGateway(firewall, text, ctx)];
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

function ufwTask(file: YamlFile, args: Node | null, out: Detection[], firewall: FirewallRule[]): void {
  const state = entry(args, 'state');
  if (scalarText(state?.value) === 'disabled') {
    out.push(hostFirewallOff.at(nodeSpan(file, state!.value), { message: 'The ufw task sets `state: disabled`, which turns the host firewall off.', key: 'ansible ufw disabled' }));
    return;
  }
  if (scalarText(entry(args, 'rule')?.value) !== 'allow' || (scalarText(entry(args, 'direction')?.value) ?? 'in') !== 'in') return;
  const source = scalarText((entry(args, 'from_ip') ?? entry(args, 'from') ?? entry(args, 'src'))?.value) ?? 'any';
  const port = entry(args, 'port') ?? entry(args, 'to_port');
  const app = scalarText(entry(args, 'name')?.value);
  const portText = scalarText(port?.value) ?? (app ? String(SERVICE_PORTS.get(app.toLowerCase()) ?? '') : '');
  const ports = portText ? parsePorts(portText.replace(/:/g, '-')) : undefined;
  if (!ports) return;
  const at = nodeSpan(file, (port ?? entry(args, 'name'))!.value);
  firewall.push({ direction: 'in', protocol: scalarText(entry(args, 'proto')?.value) ?? 'tcp', ports, source: source === 'any' ? '0.0.0.0/0' : source, action: 'allow', portText, at, named: `The ufw task (port ${portText})`, origin: 'no from_ip', sourceField: 'from_ip' });
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
