import { findingsOf } from '../helpers/openclaw.js';

/**
 * The deploy shapes OpenClaw ships, rewritten here with the same structure (the real files are
 * read in docs/agent-configs.md): its compose file publishes 18789 and 18790 with no host IP and
 * takes the token from the environment; its systemd unit passes no --bind.
 */
const SHIPPED_COMPOSE = `services:
  openclaw-gateway:
    image: \${OPENCLAW_IMAGE:-openclaw:local}
    environment:
      HOME: /home/node
      OPENCLAW_GATEWAY_TOKEN: \${OPENCLAW_GATEWAY_TOKEN}
      OPENAI_API_KEY: \${OPENAI_API_KEY}
    volumes:
      - \${OPENCLAW_CONFIG_DIR}:/home/node/.openclaw
    ports:
      - "\${OPENCLAW_GATEWAY_PORT:-18789}:18789"
      - "\${OPENCLAW_BRIDGE_PORT:-18790}:18790"
    restart: unless-stopped
    command: ["node", "dist/index.js", "gateway", "--bind", "\${OPENCLAW_GATEWAY_BIND:-lan}", "--port", "18789"]
  openclaw-cli:
    image: \${OPENCLAW_IMAGE:-openclaw:local}
    entrypoint: ["node", "dist/index.js"]
`;

const SHIPPED_UNIT = `[Unit]
Description=OpenClaw Gateway
After=network.target

[Service]
Type=simple
User=openclaw
ExecStart=/usr/local/bin/openclaw gateway --port 18789
Restart=always

[Install]
WantedBy=multi-user.target
`;

const where = (fs: Awaited<ReturnType<typeof findingsOf>>['findings']) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.path}:${f.line}:${f.column}`).sort();

test("OpenClaw's compose shape: both ports on all interfaces, auth unknown (from the environment), so low", async () => {
  const { findings } = await findingsOf({ 'docker-compose.yml': SHIPPED_COMPOSE });
  expect(where(findings)).toEqual(['low openclaw-gateway-published docker-compose.yml:11:9', 'low openclaw-gateway-published docker-compose.yml:12:9']);
  expect(findings[0].message).toContain('OPENCLAW_GATEWAY_TOKEN comes from the environment');
});

test('the same compose published on loopback scans clean', async () => {
  const fixed = SHIPPED_COMPOSE.replace('"${OPENCLAW_GATEWAY_PORT:-18789}:18789"', '"127.0.0.1:${OPENCLAW_GATEWAY_PORT:-18789}:18789"').replace(
    '"${OPENCLAW_BRIDGE_PORT:-18790}:18790"',
    '"${OPENCLAW_BRIDGE_HOST:-127.0.0.1}:${OPENCLAW_BRIDGE_PORT:-18790}:18790"',
  );
  expect((await findingsOf({ 'docker-compose.yml': fixed })).list).toEqual([]);
});

test("OpenClaw's systemd unit shape (no --bind) is clean; with --bind lan it is reported with the unit's auth", async () => {
  expect((await findingsOf({ 'deploy/openclaw-gateway.service': SHIPPED_UNIT })).list).toEqual([]);
  const lan = SHIPPED_UNIT.replace('--port 18789', '--bind lan --port 18789');
  expect(where((await findingsOf({ 'deploy/openclaw-gateway.service': lan })).findings)).toEqual(['low openclaw-gateway-bind deploy/openclaw-gateway.service:8:50']);
  const withToken = lan.replace('Restart=always', 'Environment=OPENCLAW_GATEWAY_TOKEN=Qm7Xc2Lp9Vd4Nk8Rt3Wz6Yb1Hs5Jf0Ga\nRestart=always');
  expect((await findingsOf({ 'deploy/openclaw-gateway.service': withToken })).list).toEqual(['medium openclaw-gateway-bind']);
  const none = { 'deploy/openclaw-gateway.service': lan, 'openclaw.json': '{ gateway: { auth: { mode: "none" } } }' };
  expect((await findingsOf(none)).list).toEqual(['critical openclaw-gateway-bind', 'critical openclaw-gateway-no-auth']);
});

test('S13: ports on all interfaces and a literal token: exposure (auth set, so medium) and the token as a secret', async () => {
  const s13 = `services:
  openclaw-gateway:
    environment: { OPENCLAW_GATEWAY_TOKEN: "FAKE-compose-token-0000000000" }
    ports: ["18789:18789", "18790:18790"]
    command: ["node","dist/index.js","gateway","--bind","lan","--port","18789"]
`;
  const { findings, all } = await findingsOf({ 'docker-compose.yml': s13 });
  expect(all.filter((f) => f.ruleId === 'container-environment-secret').map((f) => f.line)).toEqual([3]);
  expect(where(findings)).toEqual(['medium openclaw-gateway-published docker-compose.yml:4:13', 'medium openclaw-gateway-published docker-compose.yml:4:28']);
  const pass = s13.replace('["18789:18789", "18790:18790"]', '["127.0.0.1:18789:18789"]').replace('"FAKE-compose-token-0000000000"', '"${OPENCLAW_GATEWAY_TOKEN}"');
  expect((await findingsOf({ 'docker-compose.yml': pass })).list).toEqual([]);
});

test('a literal token in the .env compose reads counts as auth; the sandbox browser is critical whatever the auth', async () => {
  const files = {
    'deploy/.env': 'OPENCLAW_GATEWAY_TOKEN=Qm7Xc2Lp9Vd4Nk8Rt3Wz6Yb1Hs5Jf0Ga\n',
    'deploy/compose.yaml': SHIPPED_COMPOSE.replace('    restart:', '      - "9222:9222"\n    restart:'),
  };
  expect((await findingsOf(files)).list).toEqual(['critical openclaw-gateway-published', 'medium openclaw-gateway-published', 'medium openclaw-gateway-published']);
});

test('host network with --bind lan, and docker.sock in the gateway', async () => {
  const compose = `services:
  gateway:
    image: ghcr.io/openclaw/openclaw:2026.1
    network_mode: host
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
    command: node dist/index.js gateway --bind lan
`;
  expect(where((await findingsOf({ 'compose.yml': compose })).findings)).toEqual([
    'critical openclaw-docker-socket compose.yml:6:9',
    'low openclaw-gateway-bind compose.yml:7:14',
  ]);
});

test('ufw, iptables and a LoadBalancer Service opening the gateway port', async () => {
  const files = {
    'scripts/firewall.sh': '#!/bin/sh\nufw allow 18789/tcp\nufw allow from 10.0.0.0/8 to any port 18789\niptables -A INPUT -p tcp --dport 18790 -j ACCEPT\niptables -A INPUT -p tcp -s 10.0.0.5 --dport 18789 -j ACCEPT\n',
    'k8s/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: openclaw\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 443\n      targetPort: 18789\n',
    'k8s/internal.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: openclaw-internal\nspec:\n  ports:\n    - port: 18789\n',
  };
  expect(where((await findingsOf(files)).findings)).toEqual([
    'low openclaw-gateway-published k8s/service.yaml:8:7',
    'low openclaw-gateway-published scripts/firewall.sh:2:11',
    'low openclaw-gateway-published scripts/firewall.sh:4:34',
  ]);
});

test('a cloud firewall that opens 18789 is judged with the committed auth; 5900 counts only in an OpenClaw repository', async () => {
  const tf = `resource "digitalocean_firewall" "agent" {
  name = "agent"
  inbound_rule {
    protocol         = "tcp"
    port_range       = "18789"
    source_addresses = ["0.0.0.0/0"]
  }
  inbound_rule {
    protocol         = "tcp"
    port_range       = "5900"
    source_addresses = ["0.0.0.0/0"]
  }
}
`;
  expect((await findingsOf({ 'main.tf': tf })).list).toEqual(['low openclaw-gateway-published']);
  const none = await findingsOf({ 'main.tf': tf, 'openclaw.json': '{ gateway: { auth: { mode: "none" } } }' });
  expect(none.list).toEqual(['critical openclaw-gateway-no-auth', 'critical openclaw-gateway-published', 'critical openclaw-gateway-published']);
  expect(none.findings.find((f) => f.message.includes('18789'))?.message).toContain('openclaw.json sets gateway.auth.mode "none"');
  const token = await findingsOf({ 'main.tf': tf, 'openclaw.json': '{ gateway: { auth: { token: "${OPENCLAW_GATEWAY_TOKEN}" } } }' });
  expect(token.list).toEqual(['critical openclaw-gateway-published', 'medium openclaw-gateway-published']);
  // Every port is firewall-inbound-open's finding; repeating it per gateway port would be noise.
  const all = tf.replace('port_range       = "18789"', 'port_range       = "1-65535"');
  expect((await findingsOf({ 'main.tf': all })).list).toEqual([]);
});
