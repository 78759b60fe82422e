import { findingsOf } from '../helpers/openclaw.js';

/** The audit's binding cases for group_scope_main (OC:src/security/audit-trust-model.test.ts). */
const room = (kind: string, scope: string, agentId: string) => ({ agentId, match: { channel: 'discord', accountId: 'work', peer: { kind, id: 'room-1' } }, session: { groupScope: scope } });
const scopeFindings = async (config: object) => (await findingsOf({ 'openclaw.json': JSON.stringify(config) })).findings.filter((f) => f.ruleId === 'openclaw-group-scope-main');

test('the matched room is named, guild and roles included', async () => {
  const [f, ...rest] = await scopeFindings({
    session: { groupScope: 'per-group' },
    bindings: [{ agentId: 'support', match: { channel: 'discord', accountId: 'work', peer: { kind: 'channel', id: '1234567890' }, guildId: '9876543210', roles: ['operators', 'reviewers'] }, session: { groupScope: 'main' } }],
  });
  expect(rest).toEqual([]);
  expect(f.message).toContain('discord accountId=work peer=channel:1234567890 guild=9876543210 roles=operators,reviewers');
});

test('a main-scoped room binding after an equivalent earlier binding never matches: not reported', async () => {
  expect(await scopeFindings({ bindings: [room('group', 'per-group', 'isolated'), room('channel', 'main', 'shared')] })).toEqual([]);
});

test('a main-scoped room binding before an equivalent one is reported', async () => {
  const found = await scopeFindings({ bindings: [room('channel', 'main', 'shared'), room('group', 'per-group', 'isolated')] });
  expect(found.map((f) => f.message)).toEqual([expect.stringContaining('discord accountId=work peer=channel:room-1')]);
});

test('a broader earlier binding does not shadow a more specific main-scoped one', async () => {
  const found = await scopeFindings({ bindings: [{ agentId: 'isolated', match: { channel: 'discord', accountId: 'work' }, session: { groupScope: 'per-group' } }, room('group', 'main', 'shared')] });
  expect(found.map((f) => f.message)).toEqual([expect.stringContaining('discord accountId=work peer=group:room-1')]);
});

test('a direct-only binding is not reported', async () => {
  expect(await scopeFindings({ bindings: [{ agentId: 'support', match: { channel: 'whatsapp', peer: { kind: 'direct', id: 'user-a' } }, session: { groupScope: 'main' } }] })).toEqual([]);
});
