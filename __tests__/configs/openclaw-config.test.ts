import { findingsOf } from '../helpers/openclaw.js';
import { TempRepo, cli } from '../helpers/repo.js';

const PLAIN = `{
  "gateway": {
    "bind": "lan",
    "auth": { "mode": "token", "token": "Zr8Kq2Lm5Nx7Vb3H" },
    "controlUi": { "allowedOrigins": ["*"] }
  },
  "logging": { "redactSensitive": "off" },
  "channels": { "discord": { "dmPolicy": "open", "allowFrom": ["*"] } }
}
`;

// The same config as a person writes JSON5: comments, trailing commas, unquoted keys, single quotes, CRLF.
const JSON5_TEXT = [
  '// gateway for the team bot',
  '{',
  '  gateway: {',
  "    bind: 'lan', /* containers need lan */",
  '    auth: { mode: "token", token: "Zr8Kq2Lm5Nx7Vb3H", },',
  '    controlUi: { allowedOrigins: ["*",], },',
  '  },',
  '  logging: { redactSensitive: "off" },',
  '  channels: { discord: { dmPolicy: "open", allowFrom: ["*"] } },',
  '}',
  '',
].join('\r\n');

const summary = (fs: Awaited<ReturnType<typeof findingsOf>>['findings']) => fs.map((f) => `${f.ruleId} ${f.severity} ${f.message}`).sort();

test('JSON5 with comments, trailing commas, unquoted keys and CRLF gives the same findings as plain JSON', async () => {
  const plain = await findingsOf({ 'openclaw.json': PLAIN });
  const json5 = await findingsOf({ 'openclaw.json': JSON5_TEXT });
  expect(plain.list).toContain('critical openclaw-control-ui-origins');
  expect(plain.list).toContain('high openclaw-inline-secret');
  expect(plain.list).toContain('medium openclaw-token-too-short');
  expect(summary(json5.findings)).toEqual(summary(plain.findings));
  // And each at its own place: the token on line 5 of the JSON5 file, column of its opening quote.
  const token = json5.findings.find((f) => f.ruleId === 'openclaw-inline-secret');
  expect([token?.line, token?.column]).toEqual([5, 35]);
});

test('a malformed config is one parse finding naming line and column', async () => {
  const { findings } = await findingsOf({ 'openclaw.json': '{\n  gateway: { bind: "lan", },\n  hooks: { enabled: true token: "x" },\n}\n' });
  expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['config-parse-error', 3, 26]]);
  expect(findings[0].message).toMatch(/^openclaw\.json: not valid JSON5: .+/);
  expect(findings[0].message).not.toContain('..');
});

test('an $include loop is one finding, and the rest of the config is still judged', async () => {
  const { findings } = await findingsOf({
    'cfg/openclaw.json': '{ $include: "./a.json5", logging: { redactSensitive: "off" } }',
    'cfg/a.json5': '{ discovery: { $include: "./b.json5" } }',
    'cfg/b.json5': '{ $include: "./a.json5" }',
  });
  const include = findings.filter((f) => f.ruleId === 'openclaw-include-error');
  expect(include.map((f) => [f.path, f.line, f.column])).toEqual([['cfg/b.json5', 1, 13]]);
  expect(include[0].message).toContain('cfg/openclaw.json -> cfg/a.json5 -> cfg/b.json5 -> cfg/a.json5');
  expect(findings.map((f) => f.ruleId)).toContain('openclaw-redact-off');
});

test('an include that escapes the config directory is one finding; a self-include too', async () => {
  const { findings } = await findingsOf({
    'home/.openclaw/openclaw.json': '{ $include: ["../../secrets.json5", "./openclaw.json"], tools: { exec: { security: "full" } } }',
    'secrets.json5': '{ gateway: { auth: { token: "should-not-be-read-0000000000" } } }',
  });
  expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.column}`).sort()).toEqual([
    'openclaw-exec-full home/.openclaw/openclaw.json:84',
    'openclaw-include-error home/.openclaw/openclaw.json:14',
    'openclaw-include-error home/.openclaw/openclaw.json:37',
  ]);
});

test('includes nested deeper than 10 levels stop with one finding', async () => {
  const files: Record<string, string> = { 'openclaw.json': '{ $include: "f1.json5" }' };
  for (let i = 1; i <= 12; i++) files[`f${i}.json5`] = i === 12 ? '{ logging: { redactSensitive: "off" } }' : `{ $include: "f${i + 1}.json5" }`;
  const { findings } = await findingsOf(files);
  expect(findings.map((f) => [f.ruleId, f.path])).toEqual([['openclaw-include-error', 'f10.json5']]);
});

test('findings land in the fragment that holds the value; sibling keys override the include', async () => {
  const { findings } = await findingsOf({
    'openclaw.json': '{\n  gateway: { $include: "./gateway.json5", bind: "loopback" },\n  models: { $include: "./models.json5" },\n}\n',
    'gateway.json5': '{ bind: "lan", auth: { mode: "token", token: "${OPENCLAW_GATEWAY_TOKEN}" } }',
    'models.json5': '{\n  providers: {\n    anthropic: { apiKey: "q8Zk2LmN4xVb7Hc9Tf4Wy6Pd1Gs0JaE" },\n  },\n}\n',
    // Not included by any config: never judged as OpenClaw's.
    'other/settings.json5': '{ gateway: { bind: "lan", auth: { mode: "none" } } }',
  });
  expect(findings.map((f) => [f.ruleId, f.path, f.line, f.column])).toEqual([['openclaw-inline-secret', 'models.json5', 3, 26]]);
});

test('legacy names are read too; references in the include path leave it unread, not wrong', async () => {
  for (const name of ['clawdbot.json', 'moltbot.json', 'moldbot.json']) {
    const { list } = await findingsOf({ [name]: '{ $include: "${OPENCLAW_EXTRA}", gateway: { tailscale: { mode: "funnel" } } }' });
    expect(list).toEqual(['critical openclaw-tailscale-funnel']);
  }
});

test('a bot token in the config is also the provider\'s secret finding, and never printed', async () => {
  // Built at run time so the sample never looks live to push protection.
  const token = ['7415826390', ':AA', 'Fq9Lx2Kd8Mv3Nw7Rb5Tc1Yh6Zp4Js0GeU'].join('');
  const repo = new TempRepo(false);
  try {
    repo.write('openclaw.json', `{\n  channels: { telegram: { botToken: "${token}" } },\n}\n`);
    const r = await cli('scan', repo.dir, '--format', 'json');
    expect(r.stdout + r.stderr).not.toContain(token);
    const ids = (JSON.parse(r.stdout) as { findings: { ruleId: string; line: number }[] }).findings.map((f) => `${f.ruleId}:${f.line}`);
    expect(ids).toEqual(expect.arrayContaining(['telegram-bot-token:2', 'openclaw-inline-secret:2']));
  } finally {
    repo.cleanup();
  }
});
