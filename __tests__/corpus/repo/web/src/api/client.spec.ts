import { describe, expect, it, vi } from 'vitest';
import { listAgents, SAMPLE_PAGE } from './client';

describe('listAgents', () => {
  it('sends the bearer token', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(SAMPLE_PAGE)));
    await listAgents('test-token');
    const init = fetchSpy.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer test-token');
  });

  it('passes the page token through', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"items":[]}'));
    await listAgents('t', 'CiAKGjBpNDd2Nmp2Zml2cXRwYjBp');
    expect(String(fetchSpy.mock.calls[0][0])).toContain('page_token=CiAKGjBpNDd2Nmp2Zml2cXRwYjBp');
  });

  it('keeps test ids stable', () => {
    expect('{{uuid:4}}').toHaveLength(36);
    expect('run_{{alnum:26}}').toMatch(/^run_/);
  });
});
