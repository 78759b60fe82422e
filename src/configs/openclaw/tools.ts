import type { Place, Value } from './json5.js';
import type { Found } from './found.js';
import { agentScopes, bool, channelScopes, get, itemsOf, membersOf, str } from './model.js';
import { elevatedWildcard, execFull, openChannelTools, openDmPolicy, openGroupPolicy } from './rules.js';

/** Profiles that leave out the runtime (exec, process) and file tools. */
const NO_RUNTIME_PROFILES = new Set(['messaging', 'minimal']);

interface OpenPolicy {
  name: string;
  at: Place;
}

/** Channels and tools as the audit reads them (OC:src/security/audit-channel.ts, audit-extra.sync.ts). */
export function checkTools(root: Value | undefined): Found[] {
  const out: Found[] = [];
  const open: OpenPolicy[] = [];
  for (const { name, value } of channelScopes(root)) {
    const dm = get(value, 'dmPolicy') ?? get(value, 'dm', 'policy');
    if (str(dm) === 'open' && dm) {
      const anyone = itemsOf(get(value, 'allowFrom') ?? get(value, 'dm', 'allowFrom')).some((v) => str(v) === '*');
      open.push({ name: `${name} dmPolicy`, at: dm.at });
      out.push({
        rule: openDmPolicy,
        at: dm.at,
        message: `${name} has dmPolicy "open"${anyone ? '' : ' (and allowFrom lacks the "*" that "open" requires, so the program rejects or misreads this channel)'}.`,
        key: `dm open ${name}`,
      });
    }
    const group = get(value, 'groupPolicy');
    if (str(group) === 'open' && group) {
      open.push({ name: `${name} groupPolicy`, at: group.at });
      out.push({ rule: openGroupPolicy, at: group.at, message: `${name} has groupPolicy "open".`, key: `group open ${name}` });
    }
  }
  const defaultGroup = get(root, 'channels', 'defaults', 'groupPolicy');
  if (str(defaultGroup) === 'open' && defaultGroup) {
    open.push({ name: 'channels.defaults groupPolicy', at: defaultGroup.at });
    out.push({ rule: openGroupPolicy, at: defaultGroup.at, message: 'channels.defaults.groupPolicy is "open" (every channel without its own groupPolicy).', key: 'group open defaults' });
  }

  // Exec at any scope; unset counts as "deny", as in the audit.
  const execScopes = [{ name: 'tools.exec', v: get(root, 'tools', 'exec') }, ...agentScopes(root).map((a) => ({ name: `${a.name}.tools.exec`, v: get(a.value, 'tools', 'exec') }))];
  const execs = execScopes.flatMap((s) => {
    const sec = get(s.v, 'security');
    return str(sec) && sec ? [{ name: s.name, security: str(sec) as string, at: sec.at }] : [];
  });
  const first = open[0];
  for (const e of execs.filter((x) => x.security === 'full')) {
    out.push({
      rule: execFull,
      at: e.at,
      severity: first ? 'critical' : 'medium',
      message: `${e.name}.security is "full"${first ? ` while ${first.name} is "open"` : ''}.`,
      key: `exec full ${e.name}`,
    });
  }
  if (!first) {
    out.push(...elevatedWildcards(root));
    return out;
  }

  const openName = `${first.name} is "open"${open.length > 1 ? ` (and ${open.length - 1} more open polic${open.length > 2 ? 'ies' : 'y'})` : ''}`;
  const execOn = execs.filter((x) => x.security !== 'deny');
  if (execOn.length) {
    const full = execOn.find((x) => x.security === 'full');
    out.push({
      rule: openChannelTools,
      at: first.at,
      severity: full ? 'critical' : 'medium',
      message: `${openName} and ${(full ?? execOn[0]).name}.security is "${(full ?? execOn[0]).security}": strangers reach the shell.`,
      key: 'open channels exec',
      related: [{ at: (full ?? execOn[0]).at, message: 'exec security' }],
    });
  }
  const elevated = get(root, 'tools', 'elevated', 'enabled');
  if (bool(elevated) !== false) {
    out.push({
      rule: openChannelTools,
      at: first.at,
      message: `${openName} and tools.elevated.enabled is ${elevated ? 'not false' : 'unset (elevated tools are on by default)'}.`,
      key: 'open channels elevated',
    });
  }
  const profile = str(get(root, 'tools', 'profile'));
  if (!profile || !NO_RUNTIME_PROFILES.has(profile)) {
    const sandboxAll = agentScopes(root).some((a) => a.name === 'agents.defaults' && str(get(a.value, 'sandbox', 'mode')) === 'all');
    const fsConfined = bool(get(root, 'tools', 'fs', 'workspaceOnly')) === true;
    if (!sandboxAll || !fsConfined) {
      out.push({
        rule: openChannelTools,
        at: first.at,
        severity: sandboxAll ? 'medium' : 'critical',
        message: `${openName} and tools.profile is ${profile ? `"${profile}"` : 'unset'}, so ${sandboxAll ? 'file tools reach beyond the workspace (tools.fs.workspaceOnly is not true)' : 'runtime and file tools run without sandbox mode "all"'}.`,
        key: 'open channels runtime',
      });
    }
  }
  out.push(...elevatedWildcards(root));
  return out;
}

function elevatedWildcards(root: Value | undefined): Found[] {
  const elevated = get(root, 'tools', 'elevated');
  if (bool(get(elevated, 'enabled')) === false) return [];
  const out: Found[] = [];
  for (const ch of membersOf(get(elevated, 'allowFrom'))) {
    const star = itemsOf(ch.value).find((v) => str(v) === '*');
    if (star) out.push({ rule: elevatedWildcard, at: star.at, message: `tools.elevated.allowFrom.${ch.key} contains "*".`, key: `elevated wildcard ${ch.key}` });
  }
  return out;
}
