import type { Detection } from '../../model/finding.js';
import { configRule } from '../rule.js';
import { judgeFirewall, type FirewallRule } from '../firewall/model.js';
import { richRuleAccept } from '../firewall/rich-rule.js';
import { parsePorts, type PortRange } from '../shared/ports.js';
import { operands, wordSpan, type Invocation, type ShellScript } from './script.js';

export const hostFirewallOff = configRule({
  id: 'host-firewall-off',
  title: 'Script switches the host firewall off',
  severity: 'high',
  why: 'The guide keeps a default-deny host firewall (ufw) on every VM, so a service bound to 0.0.0.0 by mistake is not reachable from the internet; switching it off removes that net.',
  fix: 'Keep the firewall on and open only the ports the app serves: `ufw default deny incoming`, `ufw allow 443/tcp`, `ufw enable`.',
});

const FIREWALL_UNITS = /^(ufw|firewalld|nftables|iptables|netfilter-persistent)(\.service)?$/;

/**
 * Host firewalls in a script, as the shared firewall model: `ufw disable`, `systemctl
 * disable|stop|mask ufw|firewalld`, `iptables -P INPUT ACCEPT`, `nft flush ruleset` switch it
 * off; `iptables -A INPUT -p tcp --dport 5432 -j ACCEPT` without `-s` and
 * `firewall-cmd --add-port=5432/tcp` open a port to everyone.
 */
export function checkHostFirewall(script: ShellScript): Detection[] {
  const out: Detection[] = [];
  const rules: FirewallRule[] = [];
  for (const inv of script.invocations) {
    const args = inv.argv.slice(1).map((w) => w.value);
    const off = (what: string, key: string) => out.push(hostFirewallOff.at(wordSpan(script, inv.argv[0]), { message: `\`${what}\` turns the host firewall off.`, key }));
    if (inv.name === 'ufw' && args[0] === 'disable') off('ufw disable', 'ufw disable');
    else if (inv.name === 'systemctl' && /^(disable|stop|mask)$/.test(args.find((a) => !a.startsWith('-')) ?? '')) {
      const unit = operands(inv).slice(1).find((w) => FIREWALL_UNITS.test(w.value));
      if (unit) off(`systemctl ${args.join(' ')}`, `systemctl off ${unit.value.replace(/\.service$/, '')}`);
    } else if ((inv.name === 'iptables' || inv.name === 'ip6tables') && policyAccept(args)) off(`${inv.name} ${args.join(' ')}`, `${inv.name} policy INPUT ACCEPT`);
    else if (inv.name === 'nft' && args.join(' ') === 'flush ruleset') off('nft flush ruleset', 'nft flush ruleset');
    else if (inv.name === 'iptables' || inv.name === 'ip6tables') rules.push(...iptablesRule(script, inv, args));
    else if (inv.name === 'firewall-cmd') rules.push(...firewalldPorts(script, inv));
  }
  return [...out, ...judgeFirewall(rules)];
}

function policyAccept(args: string[]): boolean {
  const p = args.findIndex((a) => a === '-P' || a === '--policy');
  return p >= 0 && args[p + 1] === 'INPUT' && args[p + 2] === 'ACCEPT';
}

function value(args: string[], ...names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

function iptablesRule(script: ShellScript, inv: Invocation, args: string[]): FirewallRule[] {
  const chain = value(args, '-A', '--append', '-I', '--insert');
  if (chain !== 'INPUT' || value(args, '-j', '--jump') !== 'ACCEPT') return [];
  // Rules for the loopback interface or established connections do not open a port to anyone.
  if (value(args, '-i', '--in-interface') === 'lo' || args.some((a) => /ESTABLISHED|RELATED/.test(a))) return [];
  const dport = value(args, '--dport', '--destination-port', '--dports');
  const ports: PortRange[] | undefined = dport ? parsePorts(dport.replace(/:/g, '-')) : undefined;
  if (dport && !ports) return [];
  const source = value(args, '-s', '--source', '--src') ?? (inv.name === 'ip6tables' ? '::/0' : '0.0.0.0/0');
  const protocol = value(args, '-p', '--protocol') ?? 'all';
  return [
    {
      direction: 'in',
      protocol: protocol === 'all' && !dport ? 'all' : protocol,
      ...(ports ? { ports } : {}),
      source,
      action: 'allow',
      portText: dport ?? 'all',
      at: wordSpan(script, inv.argv[0]),
      named: `\`${inv.name} -A INPUT${dport ? ` --dport ${dport}` : ''} -j ACCEPT\``,
      origin: `${inv.name}, no -s`,
      sourceField: '-s',
    },
  ];
}

/** `firewall-cmd --add-port=5432/tcp` (the zone's sources are everyone unless `--add-source` narrows it). */
function firewalldPorts(script: ShellScript, inv: Invocation): FirewallRule[] {
  if (inv.argv.some((w) => /^--(add-source|zone=trusted)/.test(w.value))) return [];
  const out: FirewallRule[] = [];
  inv.argv.forEach((w, i) => {
    // argparse takes the rule as `--add-rich-rule=RULE` or as the next word.
    const rich = /^--add-rich-rule=([^]*)$/.exec(w.value)?.[1] ?? (inv.argv[i - 1]?.value === '--add-rich-rule' ? w.value : undefined);
    const accept = rich ? richRuleAccept(rich) : undefined;
    if (accept) out.push({ direction: 'in', action: 'allow', ...accept, at: wordSpan(script, w), named: `\`firewall-cmd --add-rich-rule\` (port ${accept.portText})`, sourceField: 'source address' });
    const m = /^--add-port=(\d+(?:-\d+)?)\/(tcp|udp)$/.exec(w.value);
    const ports = m ? parsePorts(m[1]) : undefined;
    if (!m || !ports) return;
    out.push({ direction: 'in', protocol: m[2], ports, source: '0.0.0.0/0', action: 'allow', portText: m[1], at: wordSpan(script, w), named: `\`firewall-cmd ${w.value}\``, origin: 'firewalld zone', sourceField: '--add-source' });
  });
  return out;
}
