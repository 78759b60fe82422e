import { findingsOf } from '../helpers/openclaw.js';

/** Codex's `[mcp_servers.<name>]` in config.toml, read with positions into the same MCP checks as `.mcp.json`. */

const at = (fs: Awaited<ReturnType<typeof findingsOf>>['findings']) => fs.map((f) => `${f.ruleId} ${f.path}:${f.line}:${f.column}`);

const SUBTABLES = `[mcp_servers.db]
command = "uvx"
args = ["mcp-server-postgres", "postgresql://agent:Hv7Qp2Lx9Kd4@db.internal:5432/app"]

[mcp_servers.db.env]
PG_API_TOKEN = "Nm3Xq8Lv1Rp6Kc2Wz9Tb4Hd7Js5Gf0Ya"
`;

test('sub-tables, inline tables and dotted keys give the same findings, each at its own line and column', async () => {
  const inline = `[mcp_servers.db]
command = "uvx"
args = ["mcp-server-postgres", "postgresql://agent:Hv7Qp2Lx9Kd4@db.internal:5432/app"]
env = { PG_API_TOKEN = "Nm3Xq8Lv1Rp6Kc2Wz9Tb4Hd7Js5Gf0Ya" }
`;
  const dotted = `mcp_servers.db.command = "uvx"
mcp_servers.db.args = ["mcp-server-postgres", "postgresql://agent:Hv7Qp2Lx9Kd4@db.internal:5432/app"]
mcp_servers.db.env.PG_API_TOKEN = "Nm3Xq8Lv1Rp6Kc2Wz9Tb4Hd7Js5Gf0Ya"
`;
  expect(at((await findingsOf({ '.codex/config.toml': SUBTABLES })).findings)).toEqual(['mcp-inline-secret .codex/config.toml:3:32', 'mcp-inline-secret .codex/config.toml:6:16']);
  expect(at((await findingsOf({ '.codex/config.toml': inline })).findings)).toEqual(['mcp-inline-secret .codex/config.toml:3:32', 'mcp-inline-secret .codex/config.toml:4:24']);
  expect(at((await findingsOf({ '.codex/config.toml': dotted })).findings)).toEqual(['mcp-inline-secret .codex/config.toml:2:47', 'mcp-inline-secret .codex/config.toml:3:35']);
});

test('CRLF and a BOM change nothing; quoted server names are read as names', async () => {
  const crlf = '\uFEFF' + SUBTABLES.replace(/\n/g, '\r\n').replace('[mcp_servers.db]', '[mcp_servers."db.main"]').replace('[mcp_servers.db.env]', '[mcp_servers."db.main".env]');
  const { findings } = await findingsOf({ 'codex/config.toml': crlf });
  expect(at(findings)).toEqual(['mcp-inline-secret codex/config.toml:3:32', 'mcp-inline-secret codex/config.toml:6:16']);
  expect(findings[0].message).toContain('mcp_servers.db.main ');
});

test('the findings say how Codex takes secrets, and never print one', async () => {
  const { findings } = await findingsOf({ '.codex/config.toml': SUBTABLES });
  for (const f of findings) {
    expect(f.remediation).toContain('env_vars');
    expect(JSON.stringify(f)).not.toContain('Nm3Xq8Lv1Rp6Kc2Wz9Tb4Hd7Js5Gf0Ya');
    expect(JSON.stringify(f)).not.toContain('Hv7Qp2Lx9Kd4');
  }
});

test('a TOML syntax error is one parse finding at its line and column; a duplicate key too', async () => {
  const broken = await findingsOf({ '.codex/config.toml': '[mcp_servers.x]\ncommand = "npx\n' });
  expect(at(broken.findings)).toEqual(['config-parse-error .codex/config.toml:2:15']);
  const dup = await findingsOf({ '.codex/config.toml': '[mcp_servers.x]\ncommand = "a"\ncommand = "b"\n' });
  expect(at(dup.findings)).toEqual(['config-parse-error .codex/config.toml:3:1']);
});

test('only config.toml under a codex folder is read as Codex; other TOML is not', async () => {
  const { list } = await findingsOf({ 'config.toml': SUBTABLES, 'app/codex.toml': SUBTABLES, 'pyproject.toml': '[tool.x]\n' });
  expect(list).toEqual([]);
});

test('dotfile and config-sync copies of ~/.codex and ~/.cursor are read as those clients', async () => {
  const cursor = '{ "mcpServers": { "gh": { "command": "gh-mcp", "env": { "GH_TOKEN": "${GH_TOKEN}" } } } }\n';
  const { findings } = await findingsOf({ 'dot_codex/config.toml': SUBTABLES, 'agents/cursor/mcp.json': cursor, 'dot_cursor/mcp.json': cursor.replace('${GH_TOKEN}', '${env:GH_TOKEN}') });
  expect(at(findings).sort()).toEqual(['mcp-foreign-reference agents/cursor/mcp.json:1:69', 'mcp-inline-secret dot_codex/config.toml:3:32', 'mcp-inline-secret dot_codex/config.toml:6:16']);
});
