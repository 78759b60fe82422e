import type { Detection } from '../../model/finding.js';
import type { ConfigContext } from '../rule.js';
import { REMOTE_CONTROL_PORTS, remoteControlPublic, type FirewallRule } from '../firewall/model.js';
import { isWorld } from '../shared/ports.js';
import { hostFirewallRules } from '../shell/host-firewall.js';
import { ufwRules } from '../shell/ufw.js';
import { providerFirewallRules } from '../shell/provider-firewalls.js';
import type { ShellScript } from '../shell/script.js';
import { resolvedConfigs } from './check.js';
import { BROWSER_PORTS, GATEWAY_PORTS, looksLikeOpenClaw, repoAuth, severityOf } from './deploy-auth.js';
import { gatewayPublished } from './deploy-rules.js';

/**
 * The gateway's ports opened to the world by any firewall in the shared model: cloud firewalls
 * (Terraform, provider API payloads, Ansible modules) and host firewall commands (ufw, iptables,
 * nft, firewall-cmd in scripts, Dockerfile RUN, cloud-init runcmd, Ansible shell tasks), judged
 * with the auth the committed config gives. A rule for every port is firewall-inbound-open's
 * already; a named port or a range that covers one is reported here, where the message can say
 * it is the agent's shell.
 *
 * The browser ports are the agent's only in a repository that is OpenClaw's (a committed config,
 * or OpenClaw named in the file): there they are critical whatever the auth, since the gateway's
 * token does not guard them. Elsewhere 5900 is any VNC server and 9222 any Chrome with remote
 * debugging, still a remote screen or browser for anyone: firewall-remote-control-public, for a
 * single port (a range is firewall-inbound-open's).
 */
export function checkFirewallRulesGateway(rules: readonly FirewallRule[], text: string, ctx: ConfigContext): Detection[] {
  const openclaw = looksLikeOpenClaw(text) || resolvedConfigs(ctx).size > 0;
  const out: Detection[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (r.direction !== 'in' || r.action !== 'allow' || !r.ports || !isWorld(r.source)) continue;
    if (r.protocol !== '' && r.protocol !== 'tcp' && r.protocol !== 'all') continue;
    if (r.ports.some((p) => p.from <= 1 && p.to >= 65535)) continue;
    const covers = ([port]: [number, string]) => r.ports!.some((p) => p.from <= port && port <= p.to);
    const range = r.ports.some((p) => p.to > p.from);
    if (!openclaw && !range) out.push(...remoteControl(r, seen));
    const hit = [...GATEWAY_PORTS, ...(openclaw ? BROWSER_PORTS : [])].filter(covers);
    if (!hit.length) continue;
    // Two sources of one rule (0.0.0.0/0 and ::/0) are one mistake.
    const key = `firewall ${r.named} ${hit.map(([p]) => p).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const what = hit.map(([, w]) => w).join(' and ');
    const browser = hit.some(([p]) => BROWSER_PORTS.has(p));
    const auth = repoAuth(ctx);
    out.push(
      gatewayPublished.at(r.portAt ?? r.at, {
        message: `${r.named} opens ${range ? `port range ${r.portText}, covering ${what},` : what} to ${r.source} (${r.origin})${browser ? '' : `; auth: ${auth.why}`}.`,
        key,
        severity: browser ? 'critical' : severityOf(auth),
        remediation: `Remove the rule, or narrow its ${r.sourceField} to the addresses that must reach it (a VPN or bastion /32); reach the gateway through SSH or Tailscale serve and keep its token in the environment.`,
      }),
    );
  }
  return out;
}

function remoteControl(r: FirewallRule, seen: Set<string>): Detection[] {
  const hit = [...REMOTE_CONTROL_PORTS].filter(([port]) => r.ports!.some((p) => p.from === port && p.to === port));
  const key = `remote control ${r.named} ${hit.map(([p]) => p).join(',')}`;
  if (!hit.length || seen.has(key)) return [];
  seen.add(key);
  return [
    remoteControlPublic.at(r.portAt ?? r.at, {
      message: `${r.named} opens ${hit.map(([, w]) => w).join(' and ')} to ${r.source} (${r.origin}): a remote screen or browser for anyone who connects.`,
      key,
      remediation: `Remove the rule and reach the port through an SSH tunnel or a VPN; if it must stay, narrow its ${r.sourceField} to your address as a /32.`,
    }),
  ];
}

/**
 * The same judgement over a script's firewall commands: ufw, iptables, nft, firewall-cmd, and the
 * cloud providers' CLIs (doctl, hcloud, gcloud, aws).
 * `text` is the whole carrier file (a Dockerfile's FROM may be what names OpenClaw).
 */
export function checkScriptFirewallGateway(script: ShellScript, ctx: ConfigContext, text = script.text): Detection[] {
  return checkFirewallRulesGateway([...ufwRules(script), ...hostFirewallRules(script), ...providerFirewallRules(script)], text, ctx);
}
