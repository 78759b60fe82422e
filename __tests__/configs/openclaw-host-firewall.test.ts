import { findingsOf } from '../helpers/openclaw.js';

const ids = (findings: { severity: string; ruleId: string; line: number }[]) => findings.filter((f) => /^(openclaw-gateway-published|firewall-)/.test(f.ruleId)).map((f) => `${f.severity} ${f.ruleId} ${f.line}`);

test('host firewall forms: quoted nft rule, ufw limit, iptables source ranges, ufw ranges', async () => {
  const script = [
    '#!/bin/sh',
    "nft 'add rule inet filter input tcp dport { 443, 18789 } accept'",
    'ufw limit 18790/tcp',
    'iptables -A INPUT -p tcp -m iprange --src-range 10.0.0.1-10.0.0.9 --dport 18789 -j ACCEPT',
    'ufw allow 5900:5910/tcp',
    'nft add rule inet filter forward tcp dport 18789 accept',
    '',
  ].join('\n');
  const { all } = await findingsOf({ 'scripts/fw.sh': script });
  expect(ids(all)).toEqual(['low openclaw-gateway-published 2', 'low openclaw-gateway-published 3']);
});

test('a browser port is the gateway finding in an OpenClaw repository and the generic one elsewhere, never both', async () => {
  const script = '#!/bin/sh\nufw allow 5900/tcp\n';
  expect(ids((await findingsOf({ 'fw.sh': script })).all)).toEqual(['high firewall-remote-control-public 2']);
  expect(ids((await findingsOf({ 'fw.sh': script, 'openclaw.json': '{}' })).all)).toEqual(['critical openclaw-gateway-published 2']);
});
