import { logicalLines, parseGrants, stripComment } from '../../src/configs/sudoers/parse.js';

describe('sudoers grants', () => {
  test('NOPASSWD and runas carry over to the following commands', () => {
    const [g] = parseGrants('agent ALL=(root) NOPASSWD: /usr/bin/systemctl restart agent, ALL');
    expect(g).toMatchObject({ who: 'agent', allCommands: true, nopasswd: true });
    expect(parseGrants('agent ALL=(root) NOPASSWD: /usr/bin/systemctl restart agent')[0]).toMatchObject({ allCommands: false });
    expect(parseGrants('agent ALL = NOPASSWD: /bin/ls, PASSWD: ALL')[0]).toMatchObject({ allCommands: true, nopasswd: false });
  });

  test('user lists, groups and positions', () => {
    const line = '  agent, %ops ALL=(ALL:ALL) ALL';
    expect(parseGrants(line).map((g) => [g.who, g.whoIndex])).toEqual([
      ['agent', 2],
      ['%ops', 9],
    ]);
  });

  test('comments, uids, includes, Defaults and aliases', () => {
    expect(stripComment('agent ALL=(ALL) ALL # why')).toBe('agent ALL=(ALL) ALL ');
    expect(stripComment('#1000 ALL=(ALL) ALL')).toBe('#1000 ALL=(ALL) ALL');
    expect(parseGrants('#includedir /etc/sudoers.d')).toEqual([]);
    expect(parseGrants('Defaults env_reset')).toEqual([]);
    expect(parseGrants('Cmnd_Alias RESTART = /usr/bin/systemctl restart agent')).toEqual([]);
  });

  test('a backslash at the end of a line continues it, keeping file offsets', () => {
    const lines = logicalLines('agent ALL = /bin/ls, \\\n    ALL\nbob ALL = /bin/ls\n');
    expect(lines[0].text).toBe('agent ALL = /bin/ls,     ALL');
    expect(lines[0].offsets[lines[0].text.indexOf('ALL', 12)]).toBe(27);
    expect(parseGrants(lines[0].text)[0].allCommands).toBe(true);
  });
});
