import type { Value } from './json5.js';
import type { Found } from './found.js';
import { bool, get, itemsOf, str } from './model.js';
import { exposed, gatewayPosture } from './gateway.js';
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

/** What the gateway opens beyond chat: commands on paired devices and MCP App pages. */
export function checkSurfaces(root: Value | undefined): Found[] {
  const out: Found[] = [];
  const nodes = get(root, 'gateway', 'nodes');
  const deny = new Set(itemsOf(get(nodes, 'denyCommands')).map((v) => str(v)?.trim() ?? ''));
  const allowed = itemsOf(get(nodes, 'allowCommands')).filter((v) => DANGEROUS_NODE_COMMANDS.includes(str(v)?.trim() ?? '') && !deny.has(str(v)?.trim() ?? ''));
  if (allowed.length) {
    const open = exposed(gatewayPosture(root));
    out.push({
      rule: nodeDangerousCommands,
      at: allowed[0].at,
      severity: open ? 'critical' : 'medium',
      message: `gateway.nodes.allowCommands enables ${allowed.map((v) => str(v)).join(', ')}${open ? ' while the gateway is reachable beyond loopback' : ''}.`,
      key: `node allow ${allowed.map((v) => str(v)).join(',')}`,
    });
  }
  const patterns = itemsOf(get(nodes, 'denyCommands')).filter((v) => looksLikePattern(str(v)?.trim() ?? ''));
  if (patterns.length) {
    out.push({
      rule: nodeDenyIneffective,
      at: patterns[0].at,
      message: `gateway.nodes.denyCommands has ${patterns.map((v) => `"${str(v)}"`).join(', ')}, which exact matching never matches.`,
      key: `node deny ${patterns.map((v) => str(v)).join(',')}`,
    });
  }
  const apps = get(root, 'mcp', 'apps', 'enabled');
  if (bool(apps) === true && apps) out.push({ rule: mcpAppsEnabled, at: apps.at, message: 'mcp.apps.enabled is true.', key: 'mcp apps enabled' });
  return out;
}
