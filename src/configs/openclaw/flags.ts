import type { Severity } from '../../model/finding.js';
import type { Member, Value } from './json5.js';
import type { Found } from './found.js';
import { bool, get, itemsOf, membersOf, str } from './model.js';
import { dangerousFlag } from './rules.js';

/**
 * The settings OpenClaw's audit lists as dangerous (OC:docs/gateway/security/network-exposure.md):
 * every `dangerously*` key set to true, wherever it sits, plus the unsafe switches not named so.
 */
const NAMED_SEVERITY: Record<string, Severity> = {
  dangerouslyDisableDeviceAuth: 'critical',
  dangerouslyAllowNameMatching: 'info',
  dangerouslyAllowReservedContainerTargets: 'high',
  dangerouslyAllowExternalBindSources: 'high',
  dangerouslyAllowContainerNamespaceJoin: 'high',
};

export function checkFlags(root: Value | undefined, offLoopback: boolean): Found[] {
  const out: Found[] = [];
  walk(root, '', (m, path) => {
    if (!/^dangerously/.test(m.key) || bool(m.value) !== true) return;
    const severity = m.key === 'dangerouslyAllowHostHeaderOriginFallback' && offLoopback ? 'critical' : (NAMED_SEVERITY[m.key] ?? 'medium');
    out.push({ rule: dangerousFlag, at: m.value.at, severity, message: `${path} is true.`, key: `flag ${path}` });
  });
  const flag = (v: Value | undefined, path: string, message: string) => {
    if (v) out.push({ rule: dangerousFlag, at: v.at, message: `${path} ${message}.`, key: `flag ${path}` });
  };
  const insecure = get(root, 'gateway', 'controlUi', 'allowInsecureAuth');
  if (bool(insecure) === true) flag(insecure, 'gateway.controlUi.allowInsecureAuth', 'is true (auth over plain HTTP)');
  const gmail = get(root, 'hooks', 'gmail', 'allowUnsafeExternalContent');
  if (bool(gmail) === true) flag(gmail, 'hooks.gmail.allowUnsafeExternalContent', 'is true (mail content reaches the agent unwrapped)');
  itemsOf(get(root, 'hooks', 'mappings')).forEach((m, i) => {
    const v = get(m, 'allowUnsafeExternalContent');
    if (bool(v) === true) flag(v, `hooks.mappings[${i}].allowUnsafeExternalContent`, 'is true');
  });
  const patch = get(root, 'tools', 'exec', 'applyPatch', 'workspaceOnly');
  if (bool(patch) === false) flag(patch, 'tools.exec.applyPatch.workspaceOnly', 'is false (patches may write outside the workspace)');
  const acpx = get(root, 'plugins', 'entries', 'acpx', 'config', 'permissionMode');
  if (str(acpx) === 'approve-all') flag(acpx, 'plugins.entries.acpx.config.permissionMode', 'is "approve-all"');
  const suppressions = get(root, 'security', 'audit', 'suppressions');
  if (suppressions && (itemsOf(suppressions).length || membersOf(suppressions).length)) flag(suppressions, 'security.audit.suppressions', 'hides findings of the security audit');
  return out;
}

function walk(v: Value | undefined, path: string, visit: (m: Member, path: string) => void): void {
  if (v?.kind === 'array') v.items.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  for (const m of membersOf(v)) {
    const p = path ? `${path}.${m.key}` : m.key;
    visit(m, p);
    walk(m.value, p, visit);
  }
}
