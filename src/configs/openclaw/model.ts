import type { Member, Place, Value } from './json5.js';

/**
 * Reading the merged config the way the program does: a duplicate key keeps its last value
 * (JSON5.parse), `${VAR}` in a string is a reference filled in at load, and a SecretRef
 * object names where the secret lives instead of holding it.
 */

/** The member `key` of an object (the last one, as JSON5.parse keeps). */
export function memberOf(v: Value | undefined, key: string): Member | undefined {
  if (v?.kind !== 'object') return undefined;
  for (let i = v.members.length - 1; i >= 0; i--) if (v.members[i].key === key) return v.members[i];
  return undefined;
}

/** The value at a dotted key path (`get(root, 'gateway', 'auth', 'token')`). */
export function get(v: Value | undefined, ...keys: string[]): Value | undefined {
  let cur = v;
  for (const k of keys) cur = memberOf(cur, k)?.value;
  return cur;
}

/** An object's members with duplicates resolved (last wins), in first-seen order. */
export function membersOf(v: Value | undefined): Member[] {
  if (v?.kind !== 'object') return [];
  const byKey = new Map<string, Member>();
  for (const m of v.members) {
    byKey.delete(m.key);
    byKey.set(m.key, m);
  }
  return [...byKey.values()];
}

export function itemsOf(v: Value | undefined): Value[] {
  return v?.kind === 'array' ? v.items : [];
}

export function str(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

export function bool(v: Value | undefined): boolean | undefined {
  return v?.kind === 'boolean' ? v.value : undefined;
}

/** `${NAME}` or `${NAME:-fallback}` not escaped as `$${NAME}`: substituted from the environment at load. */
export function hasEnvReference(s: string): boolean {
  return /(?:^|[^$])\$\{[A-Z_][A-Z0-9_]*(?::-[^{}]*)?\}/.test(s);
}

const SECRET_SOURCES = new Set(['env', 'file', 'exec', 'store']);

/** `{source: "env", provider: "default", id: "OPENCLAW_GATEWAY_TOKEN"}`. */
export function isSecretRef(v: Value | undefined): boolean {
  const source = str(get(v, 'source'));
  return source !== undefined && SECRET_SOURCES.has(source) && str(get(v, 'id')) !== undefined;
}

/** How a secret-holding key is filled: a literal in the file, a reference, or nothing. */
export type SecretForm = { kind: 'literal'; value: string; at: Place } | { kind: 'reference'; text: string; at: Place } | { kind: 'absent' };

export function secretForm(v: Value | undefined): SecretForm {
  if (v === undefined || v.kind === 'null') return { kind: 'absent' };
  if (isSecretRef(v)) return { kind: 'reference', text: `${str(get(v, 'source'))}:${str(get(v, 'id'))}`, at: v.at };
  if (v.kind !== 'string') return { kind: 'absent' };
  if (v.value.trim() === '') return { kind: 'absent' };
  if (hasEnvReference(v.value)) return { kind: 'reference', text: v.value, at: v.at };
  return { kind: 'literal', value: v.value, at: v.at };
}

/** Every agent scope: `agents.defaults`, `agents.list[]` (older) and `agents.entries.*` (newer). */
export function agentScopes(root: Value | undefined): { name: string; value: Value }[] {
  const agents = get(root, 'agents');
  const out: { name: string; value: Value }[] = [];
  const defaults = get(agents, 'defaults');
  if (defaults) out.push({ name: 'agents.defaults', value: defaults });
  itemsOf(get(agents, 'list')).forEach((a, i) => out.push({ name: `agents.list[${i}]${str(get(a, 'id')) ? ` (${str(get(a, 'id'))})` : ''}`, value: a }));
  for (const m of membersOf(get(agents, 'entries'))) out.push({ name: `agents.entries.${m.key}`, value: m.value });
  return out;
}

/** Every channel and channel account (`channels.telegram`, `channels.slack.accounts.work`). */
export function channelScopes(root: Value | undefined): { name: string; value: Value }[] {
  const out: { name: string; value: Value }[] = [];
  for (const ch of membersOf(get(root, 'channels'))) {
    if (ch.key === 'defaults' || ch.value.kind !== 'object') continue;
    out.push({ name: `channels.${ch.key}`, value: ch.value });
    for (const acc of membersOf(get(ch.value, 'accounts'))) {
      if (acc.value.kind === 'object') out.push({ name: `channels.${ch.key}.accounts.${acc.key}`, value: acc.value });
    }
  }
  return out;
}
