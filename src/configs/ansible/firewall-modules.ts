import type { Node } from 'yaml';
import type { Detection } from '../../model/finding.js';
import { entry, nodeSpan, scalarText, seqItems, type MapEntry, type YamlFile } from '../formats/yaml.js';
import type { FirewallRule } from '../firewall/model.js';
import { parsePorts, SERVICE_PORTS, type PortRange } from '../shared/ports.js';
import { hostFirewallOff } from '../shell/host-firewall.js';
import { richRuleAccept } from '../firewall/rich-rule.js';

const text = (get: Args, key: string): string | undefined => scalarText(get(key)?.value);

export const FIREWALL_MODULES = new Set(['ufw', 'firewalld', 'iptables']);

/** A module's arguments, with `{{ item }}` and `{{ item.port }}` taken from the loop item the task runs for. */
type Args = (key: string) => MapEntry | undefined;

const ITEM = /^\{\{\s*item(?:\.(\w+)|\[['"](\w+)['"]\])?\s*\}\}$/;

function argsOf(args: Node | null, item: Node | undefined): Args {
  return (key) => {
    const e = entry(args, key);
    const m = item ? ITEM.exec(scalarText(e?.value) ?? '') : null;
    if (!e || !m) return e;
    const field = m[1] ?? m[2];
    const value = field ? entry(item, field)?.value : item;
    return value ? { ...e, value } : undefined;
  };
}

/**
 * A host firewall module task, read into the shared firewall model once per item of a literal
 * `loop:`/`with_items:` list (how playbooks open several ports in one task).
 */
export function firewallTask(file: YamlFile, name: string, args: Node | null, task: Node, out: Detection[], firewall: FirewallRule[], vars: ReadonlyMap<string, Node | null> = new Map()): void {
  const loop = entry(task, 'loop') ?? entry(task, 'with_items');
  const items: (Node | undefined)[] = loop ? seqItems(loopList(loop.value, vars)) : [undefined];
  for (const item of items) {
    const get = argsOf(args, item);
    if (name === 'ufw') ufwTask(file, get, out, firewall);
    else if (name === 'firewalld') firewalldTask(file, get, firewall);
    else iptablesTask(file, get, out, firewall);
  }
}

/** `loop: "{{ db_ports }}"` (or the bare `with_items: db_ports` of old playbooks) names a list a play's `vars:` spell out. */
function loopList(value: Node | null, vars: ReadonlyMap<string, Node | null>): Node | null {
  const written = scalarText(value);
  const m = written === undefined ? null : /^(?:\{\{\s*(\w+)\s*\}\}|(\w+))$/.exec(written.trim());
  return m ? (vars.get(m[1] ?? m[2]) ?? null) : value;
}

function ufwTask(file: YamlFile, get: Args, out: Detection[], firewall: FirewallRule[]): void {
  const state = get('state');
  if (scalarText(state?.value) === 'disabled') {
    out.push(hostFirewallOff.at(nodeSpan(file, state!.value), { message: 'The ufw task sets `state: disabled`, which turns the host firewall off.', key: 'ansible ufw disabled' }));
    return;
  }
  if (text(get, 'rule') !== 'allow' || (text(get, 'direction') ?? 'in') !== 'in') return;
  const source = scalarText((get('from_ip') ?? get('from') ?? get('src'))?.value) ?? 'any';
  const port = get('port') ?? get('to_port');
  const app = text(get, 'name');
  const portText = scalarText(port?.value) ?? (app ? String(SERVICE_PORTS.get(app.toLowerCase()) ?? '') : '');
  const ports = portText ? parsePorts(portText.replace(/:/g, '-')) : undefined;
  if (!ports) return;
  const at = nodeSpan(file, (port ?? get('name'))!.value);
  firewall.push({ direction: 'in', protocol: text(get, 'proto') ?? 'tcp', ports, source: source === 'any' ? '0.0.0.0/0' : source, action: 'allow', portText, at, named: `The ufw task (port ${portText})`, origin: 'no from_ip', sourceField: 'from_ip' });
}

/** Zones every interface lands in unless told otherwise; other zones only hold what is bound to them. */
const OPEN_ZONES = /^(public|external|dmz)$/;

/**
 * `firewalld: port: 5432/tcp` or `service: postgresql` with `state: enabled`, in the default
 * (public) zone and without `source:`, accepts that port from everyone.
 */
function firewalldTask(file: YamlFile, get: Args, firewall: FirewallRule[]): void {
  if (text(get, 'state') !== 'enabled' || get('source') || get('interface')) return;
  const zone = text(get, 'zone');
  if (zone !== undefined && !OPEN_ZONES.test(zone)) return;
  const rich = get('rich_rule');
  if (rich) {
    const written = scalarText(rich.value);
    const accept = written && !written.includes('{{') ? richRuleAccept(written) : undefined;
    if (accept) firewall.push({ direction: 'in', action: 'allow', ...accept, at: nodeSpan(file, rich.value), named: `The firewalld task's rich rule (port ${accept.portText})`, sourceField: 'source address' });
    return;
  }
  const port = get('port');
  const service = get('service');
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
function iptablesTask(file: YamlFile, get: Args, out: Detection[], firewall: FirewallRule[]): void {
  if (text(get, 'chain') !== 'INPUT' || text(get, 'state') === 'absent' || (text(get, 'table') ?? 'filter') !== 'filter') return;
  const policy = get('policy');
  if (scalarText(policy?.value) === 'ACCEPT') {
    out.push(hostFirewallOff.at(nodeSpan(file, policy!.value), { message: 'The iptables task sets the INPUT policy to ACCEPT, so every port no rule drops is open.', key: 'ansible iptables policy INPUT ACCEPT' }));
    return;
  }
  if (text(get, 'jump') !== 'ACCEPT' || get('source') || get('src_range') || get('in_interface')) return;
  const states = [text(get, 'ctstate'), ...seqItems(get('ctstate')?.value).map(scalarText)].join(',');
  if (/ESTABLISHED|RELATED/.test(states)) return;
  const single = get('destination_port');
  const many = seqItems(get('destination_ports')?.value).map(scalarText);
  const written = single ? [scalarText(single.value)] : many;
  if (written.some((p) => p === undefined || p.includes('{{'))) return;
  const portText = written.join(',');
  const ports: PortRange[] | undefined = portText ? parsePorts(portText.replace(/:/g, '-')) : undefined;
  if (portText && !ports) return;
  const protocol = text(get, 'protocol') ?? (ports ? 'tcp' : 'all');
  const anchor = single ?? get('destination_ports') ?? get('jump')!;
  firewall.push({
    direction: 'in',
    protocol,
    ...(ports ? { ports } : {}),
    source: text(get, 'ip_version') === 'ipv6' ? '::/0' : '0.0.0.0/0',
    action: 'allow',
    portText: portText || 'all',
    at: nodeSpan(file, anchor.value),
    named: `The iptables task (${portText ? `${single ? 'destination_port' : 'destination_ports'} ${portText}` : 'every port'}, jump ACCEPT)`,
    origin: 'no source',
    sourceField: 'source',
  });
}
