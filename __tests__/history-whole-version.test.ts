import { cli, tempRepos } from './helpers/repo.js';
import { expandSample } from '../src/secrets/samples.js';

// Ansible modules of 2013 were extensionless Python scripts documented by module-level
// strings; later commits edited the EXAMPLES block and so reached history scans as patches.
const repo = tempRepos();
// Built at run time, so this file holds no secret-shaped literal of its own.
const S = expandSample('{{alnum:24}}', 'history-doc');

const MODULE = (examples: string) =>
  `#!/usr/bin/python\n# -*- coding: utf-8 -*-\n\nDOCUMENTATION = '''\nmodule: linode\noptions:\n  name:\n    required: true\n'''\n\nEXAMPLES = '''\n- local_action:\n    module: linode\n    name: web\n${examples}'''\n\ndef main():\n    pass\n`;

interface Found {
  ruleId: string;
  severity: string;
  line: number;
  commit: string;
  message: string;
}
const all = async (dir: string, ...args: string[]) => {
  const run = await cli('scan', dir, '--format', 'json', '--fail-on', 'none', ...args);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { findings: Found[] }).findings;
};
const scan = async (dir: string, ...args: string[]) => (await all(dir, ...args)).filter((f) => f.ruleId === 'generic-password-assignment');

describe('a password added inside an existing EXAMPLES block is lowered, whatever the mode', () => {
  test('history: the patch is read against its whole version', async () => {
    const r = repo();
    r.commit('module', { 'library/cloud/linode': MODULE('') });
    const added = r.commit('document a password', { 'library/cloud/linode': MODULE(`    password: '${S}'\n`) });
    const [f, ...rest] = await scan(r.dir, '--mode', 'history');
    expect(rest).toEqual([]);
    expect([f.line, f.severity, f.commit]).toEqual([15, 'medium', added]);
    expect(f.message).toContain('in the EXAMPLES documentation block');
  });

  test('diff: the head version is whole, the line is one the change added', async () => {
    const r = repo();
    const base = r.commit('module', { 'library/cloud/linode': MODULE('') });
    r.commit('document a password', { 'library/cloud/linode': MODULE(`    password: '${S}'\n`) });
    const [f, ...rest] = await scan(r.dir, '--mode', 'diff', '--base', base);
    expect(rest).toEqual([]);
    expect([f.line, f.severity]).toEqual([15, 'medium']);
    expect(f.message).toContain('in the EXAMPLES documentation block');
  });

  test('history: a password added to the code after the block keeps its severity', async () => {
    const r = repo();
    r.commit('module', { 'library/cloud/linode': MODULE('') });
    r.commit('hard-code one', { 'library/cloud/linode': MODULE('').replace('    pass\n', `    password = '${S}'\n`) });
    const found = await scan(r.dir, '--mode', 'history');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[18, 'high']]);
  });
});

describe('a password added to an entry whose account is made up is lowered in history too', () => {
  test('the user line is not in the patch, but it is in the version', async () => {
    const r = repo();
    const head = 'clouds:\n  rax:\n    auth:\n      username: example\n';
    r.commit('sample', { 'contrib/inventory/openstack.yml': `${head}      project_id: 2352426\n` });
    r.commit('sample password', { 'contrib/inventory/openstack.yml': `${head}      password: ${S}\n      project_id: 2352426\n` });
    const [f, ...rest] = await scan(r.dir, '--mode', 'history');
    expect(rest).toEqual([]);
    expect([f.line, f.severity]).toEqual([5, 'medium']);
    expect(f.message).toContain('beside a made-up account');
  });
});

describe('a patch of a script with no extension is read in the language of its #! line', () => {
  test('a name assigned in Python code is not a plain-word password', async () => {
    const r = repo();
    r.commit('module', { 'library/cloud/nova_compute': MODULE('') });
    r.commit('pass the password on', { 'library/cloud/nova_compute': MODULE('').replace('    pass\n', '    login_password = login_password_arg,\n') });
    expect(await all(r.dir, '--mode', 'history')).toEqual([]);
  });

  test('a plain word added to an EXAMPLES block is not reported at all', async () => {
    const r = repo();
    r.commit('module', { 'library/cloud/glance_image': MODULE('') });
    r.commit('document it', { 'library/cloud/glance_image': MODULE('    login_password=passme\n') });
    expect(await all(r.dir, '--mode', 'history')).toEqual([]);
  });
});
