import type { Detection } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import type { FirewallRule } from '../firewall/model.js';
import { isWorld } from '../shared/ports.js';
import { resolvedConfigs } from './check.js';
import { BROWSER_PORTS, GATEWAY_PORTS, looksLikeOpenClaw, repoAuth, severityOf } from './deploy-auth.js';
import { gatewayPublished } from './deploy-rules.js';

/**
 * The gateway's ports opened to the world by a cloud firewall (Terraform security groups and
 * firewalls, provider API payloads), judged like `ufw allow 18789`: with the auth the committed
 * config gives. A rule for every port is firewall-inbound-open's already; a named port or a
 * range that covers one is reported here, where the message can say it is the agent's shell.
 * The browser ports (5900 is any VNC server) count only in a repository that is OpenClaw's.
 */
export function checkFirewallRulesGateway(rules: readonly FirewallRule[], text: string, ctx: ConfigContext): Detection[] {
  const openclaw = looksLikeOpenClaw(text) || resolvedConfigs(ctx).size > 0;
  const out: Detection[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (r.direction !== 'in' || r.action !== 'allow' || !r.ports || !isWorld(r.source)) continue;
    if (r.protocol !== '' && r.protocol !== 'tcp' && r.protocol !== 'all') continue;
    if (r.ports.some((p) => p.from <= 1 && p.to >= 65535)) continue;
    const hit = [...GATEWAY_PORTS, ...(openclaw ? BROWSER_PORTS : [])].filter(([port]) => r.ports!.some((p) => p.from <= port && port <= p.to));
    if (!hit.length) continue;
    // Two sources of one rule (0.0.0.0/0 and ::/0) are one mistake.
    const key = `firewall ${r.named} ${hit.map(([p]) => p).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const what = hit.map(([, w]) => w).join(' and ');
    // The sandbox browser has no auth of its own: the gateway's token does not guard it.
    const browser = hit.some(([p]) => BROWSER_PORTS.has(p));
    const auth = repoAuth(ctx);
    const range = r.ports.some((p) => p.to > p.from);
    out.push(
      gatewayPublished.at(r.at, {
        message: `${r.named} opens ${range ? `port range ${r.portText}, covering ${what},` : what} to ${r.source} (${r.origin})${browser ? '' : `; auth: ${auth.why}`}.`,
        key,
        severity: browser ? 'critical' : severityOf(auth),
        remediation: `Remove the rule, or narrow its ${r.sourceField} to the addresses that must reach it (a VPN or bastion /32); reach the gateway through SSH or Tailscale serve and keep its token in the environment.`,
      }),
    );
  }
  return out;
}
