import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import { baseName, configRule, type ConfigCheck, type ConfigContext } from '../rule.js';
import { yamlProblem } from '../parse-error.js';
import { serviceUserSudo } from '../sudoers/check.js';
import { sshKeyWeak } from '../ssh-keys/check.js';
import { findPublicKeys, keyWeakness } from '../keys/ssh-public-keys.js';
import { entry, isFalsy, isTruthy, nodeSpan, parseYaml, position, scalarText, seqItems, sourceOf, type YamlFile } from '../formats/yaml.js';
import { serviceUsers } from './service-users.js';
import { readScript } from '../shell/script.js';
import { checkSshdEdits } from '../shell/sshd-edits.js';

const sshPassword = configRule({
  id: 'cloud-init-ssh-password',
  title: 'cloud-init turns on SSH password login',
  severity: 'critical',
  why: 'The hosting images ship with SSH password login off; cloud-init re-enabling it lets anyone on the internet guess their way in. The guide allows SSH keys only.',
  fix: 'Set `ssh_pwauth: false` and remove any runcmd/write_files line that writes `PasswordAuthentication yes`.',
});
const rootLogin = configRule({
  id: 'cloud-init-root-login',
  title: 'cloud-init allows root SSH login',
  severity: 'high',
  why: 'disable_root: false keeps root reachable over SSH, so one stolen key is full control; the guide logs in as a non-root user.',
  fix: 'Set `disable_root: true` (the cloud-init default), remove any runcmd line that writes `PermitRootLogin yes`, and log in as your own user.',
});

/** `cloud-init.yml`, `user-data`, `cloud-config.yaml`, or any file that starts with `#cloud-config`. */
export function isCloudConfig(path: string, text: string): boolean {
  if (text.startsWith('#cloud-config')) return true;
  const name = baseName(path);
  // user-data may be a shell script or a jinja template instead of YAML.
  if (text.startsWith('#!') || text.startsWith('## template')) return false;
  return /^(cloud-init|cloud-config)[\w.-]*\.ya?ml$/i.test(name) || /^user-data([.-][\w.-]*)?$/i.test(name);
}

export const cloudInitCheck: ConfigCheck = {
  name: 'cloud-init',
  rules: [sshPassword, rootLogin, serviceUserSudo, sshKeyWeak],
  applies: isCloudConfig,
  check(path, text, ctx) {
    // cloud-init reads YAML with PyYAML: YAML 1.1 (`yes` and `on` are true), last repeated key wins.
    const file = parseYaml(text, '1.1', { duplicateKeys: true });
    // Only clean documents are checked: most cloud-init checks are about what is missing, which a broken document cannot say.
    const out: Detection[] = file.problems.map((p) => yamlProblem(path, p));
    for (const doc of file.docs) out.push(...checkConfig(file, doc.contents, ctx));
    return out;
  },
};

function checkConfig(file: YamlFile, root: unknown, ctx: ConfigContext): Detection[] {
  const out: Detection[] = [];
  const pwauth = entry(root, 'ssh_pwauth');
  if (pwauth && isTruthy(pwauth.value)) {
    const at = nodeSpan(file, pwauth.keyNode);
    out.push(
      sshPassword.at(at, {
        message: `ssh_pwauth: ${scalarText(pwauth.value)} makes cloud-init set PasswordAuthentication yes in sshd at first boot.`,
        key: 'ssh_pwauth true',
        fix: { line: at.line, replacement: `${' '.repeat(at.column - 1)}ssh_pwauth: false` },
      }),
    );
  }
  const disableRoot = entry(root, 'disable_root');
  if (disableRoot && isFalsy(disableRoot.value)) {
    const at = nodeSpan(file, disableRoot.keyNode);
    out.push(
      rootLogin.at(at, {
        message: `disable_root: ${scalarText(disableRoot.value)} leaves root's authorized keys usable over SSH.`,
        key: 'disable_root false',
        fix: { line: at.line, replacement: `${' '.repeat(at.column - 1)}disable_root: true` },
      }),
    );
  }
  out.push(...keyFindings(file, entry(root, 'ssh_authorized_keys')?.value, 'ssh_authorized_keys'));
  const users = serviceUsers(ctx);
  for (const user of seqItems(entry(root, 'users')?.value)) {
    const name = scalarText(entry(user, 'name')?.value);
    if (!name) continue;
    out.push(...keyFindings(file, entry(user, 'ssh_authorized_keys')?.value, `user ${name}`));
    if (users.has(name)) out.push(...sudoFindings(file, name, user));
  }
  for (const section of ['runcmd', 'bootcmd']) {
    for (const item of seqItems(entry(root, section)?.value)) out.push(...commandEdits(file, item, section));
  }
  // write_files bodies are read by the check of their path (embedded/).
  return out;
}

/** `sudo: ALL=(ALL) NOPASSWD:ALL` (string or list) or membership of sudo/wheel for the service user. */
function sudoFindings(file: YamlFile, name: string, user: Node): Detection[] {
  const out: Detection[] = [];
  const sudo = entry(user, 'sudo');
  const rules = [sudo?.value, ...seqItems(sudo?.value)].map(scalarText).filter((r): r is string => r !== undefined);
  const all = rules.find((r) => /\)\s*(NOPASSWD:\s*)?ALL\s*$|^ALL\s*$/i.test(r.trim()));
  if (sudo && all) {
    const nopasswd = /NOPASSWD/i.test(all);
    out.push(
      serviceUserSudo.at(nodeSpan(file, sudo.keyNode), {
        message: `cloud-init gives the service user ${name} \`${all}\`: it may run ALL commands as root${nopasswd ? ' with NOPASSWD, so no password stands between the service and root' : ''}.`,
        key: `cloud-init sudo ${name} ALL${nopasswd ? ' NOPASSWD' : ''}`,
      }),
    );
  }
  const groups = entry(user, 'groups');
  const list = [groups?.value, ...seqItems(groups?.value)].map(scalarText).filter((g): g is string => g !== undefined).flatMap((g) => g.split(','));
  const admin = list.map((g) => g.trim()).find((g) => /^(sudo|wheel|admin)$/.test(g));
  if (groups && admin) {
    out.push(serviceUserSudo.at(nodeSpan(file, groups.keyNode), { message: `cloud-init puts the service user ${name} in the ${admin} group, which may run any command as root.`, key: `cloud-init group ${name} ${admin}` }));
  }
  return out;
}

function keyFindings(file: YamlFile, keys: Node | null | undefined, owner: string): Detection[] {
  const out: Detection[] = [];
  for (const item of [keys, ...seqItems(keys)]) {
    if (!item || scalarText(item) === undefined) continue;
    const src = sourceOf(file, item);
    for (const key of findPublicKeys(src.text)) {
      const weak = keyWeakness(key);
      if (!weak) continue;
      const at = position(file, src.offset + key.index);
      // The authorized_keys check owns this rule: one id for one practice.
      out.push(sshKeyWeak.at({ line: at.line, column: at.column, endColumn: at.column + key.type.length }, { message: `cloud-init installs for ${owner} an ${weak.message}`, severity: weak.severity, key: `weak ${key.type} ${key.blob}` }));
    }
  }
  return out;
}

/**
 * A runcmd/bootcmd entry read as the shell command it is, by the same lexer and sed reader
 * as provisioning scripts: `sed 's/…/\\1 yes/'`, `echo … >> sshd_config` and PermitRootLogin
 * are caught, a mention of the words elsewhere (`echo "… yes is bad" > NOTES`) is not.
 */
function commandEdits(file: YamlFile, item: Node, section: string): Detection[] {
  const value = scalarText(item);
  // The list form is an argv cloud-init runs without a shell: quoted back into one command line.
  const text = value ?? seqItems(item).map(scalarText).filter((w): w is string => w !== undefined).map(shellQuote).join(' ');
  if (!text) return [];
  const script = readScript(section, text);
  const src = sourceOf(file, item);
  // A plain one-line scalar is its own source: findings land on the exact text. Otherwise on the entry.
  const exact = value !== undefined && src.text === value;
  return checkSshdEdits(script, { password: sshPassword, root: rootLogin }).map(({ fix: _fix, ...d }) => {
    if (!exact) return { ...d, ...nodeSpan(file, item) };
    const start = position(file, src.offset + script.lines.offset(d.line, d.column));
    return { ...d, line: start.line, column: start.column, endLine: start.line, endColumn: start.column + Math.max(1, d.endColumn - d.column) };
  });
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
