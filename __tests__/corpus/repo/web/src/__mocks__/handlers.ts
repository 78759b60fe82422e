import { http, HttpResponse } from 'msw';

export const MOCK_TOKEN = 'mock-token-123';
export const MOCK_API_KEY = 'mbd_test_' + 'x'.repeat(32);
// Shaped like a GitHub token for the UI's masking test; its checksum is wrong, so GitHub never issued it.
export const MOCK_GITHUB = { login: 'octocat', token: 'ghp_{{alnum:36}}' };

export const handlers = [
  http.get('https://api.agentco.io/v1/agents', () =>
    HttpResponse.json({ items: [{ id: 'agt_test_0001' }], nextPageToken: 'page-2' }),
  ),
  http.post('https://api.agentco.io/v1/tokens', () =>
    HttpResponse.json({ access_token: 'test-access-token', refresh_token: 'test-refresh-token', expires_in: 3600 }),
  ),
];
