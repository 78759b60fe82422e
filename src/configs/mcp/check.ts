import type { Detection } from '../../model/finding.js';
import type { ConfigCheck } from '../rule.js';
import { parseError } from '../parse-error.js';
import { aboutSecret } from '../shared/secret-values.js';
import { readJson5 } from '../openclaw/json5.js';
import { get, membersOf } from '../openclaw/model.js';
import { mcpClientOf } from './clients.js';
import { MCP_RULES } from './rules.js';
import { checkServer } from './servers.js';

/** MCP client config files: `.mcp.json`, `.vscode/mcp.json`, `.cursor/mcp.json`, Claude Desktop, Windsurf, Gemini CLI. */
export const mcpConfigCheck: ConfigCheck = {
  name: 'mcp-config',
  rules: MCP_RULES,
  applies: (path) => mcpClientOf(path) !== undefined,
  check(path, text) {
    const file = mcpClientOf(path);
    if (!file) return [];
    // These files are JSON (VS Code's JSONC); JSON5 reads both, with the same positions.
    const parsed = readJson5(path, text);
    if (!parsed.ok) return [parseError(path, parsed, `not valid JSON: ${parsed.message}`, 'json5')];
    const out: Detection[] = [];
    for (const s of membersOf(get(parsed.value, file.serversKey))) {
      for (const f of checkServer(file.client, s.key, s.value, file.serversKey)) {
        const d = f.rule.at(f.at, { message: f.message, key: f.key, ...(f.severity ? { severity: f.severity } : {}) });
        out.push(f.secret ? aboutSecret(d, f.secret) : d);
      }
    }
    return out;
  },
};
