import type { Value } from './json5.js';
import type { Found } from './found.js';
import { channelScopes, get, itemsOf, str } from './model.js';
import { dmScopeShared, groupScopeMain } from './rules.js';

/**
 * Who shares a session with whom (OC:src/security/audit-channel.ts, audit-extra.sync.ts).
 * Only the committed allowFrom is visible here: senders approved by pairing at run time are
 * not, so a channel with one listed sender may still be shared; it is not reported.
 */
export function checkSessions(root: Value | undefined): Found[] {
  const out: Found[] = [];
  const dmScope = str(get(root, 'session', 'dmScope')) ?? 'main';
  if (dmScope === 'main') {
    for (const { name, value } of channelScopes(root)) {
      const policy = str(get(value, 'dmPolicy') ?? get(value, 'dm', 'policy')) ?? 'pairing';
      if (policy === 'disabled') continue;
      const allowNode = get(value, 'allowFrom') ?? get(value, 'dm', 'allowFrom');
      // The audit's isMultiUserDm: a "*" or more than one distinct sender (ids may be numbers).
      const entries = itemsOf(allowNode).map((v) => (v.kind === 'string' || v.kind === 'number' ? String(v.value).trim() : '')).filter(Boolean);
      const anyone = entries.includes('*');
      const senders = new Set(entries.filter((e) => e !== '*'));
      if (!anyone && senders.size < 2) continue;
      out.push({
        rule: dmScopeShared,
        at: (allowNode ?? get(value, 'dmPolicy') ?? value).at,
        message: `${name} takes direct messages from ${anyone ? 'anyone' : `${senders.size} senders`} and session.dmScope is ${get(root, 'session', 'dmScope') ? '"main"' : 'unset ("main")'}, so they all share one session.`,
        key: `dm scope main ${name}`,
      });
    }
  }
  const groupScope = get(root, 'session', 'groupScope');
  if (str(groupScope) === 'main' && groupScope) {
    out.push({ rule: groupScopeMain, at: groupScope.at, message: 'session.groupScope is "main": every group and channel room shares the main session.', key: 'group scope main' });
  }
  const earlier = new Set<string>();
  itemsOf(get(root, 'bindings')).forEach((b, i) => {
    const match = get(b, 'match');
    const key = matchKey(match);
    // Bindings are tried in order within a specificity: an earlier one with the same match wins
    // the room, so a later main scope never applies there (a broader earlier one does not shadow it).
    const shadowed = earlier.has(key);
    earlier.add(key);
    const scope = get(b, 'session', 'groupScope');
    // A binding for one direct peer has no room to share.
    if (shadowed || str(scope) !== 'main' || !scope || str(get(match, 'peer', 'kind')) === 'direct') return;
    const agent = str(get(b, 'agentId'));
    out.push({ rule: groupScopeMain, at: scope.at, message: `bindings[${i}]${agent ? ` (agent ${agent})` : ''} sets session.groupScope "main" for the rooms it matches (${describeMatch(match)}).`, key: `group scope main binding ${agent ?? i} ${describeMatch(match)}` });
  });
  return out;
}

/** What a binding matches, in a form where two bindings for the same room compare equal. */
function matchKey(match: Value | undefined): string {
  const kind = str(get(match, 'peer', 'kind'));
  // A group and a channel peer with one id are the same room to the router.
  const peerKind = kind === 'group' || kind === 'channel' ? 'room' : kind === 'dm' ? 'direct' : kind;
  const roles = itemsOf(get(match, 'roles')).map((r) => str(r) ?? '').sort();
  const field = (name: string) => str(get(match, name))?.trim().toLowerCase() ?? '';
  return JSON.stringify([field('channel'), field('accountId'), peerKind ?? '', str(get(match, 'peer', 'id')) ?? '', field('guildId'), field('teamId'), roles]);
}

function describeMatch(match: Value | undefined): string {
  const peer = get(match, 'peer');
  const roles = itemsOf(get(match, 'roles')).map((r) => str(r)).filter(Boolean);
  return [
    str(get(match, 'channel')) ?? 'any channel',
    str(get(match, 'accountId')) ? `accountId=${str(get(match, 'accountId'))}` : '',
    peer ? `peer=${str(get(peer, 'kind')) ?? '?'}:${str(get(peer, 'id')) ?? '?'}` : '',
    str(get(match, 'guildId')) ? `guild=${str(get(match, 'guildId'))}` : '',
    str(get(match, 'teamId')) ? `team=${str(get(match, 'teamId'))}` : '',
    roles.length ? `roles=${roles.join(',')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
