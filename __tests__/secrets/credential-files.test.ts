import { SecretEngine } from '../../src/secrets/engine.js';
import { loadBuiltinRules } from '../../src/secrets/builtin.js';
import { expandSample } from '../../src/secrets/samples.js';
import { cli, tempRepos } from '../helpers/repo.js';
import { credentialFilesOf } from '../../src/secrets/credential-files.js';

const engine = new SecretEngine(loadBuiltinRules().rules);
const repo = tempRepos();

/** `pw` as a JetBrains IDE writes it to WebServers.xml. */
const jetbrains = (pw: string) => [...pw].map((c) => (c.charCodeAt(0) ^ 0xdfaa).toString(16).padStart(4, '0')).join('');
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('reversible encodings are decoded and the password reported', () => {
  test("JetBrains' WebServers.xml password", () => {
    const pw = expandSample('{{alnum:14}}', 'jb');
    const xml = `<webServer name="prod">\n  <fileTransfer host="ftp.example-agents.com" port="21" password="${jetbrains(pw)}" username="deploy">\n`;
    const [d] = engine.scan(xml, '.idea/WebServers.xml');
    expect(d).toMatchObject({ ruleId: 'jetbrains-deployment-password', secret: pw, encoded: jetbrains(pw), line: 2 });
    expect(d.message).toContain('reversible password encoding');
    // Under another name the encoding is still decoded, and the password is a password.
    expect(engine.scan(xml, 'notes/servers.xml').map((d) => [d.ruleId, d.secret])).toEqual([['generic-password-assignment', pw]]);
  });

  test('FileZilla base64 passwords: each server entry is a finding, even with the same password', () => {
    const pw = expandSample('{{alnum:12}}', 'fz');
    const entry = `  <Server><Host>ftp.example-agents.com</Host><User>root</User><Pass encoding="base64">${b64(`${pw}\n`)}</Pass></Server>\n`;
    const found = engine.scan(`<FileZilla3>\n${entry}${entry}</FileZilla3>\n`, 'filezilla/recentservers.xml');
    expect(found.map((d) => [d.ruleId, d.line, d.secret])).toEqual([
      ['filezilla-password', 2, pw],
      ['filezilla-password', 3, pw],
    ]);
  });

  test('a decoded placeholder stays silent', () => {
    expect(engine.scan(`<Pass encoding="base64">${b64('changeme')}</Pass>`, 'sitemanager.xml')).toEqual([]);
    expect(engine.scan(`<fileTransfer host="h" password="${jetbrains('password')}">`, '.idea/WebServers.xml')).toEqual([]);
  });
});

describe('a credential file reports its secret field whatever its strength', () => {
  test.each([
    ['.pgpass', 'db.internal:5432:app:deploy:hunter22\n', 'hunter22'],
    ['.git-credentials', 'https://ops@example-agents.com:p#ss@w%rd1@github.com\n', 'p#ss@w%rd1'],
    ['db/robomongo.json', '{ "userPassword" : "mongopass" }\n', 'mongopass'],
    ['sftp-config.json', '{ "password": "hunter22" }\n', 'hunter22'],
    ['wp-config.php', "<?php\ndefine( 'DB_PASSWORD', 'admin' );\n", 'admin'],
    ['.bash_profile', "export MLAB_PASS='password123'\n", 'password123'],
  ])('%s', (path, text, secret) => {
    expect(engine.scan(text, path).map((d) => d.secret)).toEqual([secret]);
  });

  test.each([
    ['.pgpass', 'localhost:5432:database:root:password\n'],
    ['.git-credentials', 'https://oauth2:${GITLAB_TOKEN}@gitlab.com\n'],
    ['.esmtprc', 'password "password"\n'],
    ['.bashrc', 'export GITHUB_TOKEN="$(gh auth token)"\nexport RDS_PASSWORD=changeme\n'],
    ['wp-config.php', "<?php\ndefine( 'DB_PASSWORD', 'password_here' );\n"],
    ['config/database.yml', 'production:\n  url: <%= ENV["DATABASE_URL"] %>\n'],
  ])('%s with a placeholder or a reference is silent', (path, text) => {
    expect(engine.scan(text, path)).toEqual([]);
  });
});

describe('scans of committed credential files', () => {
  const pw = expandSample('{{alnum:10}}', 'scan');
  const files = {
    '.pgpass': `db.internal:5432:app:deploy:${pw}\n`,
    'etc/shadow': `root:*:19000:0:99999:7:::\nubuntu:$6$${expandSample('{{alnum:16}}', 's')}$${expandSample('{{alnum:86}}', 'h')}:19000:0:99999:7:::\n`,
    'db/dump.sql': `INSERT INTO users VALUES (1, 'ann', '$2y$12$${expandSample('{{alnum:53}}', 'b')}');\n`,
  };

  test('tree and history report each secret, and no output holds one', async () => {
    const r = repo();
    r.commit('credentials', files);
    const secrets = [pw, /\$6\$[^:]+/.exec(files['etc/shadow'])![0], /\$2y\$[^']+/.exec(files['db/dump.sql'])![0]];
    for (const mode of ['tree', 'history']) {
      const run = await cli('scan', r.dir, '--mode', mode, '--format', 'json');
      expect(run.code).toBe(1);
      const ids = JSON.parse(run.stdout).findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`);
      expect(ids).toEqual(expect.arrayContaining(['.pgpass pgpass-password', 'etc/shadow unix-password-hash', 'db/dump.sql sql-dump-password-hash']));
    }
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = await cli('scan', r.dir, '--format', format);
      for (const s of secrets) expect(run.stdout).not.toContain(s);
    }
    // Six real scans; a shared CI machine can take seconds for each.
  }, 120_000);
});

describe('credential file kinds are named by the file, not its neighbours', () => {
  test.each([
    ['.kube/config', ['kubeconfig']],
    ['deploy/kubeconfig-prod.yaml', ['kubeconfig']],
    ['pkg/kubeconfig.go', []],
    ['home/.aws/credentials', ['aws-credentials']],
    ['.boto', ['aws-credentials']],
    ['config/master.key', ['rails-master-key']],
    ['keys/master.key', []],
    ['.vscode/sftp.json', ['editor-sync']],
    ['src/sftp.json', []],
  ])('%s', (path, kinds) => {
    expect(credentialFilesOf(path)).toEqual(kinds);
  });
});
