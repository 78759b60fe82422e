import type { Detection } from '../../model/finding.js';
import type { ConfigCheck } from '../rule.js';
import { parseError } from '../parse-error.js';
import { aboutSecret } from '../shared/secret-values.js';
import { readJson5 } from '../openclaw/json5.js';
import { readToml } from '../formats/toml.js';
import { get, membersOf } from '../openclaw/model.js';
import { mcpClientOf } from './clients.js';
import { MCP_RULES } from './rules.js';
import { checkServer } from './servers.js';
import { checkCodexServer } from './codex.js';

/** MCP client config files: `.mcp.json`, `.vscode/mcp.json`, `.cursor/mcp.json`, Claude Desktop, Windsurf, Gemini CLI, Codex's config.toml. */
export const mcpConfigCheck: ConfigCheck = {
  name: 'mcp-config',
  rules: MCP_RULES,
  applies: (path) => mcpClientOf(path) !== undefined,
  check(path, text) {
    const file = mcpClientOf(path);
    if (!file) return [];
    const codex = file.client === 'codex';
    // The JSON files are JSON or VS Code's JSONC; JSON5 reads both, with the same positions.
    const parsed = codex ? readToml(path, text) : readJson5(path, text);
    if (!parsed.ok) return [parseError(path, parsed, `not valid ${codex ? 'TOML' : 'JSON'}: ${parsed.message}`, codex ? 'toml' : 'json5')];
    const out: Detection[] = [];
    for (const s of membersOf(get(parsed.value, file.serversKey))) {
      const found = codex ? checkCodexServer(s.key, s.value) : checkServer(file.client, s.key, s.value, file.serversKey);
      for (const f of found) {
        const d = f.rule.at(f.at, { message: f.message, key: f.key, ...(f.severity ? { severity: f.severity } : {}), ...(f.remediation ? { remediation: f.remediation } : {}) });
        out.push(f.secret ? aboutSecret(d, f.secret) : d);
      }
    }
    return out;
  },
};
