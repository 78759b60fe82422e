import type { LineIndex } from '../../model/line-index.js';
import { member, type JsonNode } from '../formats/json-pos.js';
import type { FirewallRule } from './model.js';
import { jsonRule, span, str, stringsOf, type StringNode } from './json-fields.js';
import { objectsWith, type Payload } from './payloads.js';

/** The keys that mark Azure NSG (`securityRules`), Linode (`inbound_policy`) and Vultr (`subnet_size`) payloads. */
export const PROVIDER_KEYS = '(securityRules|inbound_policy|subnet_size)';

/** Azure, Linode and Vultr API payloads (and ARM templates) as the model's rules. */
export function providerRules(payload: Payload, lines: LineIndex): FirewallRule[] {
  return [...azureRules(payload, lines), ...linodeRules(payload, lines), ...vultrRules(payload, lines)];
}

const lower = (node: JsonNode | undefined) => str(node)?.toLowerCase();

/**
 * Azure NSG `securityRules` (ARM templates nest the fields under `properties`, the CLI's JSON
 * does not): an inbound Allow from `*`, `Internet` or 0.0.0.0/0. `[parameters('x')]` values
 * are ARM expressions, not read.
 */
function azureRules(payload: Payload, lines: LineIndex): FirewallRule[] {
  const out: FirewallRule[] = [];
  for (const holder of objectsWith(payload.node, 'securityRules')) {
    const rules = member(holder, 'securityRules');
    for (const item of rules?.kind === 'array' ? rules.items : []) {
      const p = member(item, 'properties') ?? item;
      if (lower(member(p, 'direction')) !== 'inbound' || lower(member(p, 'access')) !== 'allow') continue;
      const protocol = lower(member(p, 'protocol')) ?? '';
      const port = member(p, 'destinationPortRange') ?? member(p, 'destinationPortRanges');
      const name = str(member(item, 'name')) ?? 'unnamed';
      for (const source of [...stringsOf(member(p, 'sourceAddressPrefix')), ...stringsOf(member(p, 'sourceAddressPrefixes'))]) {
        const r = jsonRule(payload, lines, source, protocol, port, `Security rule "${name}"`, 'sourceAddressPrefix');
        if (r) out.push(r);
      }
    }
  }
  return out;
}

/** Linode Cloud Firewall `rules`: `inbound_policy: ACCEPT` opens what no rule drops; ACCEPT rules with `addresses`. */
function linodeRules(payload: Payload, lines: LineIndex): FirewallRule[] {
  const out: FirewallRule[] = [];
  for (const holder of objectsWith(payload.node, 'inbound_policy')) {
    const policy = member(holder, 'inbound_policy');
    if (policy?.kind === 'string' && policy.value === 'ACCEPT') {
      out.push({ direction: 'in', protocol: 'all', source: '0.0.0.0/0', action: 'allow', portText: 'all', at: span(payload, lines, policy), named: '`inbound_policy: "ACCEPT"` (every port no rule drops)', origin: payload.origin, sourceField: 'inbound_policy' });
    }
    const inbound = member(holder, 'inbound');
    for (const item of inbound?.kind === 'array' ? inbound.items : []) {
      if (str(member(item, 'action')) !== 'ACCEPT') continue;
      const protocol = lower(member(item, 'protocol')) ?? '';
      const addresses = member(item, 'addresses');
      const name = str(member(item, 'label')) ?? `${protocol} ${str(member(item, 'ports')) ?? 'all'}`;
      for (const source of [...stringsOf(member(addresses, 'ipv4')), ...stringsOf(member(addresses, 'ipv6'))]) {
        const r = jsonRule(payload, lines, source, protocol, member(item, 'ports'), `Inbound rule "${name}"`, 'addresses');
        if (r) out.push(r);
      }
    }
  }
  return out;
}

/** Vultr firewall rules: `subnet` and `subnet_size` make the source (`0.0.0.0` and `0` is everyone). */
function vultrRules(payload: Payload, lines: LineIndex): FirewallRule[] {
  const out: FirewallRule[] = [];
  for (const item of objectsWith(payload.node, 'subnet_size')) {
    const subnet = member(item, 'subnet');
    const size = member(item, 'subnet_size');
    const bits = size?.kind === 'number' ? size.value : Number(str(size));
    if (subnet?.kind !== 'string' || !Number.isInteger(bits)) continue;
    const source: StringNode = { ...subnet, value: `${subnet.value}/${bits}` };
    const protocol = lower(member(item, 'protocol')) ?? '';
    const name = str(member(item, 'notes')) || `${protocol} ${str(member(item, 'port')) ?? 'all'}`;
    const r = jsonRule(payload, lines, source, protocol, member(item, 'port'), `Rule "${name}"`, 'subnet');
    if (r) out.push(r);
  }
  return out;
}
