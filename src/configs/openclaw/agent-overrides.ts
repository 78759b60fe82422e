import type { Value } from './json5.js';
import type { Found } from './found.js';
import { agentScopes, get, str } from './model.js';
import { execHostSandboxOff, profileMinimalOverridden } from './rules.js';

/**
 * What an agent's own settings undo of the global ones (OC:src/security/audit.ts,
 * audit-extra.sync.ts): exec pointed at a sandbox that is off, and a minimal tool profile an
 * agent widens. The audit reads agents.list[]; newer configs keep agents under agents.entries,
 * read here too.
 */
export function checkAgentOverrides(root: Value | undefined): Found[] {
  const out: Found[] = [];
  const defaultsMode = str(get(root, 'agents', 'defaults', 'sandbox', 'mode')) ?? 'off';
  const globalHost = get(root, 'tools', 'exec', 'host');
  // Only an explicit "sandbox": unset resolves by version (auto or sandbox), and the audit skips it.
  if (str(globalHost) === 'sandbox' && globalHost && defaultsMode === 'off') {
    out.push({
      rule: execHostSandboxOff,
      at: globalHost.at,
      message: `tools.exec.host is "sandbox" while agents.defaults.sandbox.mode is ${str(get(root, 'agents', 'defaults', 'sandbox', 'mode')) ? '"off"' : 'unset ("off")'}.`,
      key: 'exec host sandbox defaults',
    });
  }
  const globalProfile = str(get(root, 'tools', 'profile'));
  for (const agent of agentScopes(root).filter((a) => a.name !== 'agents.defaults')) {
    const host = get(agent.value, 'tools', 'exec', 'host');
    const mode = str(get(agent.value, 'sandbox', 'mode')) ?? defaultsMode;
    if (str(host) === 'sandbox' && host && mode === 'off') {
      out.push({ rule: execHostSandboxOff, at: host.at, message: `${agent.name}.tools.exec.host is "sandbox" while its sandbox mode is "off".`, key: `exec host sandbox ${agent.name}` });
    }
    const profile = get(agent.value, 'tools', 'profile');
    if (globalProfile === 'minimal' && profile && str(profile) && str(profile) !== 'minimal') {
      out.push({ rule: profileMinimalOverridden, at: profile.at, message: `tools.profile is "minimal" but ${agent.name}.tools.profile is "${str(profile)}", which wins for that agent.`, key: `profile minimal ${agent.name}` });
    }
  }
  return out;
}
