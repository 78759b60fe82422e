import { cli } from './helpers/repo.js';

/**
 * The Quick start's demo repository: every planted problem comes out at its file, line and
 * column, in all four formats, and none of its fake secrets is ever printed.
 */
const EXAMPLE = 'examples/insecure-vm';

const EXPECTED: [string, string, number, number][] = [
  ['openai-api-key', '.env', 3, 16],
  ['moltbotden-live-api-key', 'agent/config.py', 4, 23],
  ['firewall-database-public', 'deploy/ansible/site.yml', 12, 11],
  ['ssh-password-auth', 'deploy/ansible/tasks/main.yml', 6, 7],
  ['cloud-init-ssh-password', 'deploy/cloud-init/user-data.yml', 3, 1],
  ['firewall-database-public', 'deploy/firewall/rules.json', 5, 99],
  ['ssh-password-auth', 'deploy/ssh/sshd_config.d/50-cloud-init.conf', 1, 1],
  ['env-file-secret', '.env', 3, 1],
  ['db-url-postgres-sslmode', '.env', 4, 14],
  ['postgres-connection-string', '.env', 4, 33],
  ['telegram-bot-token', '.env', 5, 20],
  ['script-account-password', 'deploy/ansible/site.yml', 17, 19],
  ['service-user-sudo', 'deploy/cloud-init/user-data.yml', 8, 5],
  ['db-url-redis-plaintext', 'deploy/docker/docker-compose.yml', 7, 18],
  ['container-db-port-published', 'deploy/docker/docker-compose.yml', 13, 9],
  ['firewall-ssh-public', 'deploy/firewall/rules.json', 3, 100],
  ['ssh-root-login', 'deploy/ssh/sshd_config', 4, 1],
  ['ssh-shadowed-directive', 'deploy/ssh/sshd_config', 5, 1],
  ['systemd-root-service', 'deploy/systemd/agent.service', 5, 1],
  ['systemd-envfile-committed', 'deploy/systemd/agent.service', 7, 1],
  ['firewall-ssh-public', 'deploy/terraform/firewall.tf', 18, 5],
  ['systemd-root-service', 'scripts/install-service.sh', 8, 1],
  ['ufw-ssh-public', 'scripts/provision.sh', 5, 11],
  ['ufw-database-public', 'scripts/provision.sh', 6, 11],
  ['service-user-sudo', 'scripts/provision.sh', 10, 13],
  ['db-url-public-host', '.env', 4, 47],
  ['container-root', 'Dockerfile', 1, 1],
  ['apt-unattended-upgrades-off', 'deploy/apt/20auto-upgrades', 2, 36],
  ['db-url-public-host', 'deploy/docker/docker-compose.yml', 7, 26],
  ['ssh-key-weak', 'deploy/ssh/authorized_keys', 3, 1],
  ['ssh-keyboard-interactive', 'deploy/ssh/sshd_config', 7, 1],
  ['ufw-no-default-deny', 'scripts/provision.sh', 7, 5],
  ['script-env-file-mode', 'scripts/provision.sh', 8, 7],
  ['fail2ban-maxretry-high', 'deploy/fail2ban/jail.local', 7, 12],
  ['fail2ban-bantime-short', 'deploy/fail2ban/jail.local', 8, 11],
  ['setcap-interpreter', 'scripts/provision.sh', 11, 35],
];

// The demo's fake credentials, as written in its files.
const FAKE_SECRETS = [
  'mbd_live_Q7fK2pX9vL4mN8rT3wY6zB1cD5hJ0sGa',
  'sk-proj-Zr8Kq2Lm5Nx7Vb3Hc9Tf4Wy6Pd1Gs0JaE2uQiRoXkMnBvCzLwSyTdFgHjKpLqMrNsTu',
  '7415826390:AAFq9Lx2Kd8Mv3Nw7Rb5Tc1Yh6Zp4Js0GeU',
  'Hunter2Secret',
  '$6$rounds=656000$Zb3kQ9$Xc0Yq1uPz7mK2sWv4Lr8Nt5Hg6Jd3Fa9Be1Cy0Dx7Ew2Rv5Tq8Ps4Mn6Lk3Jh1Gf9Dd2Sa7Bz0Xc5Vb8Nm',
];

async function run(format: string) {
  const r = await cli('scan', EXAMPLE, '--format', format);
  expect(r.code).toBe(1);
  for (const s of FAKE_SECRETS) {
    expect(r.stdout).not.toContain(s);
    expect(r.stderr).not.toContain(s);
  }
  return r.stdout;
}

test('json: every planted problem, most severe first, at its line and column', async () => {
  const report = JSON.parse(await run('json'));
  expect(report.findings.map((f: { ruleId: string; path: string; line: number; column: number }) => [f.ruleId, f.path, f.line, f.column])).toEqual(EXPECTED);
  for (const f of report.findings) {
    expect(f.message.length).toBeGreaterThan(30);
    expect(f.remediation.length).toBeGreaterThan(20);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  }
});

test('sarif: the same results as physical locations', async () => {
  const sarif = JSON.parse(await run('sarif'));
  const results = sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
    const loc = r.locations[0].physicalLocation;
    return [r.ruleId, decodeURI(loc.artifactLocation.uri), loc.region.startLine, loc.region.startColumn];
  });
  expect(results).toEqual(EXPECTED);
  expect(sarif.version).toBe('2.1.0');
  const ruleIds = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
  for (const [id] of EXPECTED) expect(ruleIds).toContain(id);
});

test('github: one workflow command per finding with file, line and col', async () => {
  const lines = (await run('github')).trim().split('\n');
  expect(lines.map((l) => {
    const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),.*title=moltguard [a-z]+%3A ([a-z0-9-]+)::/.exec(l);
    return m ? [m[5], m[2], Number(m[3]), Number(m[4])] : l;
  })).toEqual(EXPECTED);
});

test('text: grouped by file, each finding as line:column with its rule', async () => {
  const text = await run('text');
  for (const [rule, path, line, column] of EXPECTED) {
    const section = text.slice(text.indexOf(`\n${path}\n`) + 1);
    expect(section.split('\n\n')[0]).toMatch(new RegExp(`\\n  ${line}:${column}  \\S+\\s+${rule}  `));
  }
  expect(text).toMatch(/moltguard: 36 findings \(7 critical, \d+ high, \d+ medium, \d+ low\); \d+ blocking at fail-on high/);
});
