import { findingsOf } from '../helpers/openclaw.js';

const deny = (entries: string[], extra = '') => ({ 'openclaw.json': JSON.stringify({ gateway: { nodes: { denyCommands: entries, ...(extra ? { allowCommands: [extra] } : {}) } } }) });

/** The audit's own cases for deny_commands_ineffective (OC:src/security/audit-extra.sync.test.ts). */
test.each([
  [['system.runx'], ['"system.runx"', 'did you mean system.run'], []],
  [['system.run.prep'], ['"system.run.prep"', 'did you mean', 'system.run.prepare'], []],
  [['zzzzzzzzzzzzzz'], ['"zzzzzzzzzzzzzz"'], ['did you mean']],
])('an unknown deny entry %j is reported with the audit\'s suggestion', async (entries, includes, excludes) => {
  const { findings } = await findingsOf(deny(entries));
  expect(findings.map((f) => f.ruleId)).toEqual(['openclaw-node-deny-ineffective']);
  for (const text of includes) expect(findings[0].message).toContain(text);
  for (const text of excludes) expect(findings[0].message).not.toContain(text);
});

test('exact ids of any platform, the dangerous ones and allowCommands entries are known', async () => {
  expect((await findingsOf(deny(['system.run', 'camera.snap', 'sms.send', 'canvas.eval', 'device.health', 'acme.deploy'], 'acme.deploy'))).list).toEqual([]);
});

test('patterns and unknown names together are one finding at the first of them', async () => {
  const { findings } = await findingsOf(deny(['system.run', 'shell.exec', 'camera.*']));
  expect(findings).toHaveLength(1);
  expect(findings[0].message).toMatch(/pattern-like.*"camera\.\*".*unknown command names.*"shell\.exec"/);
  expect(findings[0].column).toBe(1 + JSON.stringify({ gateway: { nodes: { denyCommands: ['system.run', ''] } } }).indexOf('""'));
});

test('the newer gateway.nodes.commands.allow/deny keys are read like allowCommands/denyCommands', async () => {
  const { list } = await findingsOf({ 'openclaw.json': JSON.stringify({ gateway: { nodes: { commands: { allow: ['sms.send'], deny: ['system.runx'] } } } }) });
  expect(list).toEqual(['medium openclaw-node-dangerous-commands', 'medium openclaw-node-deny-ineffective']);
});
