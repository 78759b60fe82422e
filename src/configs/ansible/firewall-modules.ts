import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import { entry, nodeSpan, scalarText, seqItems, type YamlFile } from '../formats/yaml.js';
import type { FirewallRule } from '../firewall/model.js';
import { parsePorts, SERVICE_PORTS, type PortRange } from '../shared/ports.js';
import { hostFirewallOff } from '../shell/host-firewall.js';

/** The host firewall modules, read into the shared firewall model; true when `name` is one of them. */
export function firewallTask(file: YamlFile, name: string, args: Node | null, out: Detection[], firewall: FirewallRule[]): boolean {
  if (name === 'ufw') ufwTask(file, args, out, firewall);
  else if (name === 'firewalld') firewalldTask(file, args, firewall);
  else if (name === 'iptables') iptablesTask(file, args, out, firewall);
  else return false;
  return true;
}

const text = (args: Node | null, key: string): string | undefined => scalarText(entry(args, key)?.value);

function ufwTask(file: YamlFile, args: Node | null, out: Detection[], firewall: FirewallRule[]): void {
  const state = entry(args, 'state');
  if (scalarText(state?.value) === 'disabled') {
    out.push(hostFirewallOff.at(nodeSpan(file, state!.value), { message: 'The ufw task sets `state: disabled`, which turns the host firewall off.', key: 'ansible ufw disabled' }));
    return;
  }
  if (text(args, 'rule') !== 'allow' || (text(args, 'direction') ?? 'in') !== 'in') return;
  const source = scalarText((entry(args, 'from_ip') ?? entry(args, 'from') ?? entry(args, 'src'))?.value) ?? 'any';
  const port = entry(args, 'port') ?? entry(args, 'to_port');
  const app = text(args, 'name');
  const portText = scalarText(port?.value) ?? (app ? String(SERVICE_PORTS.get(app.toLowerCase()) ?? '') : '');
  const ports = portText ? parsePorts(portText.replace(/:/g, '-')) : undefined;
  if (!ports) return;
  const at = nodeSpan(file, (port ?? entry(args, 'name'))!.value);
  firewall.push({ direction: 'in', protocol: text(args, 'proto') ?? 'tcp', ports, source: source === 'any' ? '0.0.0.0/0' : source, action: 'allow', portText, at, named: `The ufw task (port ${portText})`, origin: 'no from_ip', sourceField: 'from_ip' });
}

/** Zones every interface lands in unless told otherwise; other zones only hold what is bound to them. */
const OPEN_ZONES = /^(public|external|dmz)$/;

/**
 * `firewalld: port: 5432/tcp` or `service: postgresql` with `state: enabled`, in the default
 * (public) zone and without `source:`, accepts that port from everyone.
 */
function firewalldTask(file: YamlFile, args: Node | null, firewall: FirewallRule[]): void {
  if (text(args, 'state') !== 'enabled' || entry(args, 'source') || entry(args, 'interface')) return;
  const zone = text(args, 'zone');
  if (zone !== undefined && !OPEN_ZONES.test(zone)) return;
  const port = entry(args, 'port');
  const service = entry(args, 'service');
  const written = scalarText((port ?? service)?.value);
  if (!written || written.includes('{{')) return;
  const m = port ? /^(\d+(?:-\d+)?)\/(tcp|udp|sctp)$/.exec(written) : undefined;
  const known = service ? SERVICE_PORTS.get(written.toLowerCase()) : undefined;
  const ports = m ? parsePorts(m[1]) : known !== undefined ? [{ from: known, to: known }] : undefined;
  if (!ports) return;
  firewall.push({
    direction: 'in',
    protocol: m?.[2] ?? 'tcp',
    ports,
    source: '0.0.0.0/0',
    action: 'allow',
    portText: m?.[1] ?? String(known),
    at: nodeSpan(file, (port ?? service)!.value),
    named: `The firewalld task (${port ? 'port' : 'service'} ${written})`,
    origin: `zone ${zone ?? 'public (the default)'}, no source`,
    sourceField: 'rich_rule source address',
  });
}

/**
 * `iptables: chain: INPUT, policy: ACCEPT` switches the filter off; `chain: INPUT, jump: ACCEPT`
 * with a `destination_port` and no `source:` accepts that port from everyone. Rules bound to an
 * interface or to established connections are left alone: whom they admit is not in the task.
 */
function iptablesTask(file: YamlFile, args: Node | null, out: Detection[], firewall: FirewallRule[]): void {
  if (text(args, 'chain') !== 'INPUT' || text(args, 'state') === 'absent' || (text(args, 'table') ?? 'filter') !== 'filter') return;
  const policy = entry(args, 'policy');
  if (scalarText(policy?.value) === 'ACCEPT') {
    out.push(hostFirewallOff.at(nodeSpan(file, policy!.value), { message: 'The iptables task sets the INPUT policy to ACCEPT, so every port no rule drops is open.', key: 'ansible iptables policy INPUT ACCEPT' }));
    return;
  }
  if (text(args, 'jump') !== 'ACCEPT' || entry(args, 'source') || entry(args, 'src_range') || entry(args, 'in_interface')) return;
  const states = [text(args, 'ctstate'), ...seqItems(entry(args, 'ctstate')?.value).map(scalarText)].join(',');
  if (/ESTABLISHED|RELATED/.test(states)) return;
  const single = entry(args, 'destination_port');
  const many = seqItems(entry(args, 'destination_ports')?.value).map(scalarText);
  const written = single ? [scalarText(single.value)] : many;
  if (written.some((p) => p === undefined || p.includes('{{'))) return;
  const portText = written.join(',');
  const ports: PortRange[] | undefined = portText ? parsePorts(portText.replace(/:/g, '-')) : undefined;
  if (portText && !ports) return;
  const protocol = text(args, 'protocol') ?? (ports ? 'tcp' : 'all');
  const anchor = single ?? entry(args, 'destination_ports') ?? entry(args, 'jump')!;
  firewall.push({
    direction: 'in',
    protocol,
    ...(ports ? { ports } : {}),
    source: text(args, 'ip_version') === 'ipv6' ? '::/0' : '0.0.0.0/0',
    action: 'allow',
    portText: portText || 'all',
    at: nodeSpan(file, anchor.value),
    named: `The iptables task (${portText ? `${single ? 'destination_port' : 'destination_ports'} ${portText}` : 'every port'}, jump ACCEPT)`,
    origin: 'no source',
    sourceField: 'source',
  });
}
