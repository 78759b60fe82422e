import { parseYaml } from '../../src/configs/formats/yaml.js';
import { visitTasks } from '../../src/configs/ansible/tasks.js';

const keysOf = (text: string) => {
  const seen: string[] = [];
  visitTasks(parseYaml(text, '1.1'), (name) => seen.push(name));
  return seen;
};

describe('visitTasks', () => {
  test('follows plays, task lists and blocks, and names modules without their collection', () => {
    const play = [
      '- hosts: all',
      '  pre_tasks:',
      '    - ansible.builtin.apt: { name: ufw }',
      '  tasks:',
      '    - block:',
      '        - community.general.ufw: { rule: allow, port: "22" }',
      '      rescue:',
      '        - ansible.builtin.shell: ufw reload',
      '  handlers:',
      '    - name: restart',
      '      service: { name: ssh, state: restarted }',
    ].join('\n');
    expect(keysOf(play)).toEqual(['hosts', 'apt', 'ufw', 'shell', 'name', 'service']);
  });

  test("does not read a module's arguments as tasks (a user's login shell is no shell task)", () => {
    expect(keysOf('- user:\n    name: bob\n    shell: /bin/bash\n')).toEqual(['user']);
  });

  test('stops at a nesting no playbook reaches', () => {
    const deep = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- block:`).join('\n') + `\n${'  '.repeat(20)}- shell: id`;
    expect(keysOf(deep)).toEqual([]);
  });
});
