import type { Value } from '../openclaw/json5.js';
import type { Found } from '../openclaw/found.js';
import { get, membersOf } from '../openclaw/model.js';
import { checkServer } from './servers.js';

/** OpenClaw's own MCP servers, `mcp.servers.<name>` in the merged config: `${VAR}` and SecretRef are its references. */
export function checkOpenClawMcp(root: Value | undefined): Found[] {
  return membersOf(get(root, 'mcp', 'servers')).flatMap((s) => checkServer('openclaw', s.key, s.value, 'mcp.servers'));
}
