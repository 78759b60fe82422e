import { findingsOf } from '../helpers/openclaw.js';

/**
 * The fact sheet's test snippets (shared/AGENT-CONFIGS.md §5), each with the findings it is
 * marked with, in moltguard's rule ids (the mapping to the audit's check ids is in
 * docs/agent-configs.md). Where the sheet's mark leaves out a check its own table says fires
 * (S7 is exposed without origins or a rate limit), the expectation follows the table.
 */
type Row = [name: string, files: Record<string, string>, expected: string[]];

const SNIPPETS: Row[] = [
  ['S1 lan + auth none', { 'openclaw.json': '{ gateway: { mode: "local", bind: "lan", auth: { mode: "none" } } }' }, ['critical openclaw-control-ui-origins', 'critical openclaw-gateway-no-auth', 'medium openclaw-auth-rate-limit']],
  ['S2 loopback + env ref', { 'openclaw.json': '{ gateway: { bind: "loopback", auth: { mode: "token", token: "${OPENCLAW_GATEWAY_TOKEN}" } } }' }, []],
  ['S3 short placeholder token', { 'openclaw.json': '{ gateway: { auth: { mode: "token", token: "your-token-FAKE01" } } }' }, ['high openclaw-inline-secret', 'high openclaw-placeholder-secret', 'medium openclaw-token-too-short']],
  [
    'S5 auto + wildcard origins, SecretRef token',
    { 'openclaw.json': '{ gateway: { bind: "auto", auth: { token: { source: "env", provider: "default", id: "OPENCLAW_GATEWAY_TOKEN" } },\n  controlUi: { allowedOrigins: ["*"] } } }' },
    ['critical openclaw-control-ui-origins', 'medium openclaw-auth-rate-limit'],
  ],
  [
    'S6 hooks token reuse',
    { 'openclaw.json': '{ gateway: { auth: { mode: "token", token: "FAKE0000000000000000000000000000" } },\n  hooks: { enabled: true, token: "FAKE0000000000000000000000000000" } }' },
    ['critical openclaw-hooks-token-reuse', 'high openclaw-inline-secret', 'high openclaw-inline-secret', 'medium openclaw-hooks-policy', 'medium openclaw-hooks-policy'],
  ],
  [
    'S7 hooks on an exposed gateway',
    {
      'openclaw.json':
        '{ gateway: { bind: "lan", auth: { mode: "token", token: "${OPENCLAW_GATEWAY_TOKEN}" } },\n  hooks: { enabled: true, token: "${HOOKS_TOKEN}", path: "/", allowRequestSessionKey: true,\n           defaultSessionKey: "hook:ingress", allowedAgentIds: ["hooks"] } }',
    },
    ['critical openclaw-control-ui-origins', 'critical openclaw-hooks-policy', 'critical openclaw-hooks-policy', 'medium openclaw-auth-rate-limit'],
  ],
  [
    'S8 open telegram with full exec',
    { 'openclaw.json': '{ channels: { telegram: { dmPolicy: "open", allowFrom: ["123456789"], groupPolicy: "open" } },\n  tools: { exec: { security: "full", ask: "off" } } }' },
    // The sheet's "warn multi_user" is openclaw-multi-user; its open_groups_with_control_plane_tools is not decided (docs/agent-configs.md).
    ['critical openclaw-exec-full', 'critical openclaw-open-channel-tools', 'critical openclaw-open-channel-tools', 'critical openclaw-open-channel-tools', 'critical openclaw-open-dm-policy', 'high openclaw-open-group-policy', 'medium openclaw-multi-user'],
  ],
  [
    'S9 hardened baseline',
    { 'openclaw.json': '{ channels: { whatsapp: { dmPolicy: "pairing", groups: { "*": { requireMention: true } } } },\n  tools: { profile: "messaging", fs: { workspaceOnly: true }, exec: { security: "deny", ask: "always" }, elevated: { enabled: false } } }' },
    [],
  ],
  [
    'S10 sandbox binds, host network, unconfined',
    {
      'openclaw.json':
        '{ agents: { defaults: { sandbox: { mode: "all", docker: {\n  binds: ["/var/run/docker.sock:/var/run/docker.sock", "/etc:/host-etc:ro", "./src:/src"],\n  network: "host", seccompProfile: "unconfined" } } } } }',
    },
    ['critical openclaw-sandbox-bind-mount', 'critical openclaw-sandbox-bind-mount', 'critical openclaw-sandbox-network', 'critical openclaw-sandbox-unconfined', 'medium openclaw-sandbox-bind-mount'],
  ],
  [
    'S11 redaction off, mdns full, elevated wildcard, unsafe flag',
    {
      'openclaw.json':
        '{ logging: { redactSensitive: "off" }, discovery: { mdns: { mode: "full" } },\n  tools: { elevated: { allowFrom: { whatsapp: ["*"] } }, exec: { applyPatch: { workspaceOnly: false } } } }',
    },
    ['critical openclaw-elevated-wildcard', 'medium openclaw-dangerous-flag', 'medium openclaw-mdns-full', 'medium openclaw-redact-off'],
  ],
  [
    'S14 .mcp.json',
    {
      '.mcp.json':
        '{ "mcpServers": {\n  "gh":  { "command": "npx", "args": ["@example/gh", "--api-key", "FAKE-1"], "env": { "GH_TOKEN": "ghp_FAKEFAKEFAKE0000" } },\n  "api": { "type": "http", "url": "https://x.invalid/mcp", "headers": { "Authorization": "Bearer FAKE-2" } },\n  "ok":  { "type": "http", "url": "${BASE:-https://x.invalid}/mcp", "headers": { "Authorization": "Bearer ${API_KEY}" } } } }',
    },
    ['high mcp-inline-secret', 'high mcp-inline-secret', 'high mcp-inline-secret'],
  ],
  [
    'S15 .vscode/mcp.json',
    {
      '.vscode/mcp.json':
        '{ "inputs": [{ "type": "promptString", "id": "db-dsn", "description": "DSN", "password": true }],\n  "servers": {\n    "db":    { "command": "npx", "args": ["@example/db", "--dsn", "${input:db-dsn}"] },\n    "leaky": { "command": "npx", "args": ["@example/db", "--dsn", "postgres://fake:fakepw@db.invalid/app"] },\n    "wrong": { "command": "npx", "args": ["@example/x"], "env": { "X_TOKEN": "${X_TOKEN}" } } } }',
    },
    ['high mcp-inline-secret', 'medium mcp-foreign-reference'],
  ],
];

test.each(SNIPPETS)('%s gives exactly its marked findings', async (_name, files, expected) => {
  expect((await findingsOf(files)).list).toEqual([...expected].sort());
});
