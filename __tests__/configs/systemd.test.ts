import { parseUnit, positionInValue } from '../../src/configs/systemd/parse.js';
import { effectiveList, lastEntry, loadUnit, serviceUser } from '../../src/configs/systemd/merge.js';
import { splitEnvironment } from '../../src/configs/systemd/environment.js';
import { assessHardening } from '../../src/configs/systemd/hardening.js';
import { environmentFileTargets, resolveEnvironmentFile } from '../../src/configs/systemd/env-files.js';
import type { ConfigContext } from '../../src/configs/rule.js';

function repo(files: Record<string, string>): ConfigContext {
  return { read: (p) => files[p], paths: () => Object.keys(files) };
}

describe('systemd unit parser', () => {
  test('sections, comments and case-sensitive keys', () => {
    const unit = parseUnit('a.service', '# c\n[Unit]\nDescription = agent \n; c\n[Service]\nuser=root\nUser=agent\n');
    expect(unit.sections.map((s) => [s.name, s.line])).toEqual([['Unit', 2], ['Service', 5]]);
    expect(unit.entries.map((e) => [e.section, e.key, e.value, e.line])).toEqual([
      ['Unit', 'Description', 'agent', 3],
      ['Service', 'user', 'root', 6],
      ['Service', 'User', 'agent', 7],
    ]);
    expect(unit.problems).toEqual([]);
  });

  test('joins continuation lines, skipping comments inside them, and maps offsets back', () => {
    const text = '[Service]\nEnvironment=A=1 \\\n# note\n    B=2 \\\n  C=3\nUser=agent\n';
    const unit = parseUnit('a.service', text);
    const env = unit.entries[0];
    expect(env.value).toBe('A=1  B=2  C=3');
    expect([env.line, env.endLine]).toEqual([2, 5]);
    expect(positionInValue(env, env.value.indexOf('B=2'))).toEqual({ line: 4, column: 5 });
    expect(positionInValue(env, env.value.indexOf('C=3'))).toEqual({ line: 5, column: 3 });
    expect(unit.entries[1]).toMatchObject({ key: 'User', line: 6 });
  });

  test('reports lines outside sections and malformed headers, without throwing', () => {
    const unit = parseUnit('a.service', 'User=root\n[Service\nnonsense\n');
    expect(unit.problems.map((p) => p.line)).toEqual([1, 2, 3]);
  });
});

describe('systemd drop-in merging', () => {
  const base = '[Service]\nUser=agent\nEnvironmentFile=/app/.env\n';

  test('drop-ins apply in file-name order after the base unit, last User= wins', () => {
    const ctx = repo({
      'u/agent.service': base,
      'u/agent.service.d/20-agent.conf': '[Service]\nUser=agent\n',
      'u/agent.service.d/10-root.conf': '[Service]\nUser=root\n',
    });
    const unit = loadUnit('u/agent.service', base, ctx);
    expect(unit?.dropIns.map((d) => d.file)).toEqual(['u/agent.service.d/10-root.conf', 'u/agent.service.d/20-agent.conf']);
    expect(serviceUser(unit?.entries ?? [])).toMatchObject({ root: false, user: 'agent' });
  });

  test('a drop-in finds its base unit and the empty User= resets to root', () => {
    const dropIn = '[Service]\nUser=\n';
    const ctx = repo({ 'agent.service': base, 'agent.service.d/override.conf': dropIn });
    const unit = loadUnit('agent.service.d/override.conf', dropIn, ctx);
    expect(unit?.base?.file).toBe('agent.service');
    const who = serviceUser(unit?.entries ?? []);
    expect(who).toMatchObject({ root: true, user: 'root' });
    expect(who.decidedBy?.file).toBe('agent.service.d/override.conf');
  });

  test('with two copies of a unit, only the drop-ins beside this copy count', () => {
    const ctx = repo({
      'a/agent.service': base,
      'a/agent.service.d/x.conf': '[Service]\nUser=root\n',
      'b/agent.service': base,
    });
    expect(loadUnit('b/agent.service', base, ctx)?.dropIns).toEqual([]);
    expect(loadUnit('a/agent.service', base, ctx)?.dropIns).toHaveLength(1);
  });

  test('an empty assignment resets list settings', () => {
    const entries = parseUnit('a', '[Service]\nEnvironmentFile=/a\nEnvironmentFile=\nEnvironmentFile=/b\nEnvironmentFile=/c\n').entries;
    expect(effectiveList(entries, 'Service', 'EnvironmentFile').map((e) => e.value)).toEqual(['/b', '/c']);
    expect(lastEntry(entries, 'Service', 'EnvironmentFile')?.value).toBe('/c');
  });

  test('DynamicUser=yes is non-root unless User= names root', () => {
    const dyn = parseUnit('a', '[Service]\nDynamicUser=yes\n').entries;
    expect(serviceUser(dyn).root).toBe(false);
    const uid0 = parseUnit('a', '[Service]\nDynamicUser=yes\nUser=0\n').entries;
    expect(serviceUser(uid0).root).toBe(true);
  });
});

test('an EnvironmentFile= that only a drop-in adds still marks its target as an env file', () => {
  const files: Record<string, string> = {
    'deploy/agent.service': '[Service]\nUser=agent\nExecStart=/usr/bin/agent\n',
    'deploy/agent.service.d/env.conf': '[Service]\nEnvironmentFile=/etc/agent/settings\n',
    'rootfs/etc/agent/settings': 'API_TOKEN=Zq8k2LmN4xVb7Hc9Tf4W\n',
  };
  const ctx = { read: (p: string) => files[p], paths: () => Object.keys(files) };
  expect([...environmentFileTargets(ctx).keys()]).toEqual(['rootfs/etc/agent/settings']);
});

describe('Environment= splitting', () => {
  test('quotes group whole words or values', () => {
    expect(splitEnvironment('"A=one two" B=\'x y\' C=3 junk').map((a) => [a.name, a.value, a.offset])).toEqual([
      ['A', 'one two', 0],
      ['B', 'x y', 12],
      ['C', '3', 20],
    ]);
  });

  test('a backslash escapes a quote inside double quotes, as systemd reads it', () => {
    expect(splitEnvironment('"P=ab\\"cd" Q=\'x\\y\'').map((a) => [a.name, a.value])).toEqual([
      ['P', 'ab"cd'],
      ['Q', 'x\\y'],
    ]);
  });
});

describe('hardening estimate', () => {
  test('nothing set is fully exposed; the guide minimum leaves only the optional extras', () => {
    expect(assessHardening([]).exposure).toBe(10);
    const min = parseUnit('a', '[Service]\nNoNewPrivileges=yes\nProtectSystem=strict\nPrivateTmp=yes\n').entries;
    const gap = assessHardening(min);
    expect(gap.missing).toEqual([]);
    expect(gap.exposure).toBeLessThan(10);
  });
});

describe('EnvironmentFile= targets', () => {
  const ctx = repo({ '.env': 'A=1\n', 'rootfs/etc/default/agent': 'B=2\n', 'scripts/agent': '#!/bin/sh\necho hi\n' });
  test('maps server paths to committed env files, never to scripts', () => {
    expect(resolveEnvironmentFile('deploy/agent.service', '/app/.env', ctx)).toEqual(['.env']);
    expect(resolveEnvironmentFile('deploy/agent.service', '-/etc/default/agent', ctx)).toEqual(['rootfs/etc/default/agent']);
    expect(resolveEnvironmentFile('deploy/agent.service', '/opt/scripts/agent', ctx)).toEqual([]);
    expect(resolveEnvironmentFile('deploy/agent.service', '%h/.env', ctx)).toEqual([]);
  });
});
