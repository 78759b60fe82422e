import { SecretEngine } from '../../src/secrets/engine.js';
import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { detectSecrets } from '../../src/secrets/detect.js';
import { familyOf } from '../../src/secrets/literals/family.js';
import { isLiteralAt } from '../../src/secrets/literals/value.js';
import { expandSample } from '../../src/secrets/samples.js';

const engine = new SecretEngine(loadBuiltinRules().rules);
// Built at run time, so this file holds no secret-shaped literal of its own.
const S = expandSample('{{alnum:24}}', 'literals');
const found = (path: string, text: string) => detectSecrets(engine, text, path).map((d) => `${d.ruleId}@${d.line}:${d.severity}`);

// Per language: a literal is found; expressions of every kind (a name, a member, a call, a
// subscript, a concatenation, an interpolation, an environment lookup) stay silent.
const LANGUAGES: { path: string; literal: string[]; expression: string[] }[] = [
  {
    path: 'app/settings.py',
    literal: [`password = "${S}"`, `client = Client(api_key='${S}')`, `CONFIG = {"password": "${S}"}  # prod`],
    expression: [
      `password = module.params['password']`,
      `password = "${S}" + suffix`,
      `password = "${S}".format(x)`,
      `password = "${S}" % args`,
      `password = f"${S}{x}"`,
      `api_key = os.environ.get("API_KEY", "${S}") or "${S}" if x else y`,
      `password = "${S}"[0:4]`,
    ],
  },
  {
    path: 'src/client.ts',
    literal: [`const apiKey = "${S}";`, `  token: '${S}',`, `const secret = \`${S}\`;`],
    expression: [`const apiKey = \`${S}\${suffix}\`;`, `const apiKey = "${S}" + suffix;`, `const token = process.env.TOKEN || "${S}x";`, `const secret = "${S}".split(":")[1];`],
  },
  {
    path: 'cmd/main.go',
    literal: [`password := "${S}"`, `apiKey := \`${S}\``, `	Token: "${S}", // prod`],
    expression: [`password := "${S}" + os.Getenv("X")`, `apiKey := fmt.Sprintf("${S}%s", x)`],
  },
  {
    path: 'config/app.rb',
    literal: [`config.secret_key_base = "${S}"`, `password = '${S}' # seeded`],
    expression: [`password = "${S}#{suffix}"`, `password = "${S}".freeze + x`, `password = ENV.fetch("PW", "${S}")`],
  },
  {
    path: 'config/db.php',
    literal: [`$password = '${S}';`, `    'password' => "${S}",`],
    expression: [`$password = "${S}$suffix";`, `$password = '${S}' . $suffix;`, `$password = getenv('DB_PASSWORD');`],
  },
  {
    path: 'src/Main.java',
    literal: [`    private static final String PASSWORD = "${S}";`],
    expression: [`    private static final String PASSWORD = "${S}" + System.getenv("X");`],
  },
  {
    path: 'src/Main.kt',
    literal: [`val password = "${S}"`],
    expression: [`val password = "${S}$suffix"`, `val password = "${S}\${env.x}"`],
  },
  {
    path: 'src/Settings.cs',
    literal: [`var password = "${S}";`],
    expression: [`var password = "${S}" + Environment.GetEnvironmentVariable("X");`],
  },
  {
    path: 'deploy/run.sh',
    literal: [`export DB_PASSWORD="${S}"`, `PGPASSWORD='${S}' psql -h db`],
    expression: [`export DB_PASSWORD="${S}$SUFFIX"`, `export DB_PASSWORD="$(vault read -field=pw ${S})"`, `export API_TOKEN=\`cat ${S}\``],
  },
  {
    path: 'group_vars/all.yml',
    literal: [`password: ${S}`, `api_key: "${S}"`],
    expression: [`password: "{{ vault_${S} }}"`, `password: "${S}{{ suffix }}"`],
  },
  {
    path: 'setup.cfg',
    literal: [`password = ${S}`],
    expression: [`password = %(base)s${S}`],
  },
  {
    path: 'config.toml',
    literal: [`api_key = "${S}"`],
    expression: [`api_key = "\${BASE}${S}"`],
  },
  {
    path: 'infra/main.tf',
    literal: [`  password = "${S}"`],
    expression: [`  password = "\${var.prefix}${S}"`, `  password = random_password.${S}.result`],
  },
  {
    path: 'web.config',
    literal: [`<user name="ci" password="${S}"/>`],
    expression: [`<user name="ci" password="\${DB_${S}}"/>`],
  },
];

describe.each(LANGUAGES)('$path', ({ path, literal, expression }) => {
  test.each(literal)('a literal is found: %s', (line) => {
    expect(found(path, `${line}\n`).length).toBe(1);
  });
  test.each(expression)('an expression stays silent: %s', (line) => {
    expect(found(path, `${line}\n`)).toEqual([]);
  });
});

describe('the shapes ansible was flagged for (issue 15)', () => {
  test('module.params under a username in Python is code, not a .pypirc pair', () => {
    const text = "    username = module.params['username']\n    password = module.params['password']\n";
    expect(found('lib/ansible/modules/subversion.py', text)).toEqual([]);
  });

  test('getpass in an extensionless Python script is a call', () => {
    const text = '#!/usr/bin/env python\nimport getpass\nsshpass = getpass.getpass(prompt="SSH password: ")\nsshpass = getpass.getpass("SSH password: ")\n';
    expect(familyOf('bin/ansible-playbook', text)).toBe('python');
    expect(found('bin/ansible-playbook', text)).toEqual([]);
  });

  test('a login pair in an EXAMPLES docstring is not a .pypirc entry', () => {
    const text = "EXAMPLES = r'''\n- name: Check out\n  ansible.builtin.subversion:\n    repo: svn+ssh://an.example.org/path/to/repo\n    username: admin\n    password: fantastic\n'''\n";
    expect(found('lib/ansible/modules/subversion.py', text)).toEqual([]);
  });

  test('the pair rule still reads .pypirc and INI files', () => {
    const text = `[internal]\nusername = deploy\npassword = ${S}\n`;
    expect(found('.pypirc', text)).toEqual(['pypirc-password@3:high']);
    expect(found('deploy/pip.ini', text)).toEqual(['pypirc-password@3:high']);
    expect(found('deploy/vars.yml', `username: deploy\npassword: "{{ vault_pw }}"\n`)).toEqual([]);
  });
});

describe('more shapes from ansible and its collections', () => {
  test('a value inside a multi-line Jinja block is an expression', () => {
    const text = `- set_fact:\n    x: >-\n      {%- if systems.update({s: {\n        "proxy_url": hostvars[array]["url"],\n        "proxy_password": ${S}x | default(omit)}}) %}\n      {%- endif %}\n`;
    expect(found('roles/proxy/tasks/main.yml', text)).toEqual([]);
    expect(found('roles/proxy/tasks/main.yml', `    x: "{{ cmd | combine({'SSHPASS': ${S}}) }}"\n`)).toEqual([]);
    // Once the block closes, a literal is a literal again.
    expect(found('roles/proxy/tasks/main.yml', `x: "{{ a }}"\nproxy_password: ${S}\n`)).toEqual(['generic-password-assignment@2:high']);
  });

  test('a bare subscript in YAML, a call in a file of unknown language', () => {
    expect(found('tasks/main.yml', `"proxy_password": hostvars[inventory_hostname]["${S}"],\n`)).toEqual([]);
    expect(found('library/mysql_db', `        passwd = config_get(config, 'client', '${S}')\n`)).toEqual([]);
  });

  test('a name mapped to another spelling of itself, and prose in a quoted scalar', () => {
    expect(found('plugins/modules/grid_group.py', '            "change_tenant_root_password": "changeTenantRootPassword",\n')).toEqual([]);
    expect(found('molecule/prepare.yml', `  - name: 'Configure htpasswd secret (username: test, password: ${S})'\n`)).toEqual([]);
    expect(found('molecule/prepare.yml', `  - password: '${S}'\n`)).toEqual(['generic-password-assignment@1:high']);
  });

  test("tox's {env:NAME} is a reference", () => {
    expect(found('tox.ini', `    VMWARE_PASSWORD = {env:VMWARE_${S}}\n`)).toEqual([]);
  });

  test("npm's _password is not an attribute named _password in code", () => {
    const value = Buffer.from(S).toString('base64');
    expect(found('plugins/module_utils/api.py', '        self._password = password\n')).toEqual([]);
    expect(found('.npmrc', `_password=${value}\n`)).toEqual(['npmrc-password@1:high']);
  });
});

describe('documentation examples are lowered, with the reason', () => {
  test('a literal in an EXAMPLES block', () => {
    const text = `DOCUMENTATION = '''\nmodule: x\n'''\nEXAMPLES = r'''\n- x:\n    api_key: "${S}"\n'''\n`;
    const [d] = detectSecrets(engine, text, 'lib/modules/x.py');
    expect([d.ruleId, d.line, d.severity]).toEqual(['generic-api-key-assignment', 6, 'medium']);
    expect(d.message).toContain('in the EXAMPLES documentation block');
  });

  test('a literal in a docstring, but not one in code after it', () => {
    const text = `def connect():\n    """Connect.\n\n    >>> connect(password="${S}")\n    """\n    password = "${S}x"\n`;
    const ds = detectSecrets(engine, text, 'lib/db.py');
    expect(ds.map((d) => [d.line, d.severity])).toEqual([
      [4, 'medium'],
      [6, 'high'],
    ]);
    expect(ds[0].message).toContain('in a Python docstring');
  });

  test('a quote inside a one-line string does not open a docstring', () => {
    const text = `x = "'''"\npassword = "${S}"\ny = "'''"\n`;
    expect(found('lib/db.py', text)).toEqual(['generic-password-assignment@2:high']);
  });

  test('a reStructuredText code block says so, and the prose after it is not in it', () => {
    const text = `Vault\n=====\n\n.. code-block:: console\n\n   localhost | SUCCESS => {\n       "api_key": "${S}"\n   }\n\nThen set api_key: "${S}x" in your vars.\n`;
    const ds = detectSecrets(engine, text, 'docs/user_guide/vault.rst');
    expect(ds.map((d) => [d.line, d.severity])).toEqual([
      [7, 'medium'],
      [10, 'medium'],
    ]);
    expect(ds[0].message).toContain('in a reStructuredText code example');
    expect(ds[1].message).toContain('in documentation');
    expect(found('docs/vault.rst', 'Run this::\n\n    "new_user_password": "iampgroot"\n')).toEqual([]);
  });

  test('a Markdown code fence says so', () => {
    const text = `# Setup\n\n\`\`\`yaml\napi_key: "${S}"\n\`\`\`\n`;
    const [d] = detectSecrets(engine, text, 'README.md');
    expect([d.line, d.severity]).toEqual([4, 'medium']);
    expect(d.message).toContain('in a Markdown code example');
  });
});

describe('a plain-word password in a documentation example is dropped, elsewhere it stays low', () => {
  test('EXAMPLES block and Markdown fence against code and a YAML task', () => {
    const module = `EXAMPLES = r'''\n- x:\n    password: "iampgroot"\n'''\npassword = "iampgroot"\n`;
    expect(found('lib/modules/x.py', module)).toEqual(['weak-password-assignment@5:low']);
    expect(found('docs/netapp.md', "```yaml\ncurrent_password: 'Infinit2'\n```\n")).toEqual([]);
    expect(found('roles/db/defaults/main.yml', 'db_password: iampgroot\n')).toEqual(['weak-password-assignment@1:low']);
  });
});

describe('a password beside a made-up account is lowered, with the reason', () => {
  test('a sample cloud config: the entry whose user is an example name, not its neighbour', () => {
    const text = `clouds:\n  real:\n    auth:\n      username: ops-team\n      password: ${S}a\n  rax:\n    cloud: rackspace\n    auth:\n      username: example\n      password: ${S}b\n      project_id: 2352426\n  hp:\n    auth:\n      auth_url: https://keystone.example.com:5000/v2.0\n      password: ${S}c\n`;
    const ds = detectSecrets(engine, text, 'contrib/inventory/openstack.yml');
    expect(ds.map((d) => [d.line, d.severity])).toEqual([
      [5, 'high'],
      [10, 'medium'],
      [15, 'medium'],
    ]);
    expect(ds[1].message).toContain('beside a made-up account (username is a name reserved for examples)');
  });

  test('a list item and an INI section are entries too', () => {
    const yaml = `users:\n  - email: ops@example.org\n    password: ${S}\n  - email: ops@corp.io\n    password: ${S}x\n`;
    expect(found('vars/users.yml', yaml)).toEqual(['generic-password-assignment@3:medium', 'generic-password-assignment@5:high']);
    const ini = `[demo]\nhost = api.example.net\npassword = ${S}\n\n[prod]\nhost = db1.corp.io\npassword = ${S}x\n`;
    expect(found('settings.ini', ini)).toEqual(['generic-password-assignment@3:medium', 'generic-password-assignment@7:high']);
  });

  test('a provider key beside an example user keeps its severity, and code is not read for entries', () => {
    const key = expandSample('mbd_live_{{alnum:40}}', 'entry');
    expect(found('deploy/agent.yml', `agent:\n  user: example\n  api_key: ${key}\n`)).toEqual(['moltbotden-live-api-key@3:critical']);
    expect(found('app/settings.py', `USER = "example"\npassword = "${S}"\n`)).toEqual(['generic-password-assignment@2:high']);
  });
});

describe('isLiteralAt', () => {
  test('reads from the value, quoted or not', () => {
    const line = 'password = "abc" + x';
    expect(isLiteralAt(line, line.indexOf('abc'), true, 'python')).toBe(false);
    expect(isLiteralAt('password = "abc"  # why', 12, true, 'python')).toBe(true);
    expect(isLiteralAt('password = abc', 11, false, 'python')).toBe(false);
    expect(isLiteralAt('password = abc', 11, false, 'yaml')).toBe(true);
    expect(isLiteralAt('password: *anchor', 10, false, 'yaml')).toBe(false);
    expect(isLiteralAt("PW='a$b'", 3, true, 'shell')).toBe(true);
    expect(isLiteralAt('PW="a$b"', 3, true, 'shell')).toBe(false);
  });
});
