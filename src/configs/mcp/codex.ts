import type { Value } from '../formats/tree.js';
import type { Found } from '../openclaw/found.js';
import { get, str } from '../openclaw/model.js';
import { isStandIn } from '../shared/secret-values.js';
import { mcpInlineSecret } from './rules.js';
import { checkServer } from './servers.js';

/**
 * One `[mcp_servers.<name>]` of Codex's config.toml: the checks every client gets, and
 * `bearer_token`, a key Codex still parses only to refuse it for either transport
 * (codex-rs/config/src/mcp_types.rs): the literal is committed and the whole file fails to load.
 */
export function checkCodexServer(name: string, v: Value): Found[] {
  const out: Found[] = checkServer('codex', name, v, 'mcp_servers');
  const token = get(v, 'bearer_token');
  const value = str(token);
  if (token && value !== undefined && !isStandIn(value)) {
    out.push({
      rule: mcpInlineSecret,
      at: token.at,
      message: `MCP server mcp_servers.${name} has a literal credential in bearer_token, which Codex refuses (so it stops loading this config) and which is now public with the repository; Codex reads the token from the variable named in bearer_token_env_var.`,
      key: `mcp mcp_servers.${name} bearer_token`,
      secret: value,
    });
  }
  return out.map((f) => (f.rule === mcpInlineSecret ? { ...f, remediation: CODEX_FIX } : f));
}

const CODEX_FIX =
  'Rotate the key, then take it out of config.toml: a stdio server inherits the variables listed in env_vars, an HTTP server reads its token from the variable named in bearer_token_env_var and its headers from env_http_headers; keep the values in the environment.';
