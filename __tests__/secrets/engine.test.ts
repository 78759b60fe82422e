import { SecretEngine } from '../../src/secrets/engine.js';
import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { findAssignments, normalizeKey, unquotedIsLiteral } from '../../src/secrets/assignment.js';
import { inContext } from '../../src/secrets/context.js';
import { redactLine, redactSecret } from '../../src/model/redact.js';
import { makeFinding } from '../../src/model/finding.js';
import { expandSample } from '../../src/secrets/samples.js';
import { fake } from '../helpers/fakes.js';

const engine = new SecretEngine(loadBuiltinRules().rules);
const ids = (text: string, where?: string) => engine.scan(text, where).map((d) => d.ruleId);

describe('overlaps', () => {
  test('a secret with a known prefix is reported once, by the most specific rule', () => {
    const anthropic = expandSample('sk-ant-api03-{{token:93}}AA', 'x');
    expect(ids(`ANTHROPIC_API_KEY=${anthropic}\n`)).toEqual(['anthropic-api-key']);
    expect(ids(`OPENAI_API_KEY=${fake.openai()}\n`)).toEqual(['openai-api-key']);
    expect(ids(`ACME_API_KEY=${fake.mbd()}\n`)).toEqual(['moltbotden-live-api-key']);
  });

  test('two secrets on one line are two findings, in order', () => {
    const found = engine.scan(`a=${fake.mbd('1')} b=${fake.telegram('2')}`);
    expect(found.map((d) => [d.ruleId, d.column])).toEqual([
      ['moltbotden-live-api-key', 3],
      ['telegram-bot-token', 3 + fake.mbd('1').length + 3],
    ]);
  });

  test('a keyword hit deep inside a long minified line costs a window, not the line', () => {
    const filler = 'x=1;'.repeat(500_000);
    const key = fake.mbd('long');
    const found = engine.scan(`${filler}k="${key}";${filler}`);
    expect(found).toHaveLength(1);
    expect(found[0].column).toBe(filler.length + 4);
    expect(found[0].secret).toBe(key);
  });
});

describe('generic rules read name = value structure', () => {
  test.each([
    ['KEY=value', 'KEY', 'value'],
    ['export TOKEN="a b"', 'TOKEN', 'a b'],
    ['  "client_secret": "abc",', 'client_secret', 'abc'],
    ["api_key = 'x1'", 'api_key', 'x1'],
    ['ENV AUTH_TOKEN "tok"', 'AUTH_TOKEN', 'tok'],
    ['headers["X-Api-Key"] = "h"', 'X-Api-Key', 'h'],
    ['token := "go"', 'token', 'go'],
    ['Client(api_key="py", timeout=3)', 'api_key', 'py'],
    ['DEPLOY_TOKEN ?= mk', 'DEPLOY_TOKEN', 'mk'],
    ["private $api_secret = 'php';", 'api_secret', 'php'],
    ['$ApiKey = "ps"', 'ApiKey', 'ps'],
    ['    val apiToken: String = "kt"', 'apiToken', 'kt'],
    ["  private readonly apiKey: string = 'ts';", 'apiKey', 'ts'],
    ['const FALLBACK_KEY: &str = "rs";', 'FALLBACK_KEY', 'rs'],
  ])('%s', (line, key, value) => {
    expect(findAssignments(line, true)).toContainEqual(expect.objectContaining({ key, value }));
  });

  test('unquoted values are literals only in config formats; expressions are never values', () => {
    expect(findAssignments('token = make_token()', false)).toEqual([]);
    expect(findAssignments('password = self.password', true)).toEqual([]);
    // A YAML value that is itself an assignment is not a type annotation.
    expect(findAssignments('run: API_TOKEN=abc ./deploy.sh', true).map((a) => [a.key, a.value])).toEqual([['run', 'API_TOKEN=abc']]);
    expect(['.env.production', 'deploy/mysql/.my.cnf', 'Makefile', 'app.ini'].map(unquotedIsLiteral)).toEqual([true, true, true, true]);
    expect(['src/pay.py', 'web/src/client.ts'].map(unquotedIsLiteral)).toEqual([false, false]);
  });

  test('names normalize across conventions', () => {
    expect(['apiKey', 'API_KEY', 'api-key', 'api.key'].map(normalizeKey)).toEqual(['api_key', 'api_key', 'api_key', 'api_key']);
  });

  test('a random value under a secret name is found in code, config and JSON alike', () => {
    const value = expandSample('{{alnum:32}}', 'g');
    expect(ids(`const stripeSecret = "${value}";`, 'src/pay.ts')).toEqual(['generic-api-key-assignment']);
    expect(ids(`STRIPE_SECRET=${value}`, '.env')).toEqual(['generic-api-key-assignment']);
    expect(ids(`{"auth_token": "${value}"}`, 'config.json')).toEqual(['generic-api-key-assignment']);
    // In code an unquoted value is an expression.
    expect(ids(`stripe_secret = ${value}`, 'src/pay.py')).toEqual([]);
  });
});

describe('context', () => {
  const generic = engine.scan(`API_SECRET=${expandSample('{{alnum:32}}', 'ctx')}`)[0];
  const provider = engine.scan(`K=${fake.mbd('ctx')}`)[0];

  test('lock files and bundles drop generic findings but keep provider keys', () => {
    expect(inContext(generic, 'package-lock.json')).toBeUndefined();
    expect(inContext(generic, 'web/app.min.js')).toBeUndefined();
    expect(inContext(provider, 'package-lock.json')).toMatchObject({ severity: 'high', confidence: 'low' });
  });

  test('a token failing its checksum is low where it stands, and dropped in fixtures and bundles', () => {
    const madeUp = engine.scan(`GITHUB_TOKEN=${expandSample('ghp_{{alnum:36}}', 'lookalike')}\n`)[0];
    expect(madeUp).toMatchObject({ ruleId: 'github-token-checksum-fails', severity: 'low', lookalike: true });
    expect(inContext(madeUp, 'README.md')).toMatchObject({ severity: 'low', confidence: 'low' });
    expect(inContext(madeUp, 'deploy/agent.env')).toBe(madeUp);
    expect(inContext(madeUp, 'web/src/__mocks__/handlers.ts')).toBeUndefined();
    expect(inContext(madeUp, 'web/dist/app.js')).toBeUndefined();
    const real = engine.scan(`GITHUB_TOKEN=${expandSample('{{crc:ghp_:30}}', 'lookalike')}\n`)[0];
    expect(inContext(real, 'web/src/__mocks__/handlers.ts')).toMatchObject({ ruleId: 'github-pat', severity: 'medium' });
  });

  test("a rule's demo value is reported low, saying it is a demo password without naming it", () => {
    const [d] = engine.scan('Server=db1;Port=5432;User Id=app;Password=secret;Database=app;\n', 'app/settings.cs');
    expect(d).toMatchObject({ ruleId: 'ado-net-connection-string-password', severity: 'low' });
    expect(d.message).toMatch(/demo password/);
    expect(d.message).not.toMatch(/\bsecret\b/);
    // Elsewhere the word stays a placeholder.
    expect(ids('DB_PASSWORD=secret\n', 'deploy/app.env')).toEqual([]);
  });

  test('lowering stops at low and never raises an info finding', () => {
    const low = inContext({ ...provider, severity: 'low' }, 'tests/k.env')!;
    expect(low.severity).toBe('low');
    expect(low.message).toMatch(/Lower confidence: found in a test fixture path\.$/);
    const info = inContext({ ...provider, severity: 'info' }, 'tests/k.env')!;
    expect(info.severity).toBe('info');
    expect(info.message).not.toMatch(/instead of/);
    expect(inContext({ ...provider, severity: 'medium' }, 'tests/k.env')!.severity).toBe('low');
  });

  test('fixtures, docs and examples lower severity one step and say why', () => {
    const d = inContext(provider, 'tests/fixtures/agent.env')!;
    expect(d.severity).toBe('high');
    expect(d.message).toMatch(/Lower confidence: found in a test fixture path, so severity is high instead of critical/);
    expect(inContext(provider, 'docs/setup.md')!.message).toMatch(/in documentation/);
    expect(inContext(provider, 'deploy/.env.example')!.message).toMatch(/in an example file/);
    expect(inContext(provider, 'botocore/data/iam/2010-05-08/examples-1.json')!.message).toMatch(/in an example file/);
    expect(inContext(provider, 'agent/config.py')).toBe(provider);
    // A test file named for what it tests, or named test.js (npm's `url` package ships one).
    expect(['url/test.js', 'src/url.test.ts', 'spec.rb'].map((p) => inContext(provider, p)!.confidence)).toEqual(['low', 'low', 'low']);
    expect(inContext(provider, 'src/latest.js')).toBe(provider);
    expect(inContext(provider, 'test.cfg')).toBe(provider);
  });
});

describe('a private key in a test fixture path', () => {
  // Built at run time, so this file holds no key-shaped literal of its own.
  const pem = (kind: string) => `-----BEGIN ${kind}PRIVATE KEY-----\n${expandSample('{{b64:64}}\n{{b64:64}}\n{{b64:40}}', 'fixture-key')}\n-----END ${kind}PRIVATE KEY-----\n`;

  test('is lowered two steps, saying it is most likely a pair made for the test', () => {
    const [key] = engine.scan(pem('RSA '), 'test/integration/targets/setup_tls/files/server_key.pem');
    const d = inContext(key, 'test/integration/targets/setup_tls/files/server_key.pem')!;
    expect([d.ruleId, d.severity]).toEqual(['pem-rsa-private-key', 'medium']);
    expect(d.message).toMatch(/found in a test fixture path, where a private key is nearly always a throwaway pair made for the test .*so severity is medium instead of critical; if it is a real credential, treat it as critical/);
  });

  test('keeps critical outside tests, and a provider token in a test is lowered one step only', () => {
    const [key] = engine.scan(pem(''), 'deploy/tls/server.key');
    expect(inContext(key, 'deploy/tls/server.key')!.severity).toBe('critical');
    expect(inContext(key, 'docs/tls.md')!.severity).toBe('high');
    const token = engine.scan(`K=${fake.mbd('ctx')}`)[0];
    expect(inContext(token, 'test/fixtures/agent.env')!.severity).toBe('high');
  });
});

describe('encoded secrets', () => {
  test('Kubernetes Secret data is decoded: a provider key inside is named, other values are scored by their key', () => {
    const key = fake.mbd('k8s');
    const b64 = Buffer.from(key).toString('base64');
    const other = Buffer.from(expandSample('{{alnum:32}}', 'k8s')).toString('base64');
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: agent\ndata:\n  api-key: ${b64}\n  api-secret: ${other}\n  mode: ${Buffer.from('prod').toString('base64')}\n`;
    const found = engine.scan(yaml, 'k8s/secret.yaml');
    expect(found.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['moltbotden-live-api-key', 6, 12],
      ['generic-api-key-assignment', 7, 15],
    ]);
    expect(found[0]).toMatchObject({ secret: key, encoded: b64 });
    expect(found[0].message).toMatch(/base64-encoded in the file/);
  });

  test('every Secret data value is scored as a secret, except keys naming public parts', () => {
    const b64 = (v: string) => Buffer.from(v).toString('base64');
    const hmac = expandSample('{{token:32}}', 'hmac');
    const yaml = [
      'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: webhooks', 'data:',
      `  database-host: ${b64('db7.internal.example-agents.net')}`,
      `  username: ${b64('agent_service_user01')}`,
      `  api-key: ${b64(expandSample('{{alnum:40}}', 'k8s-first'))}`,
      `  webhook-hmac: ${b64(hmac)}`,
      // camelCase names are split like any other key: caCert names a certificate.
      `  caCert: ${b64(expandSample('{{alnum:40}}', 'k8s-ca'))}`,
      '',
    ].join('\n');
    // The Secret rule reports the first entry; the second is found through its decoded value,
    // although `webhook-hmac` is no secret-sounding name.
    const found = engine.scan(yaml, 'k8s/webhooks.yaml');
    expect(found.map((d) => d.line)).toEqual([8, 9]);
    expect(found[1]).toMatchObject({ secret: hmac, encoded: b64(hmac) });
  });

  test('a provider token inside a basic-auth header is found', () => {
    const key = fake.mbd('basic');
    const header = `curl -H "Authorization: Basic ${Buffer.from(`agent:${key}`).toString('base64')}" https://x`;
    expect(engine.scan(header).map((d) => [d.ruleId, d.secret])).toEqual([['moltbotden-live-api-key', key]]);
  });

  test('the snippet masks the encoded form too', () => {
    const key = fake.mbd('snip');
    const b64 = Buffer.from(key).toString('base64');
    const text = `kind: Secret\ndata:\n  token: ${b64}\n`;
    const d = engine.scan(text, 's.yaml')[0];
    expect(d.encoded).toBe(b64);
    // Nothing passed in: a finding masks its own secret and encoded form by itself.
    const f = makeFinding(d, { path: 's.yaml' }, `  token: ${b64}`, []);
    expect(JSON.stringify(f)).not.toContain(b64);
    expect(JSON.stringify(f)).not.toContain(key);
  });

  test("a generic rule's keyword is a name, not a prefix: a password starting with it is not shown that far", () => {
    for (const [line, value] of [
      ['DB_PASSWORD=passwd7Rk2q9', 'passwd7Rk2q9'],
      ['API_TOKEN=token9fK2xQ7mZ4vB8nW1', 'token9fK2xQ7mZ4vB8nW1'],
    ]) {
      const d = engine.scan(line, 'app.env')[0];
      expect(d?.secret).toBe(value);
      const f = makeFinding(d, { path: 'app.env' }, line, []);
      expect(f.preview).toBe(redactSecret(value));
      expect(`${f.preview} ${f.snippet}`).not.toContain(value.slice(0, 6));
    }
  });
});

describe('redaction', () => {
  test('a value is masked in whichever quoting the file wrote it', () => {
    const secret = 'ab"c\'d9xQzP';
    for (const line of ['K="ab\\"c\'d9xQzP"', "K: 'ab\"c''d9xQzP'", "K='ab\"c'\\''d9xQzP'", 'K=ab"c\'d9xQzP']) {
      expect(redactLine(line, [{ secret }])).not.toContain('9xQzP');
    }
    const key = 'line one\nline two';
    expect(redactLine('{"key": "line one\\nline two"}', [{ secret: key }])).not.toContain('line two');
  });

  test('a preview keeps the known prefix and at most 4 characters', () => {
    expect(redactSecret('mbd_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'mbd_live_')).toBe('mbd_live_ABCD********');
    expect(redactSecret('hunter22')).toBe('hu******');
    expect(redactSecret('abc')).toBe('***');
  });

  test('every secret on a line is masked, the longest first', () => {
    const a = fake.mbd('r1');
    const b = fake.telegram('r2');
    const out = redactLine(`x=${a} y=${b} z=${a}`, [{ secret: b }, { secret: a, knownPrefix: 'mbd_live_' }]);
    expect(out).not.toContain(a);
    expect(out).not.toContain(b);
    expect(out.match(/mbd_live_/g)).toHaveLength(2);
  });

  test('a clipped snippet of a long line never shows part of a secret', () => {
    const key = fake.mbd('clip');
    const line = `${'a'.repeat(300)}"${key}"${'b'.repeat(300)}`;
    const d = engine.scan(line)[0];
    const f = makeFinding(d, { path: 'x.js' }, line, [{ secret: key, knownPrefix: 'mbd_live_' }]);
    expect(f.snippet.length).toBeLessThan(200);
    expect(f.snippet).toContain('mbd_live_');
    expect(f.snippet).not.toContain(key.slice(13, 20));
  });
});

describe('messages', () => {
  test('a detector message that quotes a secret is masked like the snippet', () => {
    const key = fake.mbd('msg');
    const f = makeFinding(
      {
        ruleId: 'config-parse-error', category: 'config', severity: 'medium', line: 1, column: 1, endLine: 1, endColumn: 2,
        message: `could not parse "${key}"`, remediation: 'fix it', fingerprintKey: 'k',
        related: [{ path: 'a', line: 2, column: 1, endLine: 2, endColumn: 2, message: `see ${key}` }],
      },
      { path: 'a' },
      `x ${key}`,
      [{ secret: key, knownPrefix: 'mbd_live_' }],
    );
    expect(JSON.stringify(f)).not.toContain(key);
    expect(f.message).toMatch(/could not parse "mbd_live_\w{4}\*+"/);
  });

  test('parse errors name what is wrong, never the line itself', async () => {
    const { parseSshdLines } = await import('../../src/configs/sshd/parse.js');
    const key = fake.mbd('parse');
    const { problems } = parseSshdLines('sshd_config', `  ${key}\n`);
    expect(problems).toHaveLength(1);
    expect(JSON.stringify(problems)).not.toContain(key.slice(9, 20));
  });
});
