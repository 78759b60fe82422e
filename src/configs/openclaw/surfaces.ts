import type { Value } from './json5.js';
import type { Found } from './found.js';
import { bool, get, itemsOf, str } from './model.js';
import { exposed, gatewayPosture } from './gateway.js';
import { KNOWN_NODE_COMMANDS, suggestCommands } from './node-commands.js';
import { mcpAppsEnabled, nodeDangerousCommands, nodeDenyIneffective } from './rules.js';

/**
 * Node commands OpenClaw keeps off unless allowCommands names them
 * (DEFAULT_DANGEROUS_NODE_COMMANDS, OC:src/gateway/node-command-policy.ts).
 */
const DANGEROUS_NODE_COMMANDS = ['camera.snap', 'camera.clip', 'screen.record', 'contacts.add', 'calendar.add', 'reminders.add', 'sms.send'];

/** The audit's test for a deny entry that cannot be an exact command id (looksLikeNodeCommandPattern). */
function looksLikePattern(value: string): boolean {
  if (/[?*[\]{}(),|]/.test(value)) return true;
  if (value.startsWith('/') || value.endsWith('/') || value.startsWith('^') || value.endsWith('$')) return true;
  return /\s/.test(value) || value.includes('group:');
}

/**
 * gateway.nodes.deny_commands_ineffective: entries that look like patterns, and exact names no
 * platform knows (not a default, not dangerous, not in allowCommands), deny nothing. One finding
 * at the first such entry, naming all of them, as the audit does.
 */
function denyProblems(deny: Value[], allow: Value[]): Found | undefined {
  const known = new Set([...KNOWN_NODE_COMMANDS, ...allow.map((v) => str(v)?.trim() ?? '').filter(Boolean)]);
  const patterns: string[] = [];
  const unknown: string[] = [];
  let first: Value | undefined;
  for (const v of deny) {
    const name = str(v)?.trim() ?? '';
    if (!name) continue;
    const list = looksLikePattern(name) ? patterns : known.has(name) ? undefined : unknown;
    if (!list) continue;
    list.push(name);
    first ??= v;
  }
  if (!first) return undefined;
  const parts = [
    patterns.length ? `pattern-like entries exact matching never matches: ${patterns.map((p) => `"${p}"`).join(', ')}` : '',
    unknown.length ? `unknown command names (no platform default, not in allowCommands): ${unknown.map((u) => withSuggestion(u, known)).join(', ')}` : '',
  ].filter(Boolean);
  return { rule: nodeDenyIneffective, at: first.at, message: `The node deny list has ${parts.join('; ')}.`, key: `node deny ${[...patterns, ...unknown].join(',')}` };
}

function withSuggestion(name: string, known: ReadonlySet<string>): string {
  const near = suggestCommands(name, known);
  return `"${name}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`;
}

/** What the gateway opens beyond chat: commands on paired devices and MCP App pages. */
export function checkSurfaces(root: Value | undefined): Found[] {
  const out: Found[] = [];
  const nodes = get(root, 'gateway', 'nodes');
  // Newer gateways read gateway.nodes.commands.allow/deny (audit-extra.sync.ts @ 0116d869), older ones allowCommands/denyCommands.
  const allowList = [...itemsOf(get(nodes, 'allowCommands')), ...itemsOf(get(nodes, 'commands', 'allow'))];
  const denyList = [...itemsOf(get(nodes, 'denyCommands')), ...itemsOf(get(nodes, 'commands', 'deny'))];
  const deny = new Set(denyList.map((v) => str(v)?.trim() ?? ''));
  const allowed = allowList.filter((v) => DANGEROUS_NODE_COMMANDS.includes(str(v)?.trim() ?? '') && !deny.has(str(v)?.trim() ?? ''));
  if (allowed.length) {
    const open = exposed(gatewayPosture(root));
    out.push({
      rule: nodeDangerousCommands,
      at: allowed[0].at,
      severity: open ? 'critical' : 'medium',
      message: `${get(nodes, 'allowCommands') ? 'gateway.nodes.allowCommands' : 'gateway.nodes.commands.allow'} enables ${allowed.map((v) => str(v)).join(', ')}${open ? ' while the gateway is reachable beyond loopback' : ''}.`,
      key: `node allow ${allowed.map((v) => str(v)).join(',')}`,
    });
  }
  const denied = denyProblems(denyList, allowList);
  if (denied) out.push(denied);
  const apps = get(root, 'mcp', 'apps', 'enabled');
  if (bool(apps) === true && apps) out.push({ rule: mcpAppsEnabled, at: apps.at, message: 'mcp.apps.enabled is true.', key: 'mcp apps enabled' });
  return out;
}
