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
  for (const inv of script.invocations) {
    const args = inv.argv.slice(1).map((w) => w.value);
    const off = (what: string, key: string) => out.push(hostFirewallOff.at(wordSpan(script, inv.argv[0]), { message: `\`${what}\` turns the host firewall off.`, key }));
    if (inv.name === 'ufw' && args[0] === 'disable') off('ufw disable', 'ufw disable');
    else if (inv.name === 'systemctl' && /^(disable|stop|mask)$/.test(args.find((a) => !a.startsWith('-')) ?? '')) {
      const unit = operands(inv).slice(1).find((w) => FIREWALL_UNITS.test(w.value));
      if (unit) off(`systemctl ${args.join(' ')}`, `systemctl off ${unit.value.replace(/\.service$/, '')}`);
    } else if ((inv.name === 'iptables' || inv.name === 'ip6tables') && policyAccept(args)) off(`${inv.name} ${args.join(' ')}`, `${inv.name} policy INPUT ACCEPT`);
    else if (inv.name === 'nft' && args.join(' ') === 'flush ruleset') off('nft flush ruleset', 'nft flush ruleset');
  }
  return [...out, ...judgeFirewall(hostFirewallRules(script))];
}

/**
 * The inbound rules of the script's iptables, nft and firewall-cmd lines, in the shared model
 * (ufw's own rules are `ufwRules`: ufw.ts judges them with its own messages).
 */
export function hostFirewallRules(script: ShellScript): FirewallRule[] {
  const rules: FirewallRule[] = [];
  for (const inv of script.invocations) {
    const args = inv.argv.slice(1).map((w) => w.value);
    if (inv.name === 'iptables' || inv.name === 'ip6tables') rules.push(...iptablesRule(script, inv, args));
    else if (inv.name === 'firewall-cmd') rules.push(...firewalldPorts(script, inv));
    else if (inv.name === 'nft') rules.push(...nftRule(script, inv));
  }
  return rules;
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
  // DOCKER-USER is where a Docker-published port is filtered (ufw's INPUT never sees it).
  if ((chain !== 'INPUT' && chain !== 'DOCKER-USER') || value(args, '-j', '--jump') !== 'ACCEPT') return [];
  // Rules for the loopback interface or established connections do not open a port to anyone.
  if (value(args, '-i', '--in-interface') === 'lo' || args.some((a) => /ESTABLISHED|RELATED/.test(a))) return [];
  const dport = value(args, '--dport', '--destination-port', '--dports');
  const ports: PortRange[] | undefined = dport ? parsePorts(dport.replace(/:/g, '-')) : undefined;
  if (dport && !ports) return [];
  const source = value(args, '-s', '--source', '--src', '--src-range') ?? (inv.name === 'ip6tables' ? '::/0' : '0.0.0.0/0');
  const portWord = inv.argv.findIndex((w) => ['--dport', '--destination-port', '--dports'].includes(w.value));
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
      ...(portWord >= 0 && inv.argv[portWord + 1] ? { portAt: wordSpan(script, inv.argv[portWord + 1]) } : {}),
      named: `\`${inv.name} -A ${chain}${dport ? ` --dport ${dport}` : ''} -j ACCEPT\``,
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

/**
 * `nft add rule inet filter input tcp dport 18789 accept` (also `insert`, a `{ 80, 443 }` set and
 * the whole rule as one quoted argument); `ip saddr`/`ip6 saddr` narrows the source. Rules in
 * a chain not named input are left alone: nft chain names are the author's, and only input is
 * sure to filter what reaches the host.
 */
function nftRule(script: ShellScript, inv: Invocation): FirewallRule[] {
  const words = inv.argv.slice(1).filter((w) => !w.value.startsWith('-'));
  const text = words.map((w) => w.value).join(' ');
  const m = /^(?:add|insert)\s+rule\s+(?:(?:ip|ip6|inet)\s+)?\S+\s+(\S+)\s+(.*)$/s.exec(text);
  if (!m || !/^input$/i.test(m[1]) || !/\baccept\s*$/.test(m[2])) return [];
  const statement = m[2];
  if (/\b(?:iifname|iif)\s+"?lo"?\b/.test(statement) || /\bct\s+state\b/.test(statement)) return [];
  const dport = /\b(tcp|udp|th)\s+dport\s+(\{[^}]*\}|\S+)/.exec(statement);
  if (!dport) return [];
  const portText = dport[2].replace(/[{}\s]/g, '');
  const ports = parsePorts(portText);
  if (!ports) return [];
  const saddr = /\bip6?\s+saddr\s+(\S+)/.exec(statement)?.[1];
  const first = dport[2].slice(0, dport[2].search(/[{},\s]|$/)) || portText;
  const portWord = words.find((w) => w.value === first || w.value.startsWith(`${first},`) || w.value.includes(` dport ${first}`));
  return [
    {
      direction: 'in',
      protocol: dport[1] === 'th' ? 'all' : dport[1],
      ports,
      source: saddr ?? '0.0.0.0/0',
      action: 'allow',
      portText,
      at: wordSpan(script, inv.argv[0]),
      ...(portWord ? { portAt: wordSpan(script, portWord) } : {}),
      named: `\`nft ${m[0].startsWith('insert') ? 'insert' : 'add'} rule … ${dport[1]} dport ${dport[2]} accept\``,
      origin: 'nft, no saddr',
      sourceField: 'ip saddr',
    },
  ];
}
