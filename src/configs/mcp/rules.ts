import { configRule } from '../rule.js';

export const mcpInlineSecret = configRule({
  id: 'mcp-inline-secret',
  title: 'Secret written into an MCP server config',
  severity: 'high',
  why: 'MCP config files are meant to be committed and shared (.mcp.json, .vscode/mcp.json): a key in env, headers, args or a URL is public with the repository, and the server runs with it on every machine.',
  fix: "Rotate the key, then reference it in the client's own syntax (\"${VAR}\" in .mcp.json, \"${env:VAR}\" or an ${input:…} prompt in VS Code and Cursor) and keep the value in the environment.",
});

export const mcpForeignReference = configRule({
  id: 'mcp-foreign-reference',
  title: "MCP reference in another client's syntax",
  severity: 'medium',
  why: 'Each client expands only its own reference syntax: written the way another client expects, the reference reaches the server as literal text, so the server runs without its key (and a real key pasted in its place would be committed).',
  fix: 'Write the reference the way this client expands it (see docs/agent-configs.md), or set the variable in the env block from the environment.',
});

export const mcpUnpinnedPackage = configRule({
  id: 'mcp-unpinned-package',
  title: 'MCP server runs whatever version is published',
  severity: 'low',
  why: 'npx -y (or @latest) downloads and runs the newest release of the package at every start, with the agent\'s keys in its environment: one compromised release runs on every machine that uses this config.',
  fix: 'Pin the package to an exact version (npx -y @scope/server@1.2.3), or install it and point command at the installed binary.',
});

export const MCP_RULES = [mcpInlineSecret, mcpForeignReference, mcpUnpinnedPackage] as const;
