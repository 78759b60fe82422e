import type { Place, Value } from './json5.js';
import type { Found } from './found.js';
import { get, itemsOf, membersOf, str } from './model.js';
import { multiUser } from './rules.js';

/**
 * security.trust_model.multi_user_heuristic (OC:src/security/audit-extra.sync.ts @ 0116d869,
 * listPotentialMultiUserSignals): every channel, and every account merged over its channel
 * (account keys win), is a signal when its groupPolicy is "open", or "allowlist" with group
 * targets (a non-empty groups/guilds/channels/rooms object), its dmPolicy or legacy dm.policy
 * is "open", or allowFrom, groupAllowFrom or dm.allowFrom holds "*". Any signal is one warning.
 * A policy left unset is not a signal, even with targets: the audit reads only what is written.
 */
export function checkMultiUser(root: Value | undefined): Found[] {
  const signals: { text: string; at: Place }[] = [];
  for (const ch of membersOf(get(root, 'channels'))) {
    if (ch.value.kind !== 'object') continue;
    signals.push(...signalsOf((k) => get(ch.value, k), `channels.${ch.key}`, ch.value.at));
    for (const acc of membersOf(get(ch.value, 'accounts'))) {
      if (acc.value.kind !== 'object') continue;
      const own = (k: string) => get(acc.value, k);
      signals.push(...signalsOf((k) => own(k) ?? get(ch.value, k), `channels.${ch.key}.accounts.${acc.key}`, acc.value.at));
    }
  }
  // The same text can come from a channel and, inherited, from its account: both are listed, as the audit does.
  if (!signals.length) return [];
  return [
    {
      rule: multiUser,
      at: signals[0].at,
      message: `Signals that several people may reach this gateway: ${signals.map((s) => s.text).join('; ')}.`,
      key: `multi user ${signals.map((s) => s.text).join(',')}`,
    },
  ];
}

function signalsOf(field: (key: string) => Value | undefined, path: string, fallback: Place): { text: string; at: Place }[] {
  const out: { text: string; at: Place }[] = [];
  const add = (text: string, v: Value | undefined) => out.push({ text: `${path}.${text}`, at: v?.at ?? fallback });
  const groupPolicy = field('groupPolicy');
  if (str(groupPolicy) === 'open') add('groupPolicy "open"', groupPolicy);
  else if (str(groupPolicy) === 'allowlist') {
    const target = ['groups', 'guilds', 'channels', 'rooms'].map(field).find((v) => v?.kind === 'object' && v.members.length > 0);
    if (target) add('groupPolicy "allowlist" with configured group targets', groupPolicy);
  }
  const dmPolicy = field('dmPolicy');
  if (str(dmPolicy) === 'open') add('dmPolicy "open"', dmPolicy);
  for (const key of ['allowFrom', 'groupAllowFrom']) {
    const list = field(key);
    if (hasWildcard(list)) add(`${key} includes "*"`, list);
  }
  const dm = field('dm');
  if (str(get(dm, 'policy')) === 'open') add('dm.policy "open"', get(dm, 'policy'));
  if (hasWildcard(get(dm, 'allowFrom'))) add('dm.allowFrom includes "*"', get(dm, 'allowFrom'));
  return out;
}

function hasWildcard(list: Value | undefined): boolean {
  return itemsOf(list).some((v) => (v.kind === 'string' || v.kind === 'number') && String(v.value).trim() === '*');
}
