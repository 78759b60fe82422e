#!/usr/bin/env node
// Posts the release notes to Discord and Teams after a deploy.
const DISCORD_WEBHOOK = 'https://discord.com/api/webhooks/{{digits:19}}/{{token:68}}'; {{secret:discord-webhook-url}}
const TEAMS_WEBHOOK = process.env.TEAMS_WEBHOOK_URL;
const version = process.env.GITHUB_REF_NAME ?? 'dev';

async function post(url, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url.split('/').slice(0, 5).join('/')}: ${res.status}`);
}

await post(DISCORD_WEBHOOK, { content: `Deployed ${version}` });
if (TEAMS_WEBHOOK) await post(TEAMS_WEBHOOK, { text: `Deployed ${version}` });
