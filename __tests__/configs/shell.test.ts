import { lexShell } from '../../src/configs/shell/lex.js';
import { readScript, spanOf, wordSpan } from '../../src/configs/shell/script.js';
import { shellCheck } from '../../src/configs/shell/check.js';
import { writtenBySed } from '../../src/configs/shell/sshd-edits.js';
import { grantsOthers, isEnvFilePath } from '../../src/configs/shell/env-mode.js';

const values = (text: string) => lexShell(text).commands.map((c) => c.words.map((w) => w.value));

describe('shell lexer', () => {
  test('splits chains and drops comments', () => {
    expect(values('apt-get update && apt-get install -y ufw; ufw enable # turn it on\n# all done\necho ok || true')).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'ufw'],
      ['ufw', 'enable'],
      ['echo', 'ok'],
      ['true'],
    ]);
  });

  test('joins backslash-newline continuations and keeps file offsets', () => {
    const text = 'ufw allow \\\n  proto tcp to any \\\n  port 5432\n';
    const script = readScript('x.sh', text);
    expect(script.invocations[0].argv.map((w) => w.value)).toEqual(['ufw', 'allow', 'proto', 'tcp', 'to', 'any', 'port', '5432']);
    expect(wordSpan(script, script.invocations[0].argv[7])).toMatchObject({ line: 3, column: 8 });
  });

  test('removes quotes but maps each character back to the file', () => {
    const text = `curl -d '{"port": 22}' -H "X: \\"y\\""`;
    const [cmd] = lexShell(text).commands;
    expect(cmd.words[2].value).toBe('{"port": 22}');
    expect(cmd.words[2].offsets[0]).toBe(text.indexOf('{'));
    expect(cmd.words[4].value).toBe('X: "y"');
    // An escaped quote points at its backslash.
    expect(text[cmd.words[4].offsets[3]]).toBe('\\');
  });

  test('keeps command substitutions whole, with their inner quotes', () => {
    expect(values(`setcap cap_net_bind_service=+ep "$(readlink -f "$(which python3)")"; echo $((1+2))`)).toEqual([
      ['setcap', 'cap_net_bind_service=+ep', '$(readlink -f "$(which python3)")'],
      ['echo', '$((1+2))'],
    ]);
  });

  test('reads here-documents into the command that opened them', () => {
    const text = "cat <<'EOF' > /etc/sudoers.d/agent\nagent ALL=(ALL) NOPASSWD:ALL\nEOF\nufw enable\n";
    const { commands } = lexShell(text);
    expect(commands).toHaveLength(2);
    expect(commands[0].redirects[0].target.value).toBe('/etc/sudoers.d/agent');
    expect(commands[0].stdin[0].value).toBe('agent ALL=(ALL) NOPASSWD:ALL\n');
    expect(commands[1].words.map((w) => w.value)).toEqual(['ufw', 'enable']);
  });

  test('<<- strips leading tabs from the body and the delimiter', () => {
    const { commands } = lexShell('cat <<-EOF\n\tline\n\tEOF\necho after\n');
    expect(commands[0].stdin[0].value).toBe('line\n');
    expect(commands[1].words[0].value).toBe('echo');
  });

  test('reports unterminated quotes instead of throwing', () => {
    expect(lexShell("echo 'oops\n").problems[0].message).toMatch(/unterminated single quote/);
  });
});

describe('shell script view', () => {
  test('takes sudo, env and assignments off the program', () => {
    const s = readScript('x.sh', 'sudo -u root env DEBIAN_FRONTEND=noninteractive apt-get purge -y unattended-upgrades\nFOO=1 sudo ufw allow 22\n');
    expect(s.invocations.map((i) => i.name)).toEqual(['apt-get', 'ufw']);
  });

  test('sees commands inside bash -c and the file an echo | tee writes', () => {
    const text = `sudo bash -c 'ufw allow 22'\necho "agent ALL=(ALL) NOPASSWD:ALL" | sudo tee -a /etc/sudoers.d/agent >/dev/null\n`;
    const s = readScript('x.sh', text);
    expect(s.invocations.map((i) => i.name)).toEqual(['bash', 'ufw', 'echo', 'tee']);
    expect(wordSpan(s, s.invocations[1].argv[2])).toMatchObject({ line: 1, column: 25 });
    expect(s.writes).toHaveLength(1);
    expect(s.writes[0]).toMatchObject({ append: true, target: { value: '/etc/sudoers.d/agent' }, content: { value: 'agent ALL=(ALL) NOPASSWD:ALL' } });
    expect(spanOf(s, s.writes[0].content, 6, 9)).toMatchObject({ line: 2, column: 13 });
  });
});

describe('shell checks', () => {
  const ctx = { read: () => undefined, paths: () => [] };
  const run = (text: string) => shellCheck.check('provision.sh', text, ctx);

  test('ufw: the fix keeps the sudo prefix and the protocol', () => {
    const [d] = run('sudo ufw allow 5432/tcp\n');
    expect(d).toMatchObject({ ruleId: 'ufw-database-public', line: 1, column: 16 });
    expect(d.fix).toEqual({ line: 1, replacement: 'sudo ufw allow from 10.0.0.0/8 to any port 5432 proto tcp' });
    const [app] = run('ufw allow OpenSSH\n');
    expect(app.fix?.replacement).toBe('ufw allow from 10.0.0.0/8 to any app OpenSSH');
    const [svc] = run('ufw allow ssh\n');
    expect(svc.fix?.replacement).toBe('ufw allow from 10.0.0.0/8 to any port 22 proto tcp');
  });

  test('an apt.conf written by the script is read as apt reads it: nested scopes count, comments do not', () => {
    const ids = (text: string) => run(text).map((d) => `${d.ruleId}@${d.line}:${d.column}`);
    expect(ids(`cat > /etc/apt/apt.conf.d/20auto-upgrades <<'EOF'\nAPT { Periodic { Unattended-Upgrade "0"; }; };\nEOF\n`)).toEqual(['script-unattended-upgrades-off@2:18']);
    expect(ids(`cat > /etc/apt/apt.conf.d/20auto-upgrades <<'EOF'\n// APT::Periodic::Unattended-Upgrade "0";\nAPT::Periodic::Unattended-Upgrade "1";\nEOF\n`)).toEqual([]);
    // The last value wins: a 0 later overrides the 1.
    const [d] = run(`cat > /etc/apt/apt.conf.d/20auto-upgrades <<'EOF'\nAPT::Periodic::Unattended-Upgrade "1";\nAPT::Periodic::Unattended-Upgrade "0";\nEOF\n`);
    expect(d).toMatchObject({ ruleId: 'script-unattended-upgrades-off', line: 3, fix: { line: 3, replacement: 'APT::Periodic::Unattended-Upgrade "1";' } });
  });

  test('ufw enable: the fix adds the default deny line above it', () => {
    const [d] = run('  ufw --force enable\n');
    expect(d.fix).toEqual({ line: 1, replacement: '  ufw default deny incoming\n  ufw --force enable' });
  });

  test('sed: what it writes counts, what it searches for does not', () => {
    expect(writtenBySed('s/PasswordAuthentication yes/PasswordAuthentication no/g').map((p) => p.text)).toEqual(['PasswordAuthentication no']);
    expect(writtenBySed('/^#Pass/a PasswordAuthentication yes').map((p) => p.text)).toEqual(['PasswordAuthentication yes']);
    expect(writtenBySed('s|^\\(PermitRootLogin\\).*|\\1 yes|;$a X')).toEqual([
      { from: 25, to: 31, text: 'PermitRootLogin yes' },
      { from: 36, to: 37, text: 'X' },
    ]);
    expect(writtenBySed('/PasswordAuthentication yes/d')).toEqual([]);
  });

  test('sed: the fix turns yes into no in place', () => {
    const [d] = run(`sed -i 's/.*PasswordAuthentication.*/PasswordAuthentication yes/' /etc/ssh/sshd_config\n`);
    expect(d.fix).toEqual({ line: 1, replacement: `sed -i 's/.*PasswordAuthentication.*/PasswordAuthentication no/' /etc/ssh/sshd_config` });
  });

  test.each([
    ['644', true],
    ['0644', true],
    ['600', false],
    ['640', false],
    ['u=rw,go=r', true],
    ['go-rwx', false],
    ['+r', true],
    ['u+x', false],
  ])('chmod %s lets others read: %s', (mode, yes) => {
    expect(grantsOthers(mode)).toBe(yes);
  });

  test.each([
    ['/app/.env', true],
    ['.env.production', true],
    ['"$APP/agent.env"', true],
    ['.env.example', false],
    ['/app/env.sh', false],
    // The same names as the dotenv check: templates either way, data about env files never.
    ['deploy/prod.env.tmpl', false],
    ['.env.defaults', false],
    ['src/.env.ts', false],
  ])('env file path %s: %s', (path, yes) => {
    expect(isEnvFilePath(path)).toBe(yes);
  });

  test('an unterminated quote is a parse error at its line', () => {
    expect(run("echo ok\nufw allow 'ssh\n")).toEqual([expect.objectContaining({ ruleId: 'config-parse-error', line: 2, column: 11 })]);
  });
});
