/**
 * Which client reads an MCP config file, where its servers sit, and which reference syntax it
 * expands (sources in docs/agent-configs.md). A reference in any other syntax arrives literally.
 */
export type Client = 'claude-code' | 'claude-desktop' | 'vscode' | 'cursor' | 'windsurf' | 'gemini' | 'codex' | 'openclaw';

export interface ClientFile {
  client: Client;
  /** The top-level key that holds the servers. */
  serversKey: string;
}

export function mcpClientOf(path: string): ClientFile | undefined {
  const p = `/${path}`;
  if (/\/\.vscode\/mcp\.json$/i.test(p) || /\/Code\/User\/mcp\.json$/.test(p)) return { client: 'vscode', serversKey: 'servers' };
  // ~/.cursor/mcp.json as dotfile and config-sync repositories commit it (dot_cursor/, cursor/).
  if (/\/(?:\.|dot_)?cursor\/mcp\.json$/i.test(p)) return { client: 'cursor', serversKey: 'mcpServers' };
  if (/\/windsurf\/mcp_config\.json$/i.test(p)) return { client: 'windsurf', serversKey: 'mcpServers' };
  if (/\/\.gemini\/settings\.json$/i.test(p)) return { client: 'gemini', serversKey: 'mcpServers' };
  if (/\/claude_desktop_config\.json$/i.test(p)) return { client: 'claude-desktop', serversKey: 'mcpServers' };
  if (/\/\.mcp\.json$/i.test(p)) return { client: 'claude-code', serversKey: 'mcpServers' };
  // ~/.codex/config.toml as dotfile repositories commit it: .codex/, codex/, chezmoi's dot_codex/.
  if (/\/(?:\.|dot_)?codex\/config\.toml$/i.test(p)) return { client: 'codex', serversKey: 'mcp_servers' };
  return undefined;
}

// VS Code's predefined variables (code.visualstudio.com/docs/reference/variables-reference) and Cursor's.
const EDITOR_VARIABLE = /^\$\{(?:env:[A-Za-z_][A-Za-z0-9_]*|input:[\w.-]+|workspaceFolder(?:Basename)?|workspaceFolder:[\w.-]+|userHome|pathSeparator|\/|cwd|file\w*|relativeFile\w*|execPath|defaultBuildTask|lineNumber|selectedText|config:[\w.-]+|command:[\w.-]+)\}$/;
const POSIX_BRACED = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;
const POSIX_BARE = /^\$[A-Za-z_][A-Za-z0-9_]*$/;

/** Every reference-looking token in a string: `${…}` and bare `$NAME` (not OpenClaw's `$${…}` escape). */
export function referencesIn(s: string): string[] {
  return [...s.matchAll(/(?<!\$)\$\{[^{}]*\}|(?<![$\w])\$[A-Z_][A-Z0-9_]*/g)].map((m) => m[0]);
}

/** Whether this client expands the reference `ref` (one token from referencesIn). */
export function expands(client: Client, ref: string): boolean {
  switch (client) {
    case 'claude-code':
    case 'openclaw':
      // Claude Code never expands a bare $VAR (docs/agent-configs.md, tested behaviour).
      return POSIX_BRACED.test(ref);
    case 'gemini':
      return POSIX_BRACED.test(ref) || POSIX_BARE.test(ref);
    case 'vscode':
    case 'cursor':
    case 'windsurf':
      return EDITOR_VARIABLE.test(ref);
    case 'claude-desktop':
    // Codex reads env, http_headers and args as written (codex-rs/config/src/mcp_types.rs):
    // a variable is named in env_vars, bearer_token_env_var or env_http_headers instead.
    case 'codex':
      return false;
  }
}

/** How to write an env reference for this client, for messages. */
export function referenceSyntax(client: Client): string {
  switch (client) {
    case 'claude-code':
    case 'openclaw':
      return '${VAR}';
    case 'gemini':
      return '$VAR or ${VAR}';
    case 'vscode':
      return '${env:VAR} or ${input:id}';
    case 'cursor':
    case 'windsurf':
      return '${env:VAR}';
    case 'claude-desktop':
      return 'none: Claude Desktop expands no references, keep the value out of the file';
    case 'codex':
      return 'none: name the variable in env_vars, bearer_token_env_var or env_http_headers';
  }
}
