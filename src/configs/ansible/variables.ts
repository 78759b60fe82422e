import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import type { LineIndex } from '../../model/line-index.js';
import { baseName, configRule } from '../rule.js';
import { mapEntries, nodeSpan, scalarText, type YamlFile } from '../formats/yaml.js';
import { weakRoleVariable } from './role-variables.js';

export const roleHardeningOff = configRule({
  id: 'ansible-role-hardening-off',
  title: "Ansible variable switches a hardening role's protection off",
  severity: 'high',
  why: "A hardening role applies the guide's settings unless a variable says otherwise; this one makes the role itself undo key-only SSH, the firewall or automatic updates on every host the play reaches.",
  fix: "Set the variable back to the role's default, or delete it.",
});

/**
 * Inventory and role variable files: `group_vars/` and `host_vars/` (YAML, or no extension,
 * as Ansible reads `group_vars/all`), and a role's or a playbook folder's `vars/` and `defaults/`.
 */
export function isVariablesFile(path: string): boolean {
  // By folder names: a regex of `(.+\/)?[^/]+$` reads a long path once per slash in it.
  if (path.split('/').slice(0, -1).some((dir) => dir === 'group_vars' || dir === 'host_vars')) return /\.ya?ml$/i.test(path) || !baseName(path).includes('.');
  return /(^|\/)(vars|defaults)\/[^/]+\.ya?ml$/i.test(path);
}

const TEST_PLAY = /(^|\/)(molecule|tests?)\//;

/**
 * The role variables a mapping sets (a vars file, a play's `vars:`, a `roles:` entry's
 * parameters) that weaken a known hardening role. A value with Jinja is left alone: what it
 * renders is decided elsewhere.
 */
export function roleVariableFindings(file: YamlFile, lines: LineIndex, vars: Node | null, path: string): Detection[] {
  const out: Detection[] = [];
  // A Molecule scenario or a role's tests/ playbook exercises the role's options on a throwaway host.
  const inTest = TEST_PLAY.test(path);
  for (const e of mapEntries(vars)) {
    const value = scalarText(e.value);
    const weak = value === undefined ? undefined : weakRoleVariable(e.key, value);
    if (!weak || !e.value) continue;
    const lowered = inTest && weak.severity !== 'info';
    const [start, end] = e.value.range ?? [0, 0];
    const fix = lines.replaceSpan(start, end, weak.safe);
    out.push(
      roleHardeningOff.at(nodeSpan(file, e.value), {
        message: `With \`${e.key}: ${value}\`, ${weak.role} ${weak.effect}${lowered ? ' (in a test play, so lowered to low: copied into an inventory it is as bad as ever)' : ''}.`,
        severity: lowered ? 'low' : weak.severity,
        key: `role variable ${e.key} ${value!.toLowerCase()}`,
        remediation: `Set \`${e.key}: ${weak.safe}\` (the ${weak.role} default), or delete the line.`,
        ...(fix ? { fix } : {}),
      }),
    );
  }
  return out;
}
