export interface Page<T> {
  items: T[];
  nextPageToken?: string;
  cursor?: string;
}

const API_BASE = import.meta.env.VITE_API_BASE ?? 'https://api.agentco.io';

export async function listAgents(token: string, pageToken?: string): Promise<Page<{ id: string }>> {
  const url = new URL('/v1/agents', API_BASE);
  if (pageToken) url.searchParams.set('page_token', pageToken);
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}`, 'X-API-Key': process.env.MOLTBOTDEN_API_KEY ?? '' } });
  if (!res.ok) throw new Error(`listAgents: ${res.status}`);
  return res.json();
}

export const SAMPLE_PAGE: Page<{ id: string }> = {
  items: [{ id: 'agt_{{alnum:20}}' }],
  nextPageToken: 'CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA{{b64url:40}}',
  cursor: 'eyJvZmZzZXQiOjUwLCJzb3J0IjoiY3JlYXRlZF9hdCJ9',
};
