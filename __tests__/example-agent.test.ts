import { cli } from './helpers/repo.js';

/**
 * The agent demo (examples/insecure-agent): every planted OpenClaw, MCP and deploy mistake at
 * its file, line and column in all four formats, none of its fake secrets ever printed; and its
 * fixed twin scans clean.
 */
const EXAMPLE = 'examples/insecure-agent';

const EXPECTED: [string, string, number, number][] = [
  ['openclaw-open-channel-tools', 'config/channels.json5', 4, 17],
  ['openclaw-open-dm-policy', 'config/channels.json5', 4, 17],
  ['openclaw-control-ui-origins', 'config/openclaw.json', 7, 35],
  ['openclaw-exec-full', 'config/openclaw.json', 11, 23],
  ['openclaw-docker-socket', 'docker-compose.yml', 10, 9],
  ['mcp-inline-secret', '.codex/config.toml', 6, 16],
  ['generic-api-key-assignment', '.codex/config.toml', 6, 17],
  ['env-file-secret', '.env', 1, 1],
  ['mcp-inline-secret', '.mcp.json', 6, 48],
  ['generic-api-key-assignment', '.mcp.json', 6, 49],
  ['openclaw-inline-secret', 'config/channels.json5', 6, 17],
  ['telegram-bot-token', 'config/channels.json5', 6, 18],
  ['mcp-foreign-reference', '.codex/config.toml', 10, 24],
  ['openclaw-multi-user', 'config/channels.json5', 4, 17],
  ['openclaw-dm-scope-shared', 'config/channels.json5', 5, 18],
  ['openclaw-auth-rate-limit', 'config/openclaw.json', 5, 11],
  ['openclaw-gateway-published', 'docker-compose.yml', 12, 9],
  ['mcp-unpinned-package', '.mcp.json', 5, 22],
];

// The demo's fake credentials, as written in its files.
const FAKE_SECRETS = ['Vb8Nq3Lk7Xz2Mw5Rt9Hc4Jp6Df1Gs0Ya', '8351947260:AAGk4Rz8Wq2Lm7Nx3Vc9Tb5Yh1Pd6Js0KeF', 'Gh7Lq2Wm9Xn4Bv8Kc3Rz6Tp1Yd5Hs0Jf', 'Tq5Wn8Lx3Rb7Kd2Mz9Vc4Hp6Jy1Gs0Fa'];

async function run(format: string) {
  const r = await cli('scan', EXAMPLE, '--format', format);
  expect(r.code).toBe(1);
  for (const s of FAKE_SECRETS) {
    expect(r.stdout).not.toContain(s);
    expect(r.stderr).not.toContain(s);
  }
  return r.stdout;
}

type Row = { ruleId: string; path: string; line: number; column: number; message: string; remediation: string; snippet: string; preview: string };

test('json: every planted problem, most severe first, at its line and column, no secret in any field', async () => {
  const report = JSON.parse(await run('json'));
  expect(report.findings.map((f: Row) => [f.ruleId, f.path, f.line, f.column])).toEqual(EXPECTED);
  for (const f of report.findings as Row[]) {
    expect(f.message.length).toBeGreaterThan(30);
    expect(f.remediation.length).toBeGreaterThan(20);
  }
});

test('sarif: the same results as physical locations', async () => {
  const sarif = JSON.parse(await run('sarif'));
  const results = sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
    const loc = r.locations[0].physicalLocation;
    return [r.ruleId, decodeURI(loc.artifactLocation.uri), loc.region.startLine, loc.region.startColumn];
  });
  expect(results).toEqual(EXPECTED);
});

test('github: one workflow command per finding', async () => {
  const lines = (await run('github')).trim().split('\n');
  expect(
    lines.map((l) => {
      const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),.*title=moltguard [a-z]+%3A ([a-z0-9-]+)::/.exec(l);
      return m ? [m[5], m[2], Number(m[3]), Number(m[4])] : l;
    }),
  ).toEqual(EXPECTED);
});

test('text: the summary counts every finding', async () => {
  expect(await run('text')).toMatch(/moltguard: 18 findings \(5 critical, 7 high, 5 medium, 1 low\)/);
});

test('the fixed twin scans clean', async () => {
  const r = await cli('scan', 'examples/insecure-agent-fixed', '--format', 'json');
  expect(JSON.parse(r.stdout).findings).toEqual([]);
  expect(r.code).toBe(0);
});
