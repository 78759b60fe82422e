import { SecretEngine } from '../../src/secrets/engine.js';
import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { detectSecrets } from '../../src/secrets/detect.js';

// Shapes `npm run survey` found on real code nobody here wrote (docs/secrets-real-world.md,
// "False positives on real code"): each stayed blocking before its fix.
const engine = new SecretEngine(loadBuiltinRules().rules);
const found = (path: string, text: string) => detectSecrets(engine, text, path).map((d) => `${d.ruleId}@${d.line}:${d.severity}`);

test('a constant whose value is the tail of its own name is a name (aws-sdk-go operation and enum constants)', () => {
  const go = [
    'const opAdminResetUserPassword = "AdminResetUserPassword"',
    '\tLayerAttributesKeysHaproxyStatsPassword = "HaproxyStatsPassword"',
    '\tFindingTypeSensitiveDataS3objectCredentials = "SensitiveData:S3Object/Credentials"',
  ];
  expect(found('service/api.go', go.join('\n'))).toEqual([]);
  // The tail must name a credential: a password that ends its variable's name is still one.
  expect(found('service/api.go', 'var adminXk9mQ2vR7 = "Xk9mQ2vR7"\nvar adminPassword = "Xk9#mQ2v"')).toEqual(['generic-password-assignment@2:high']);
});

test('code shown in a Ruby doc comment is lowered; a commented-out line is not', () => {
  const rb = ["  #   user = User.new(name: 'david', password: 'mUc3m00RsqyRe')", '  #   user.password = "mUc3m00RsqyRe"', "  # password = 'Xk9#mQ2vR7'", '  def x; end'].join('\n');
  const ds = detectSecrets(engine, rb, 'lib/active_model/secure_password.rb');
  expect(ds.map((d) => `${d.line}:${d.severity}`)).toEqual(['1:medium', '2:medium', '3:high']);
  expect(ds[0].message).toContain('in a code example of a Ruby doc comment');
});

test('a PHP docblock is documentation; the code after it is not', () => {
  const key = 'Xk9#mQ2v$Lp7!Rz4&Wn8^Ty3*Bc6@Hd1%Ge5+Jf0=Ku';
  const php = ['<?php', '/**', ' * Example for wp-config.php:', ` *     define('AUTH_KEY', '${key}');`, ' */', `define('AUTH_KEY', '${key}x');`].join('\n');
  const ds = detectSecrets(engine, php, 'wp-includes/pluggable.php');
  expect(ds.map((d) => `${d.ruleId}@${d.line}:${d.severity}`)).toEqual(['php-define-secret@4:medium', 'php-define-secret@6:high']);
  expect(ds[0].message).toContain('in a doc comment');
});

test('a docstring holding backslash continuations ends on its real line (SQLAlchemy testing/provision.py)', () => {
  const key = 'Xk9mQ2vR7pLz4Wn8Ty3Bc6Hd';
  const py = ['def x():', '    """Run as::', '', '        --dburi postgresql://db1  \\', '        --dburi postgresql://db2  \\', `        api_key = "${key}"`, '    """', `api_key = "${key}x"`].join('\n');
  expect(found('testing/provision.py', py)).toEqual(['generic-api-key-assignment@6:medium', 'generic-api-key-assignment@8:high']);
});

describe('config findings about a value are judged where the value sits, as secrets are', () => {
  // detectUnit runs config checks too; imported here so this file's secret tests stay engine-only.
  const unit = async (path: string, text: string) => {
    const { detectUnit } = await import('../../src/pipeline/detect.js');
    const { CONFIG_CHECKS } = await import('../../src/configs/index.js');
    const { findings } = detectUnit({ path, text, wholeFile: true }, { secrets: engine, configs: CONFIG_CHECKS }, { read: () => undefined, paths: () => [path] });
    return findings.filter((f) => f.category === 'config').map((f) => `${f.ruleId}:${f.severity}`);
  };
  const url = 'str, err := ParseURL("postgres://username:pw@db.example.net:1234/database")\n';

  test('a database URL in a URL-parser test (lib/pq url_test.go) is one step down; in code it is not', async () => {
    const inTest = await unit('pq/url_test.go', url);
    const inCode = await unit('pq/conn.go', url);
    expect(inCode).toContain('db-url-postgres-sslmode:high');
    expect(inTest).toContain('db-url-postgres-sslmode:medium');
  });

  test("a private key file in testdata/ is two steps down, as a test's throwaway pair; elsewhere it stays critical", async () => {
    const key = `-----BEGIN EC PRIVATE KEY-----\n${'MHcCAQEEIBc8yR5sX2kP9mQ4vL7nT1wZ6aJ3dF0hG8uY2iO5pE1aoAoGCCqGSM49'}\n-----END EC PRIVATE KEY-----\n`;
    expect(await unit('daemon/keyfile', key)).toContain('private-key-file:critical');
    expect(await unit('daemon/testdata/keyfile', key)).toContain('private-key-file:medium');
  });
});
