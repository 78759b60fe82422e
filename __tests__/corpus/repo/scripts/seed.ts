import { randomUUID } from 'node:crypto';

const AGENT_NAMES = ['support-bot', 'billing-bot', 'triage-bot', 'task-list-bot'];

export const seedAgents = AGENT_NAMES.map((name, i) => ({
  id: randomUUID(),
  name,
  vmId: `vm_${name.replace(/-/g, '')}${i}`,
  apiKeyPrefix: 'mbd_test_',
  apiKeyHash: '{{hex:64}}',
  createdAt: new Date(2024, 0, i + 1).toISOString(),
}));

export const TEST_TRACE_ID = '{{hex:32}}';
export const TEST_SPAN_ID = '{{hex:16}}';
