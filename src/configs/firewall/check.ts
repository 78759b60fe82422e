import type { Detection, Fix } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { member, type JsonNode } from '../formats/json-pos.js';
import { parseError } from '../parse-error.js';
import { parsePorts, type PortRange } from '../shared/ports.js';
import { FIREWALL_RULES, judgeFirewall, type FirewallRule } from './model.js';
import type { ConfigCheck, Span } from '../rule.js';
import { isShellScript } from '../shell/check.js';
import { findPayloads, objectsWith, type Payload } from './payloads.js';
import { checkFirewallRulesGateway } from '../openclaw/deploy-firewall.js';

// The guide's and DigitalOcean's `inbound_rules`, Hetzner's `rules` with `source_ips`.
const MARKER = /"(inbound|outbound)_rules"|"source_ips"/;
/** In a script the payload may sit in double quotes, its own quotes escaped (`\"inbound_rules\"`). */
const RAW_MARKER = /\\?"((inbound|outbound)_rules|source_ips)\\?"/;

export const firewallCheck: ConfigCheck = {
  name: 'firewall-payload',
  rules: FIREWALL_RULES,
  applies(path, text) {
    return (/\.json$/i.test(path) || isShellScript(path, text)) && RAW_MARKER.test(text);
  },
  check(path, text, ctx) {
    const lines = new LineIndex(text);
    const { payloads, error } = findPayloads(path, text, MARKER, !/\.json$/i.test(path));
    const out: Detection[] = [];
    if (error) {
      out.push(parseError(path, lines.position(error.offset), error.message, 'json'));
    }
    for (const payload of payloads) {
      const model: FirewallRule[] = [];
      for (const holder of objectsWith(payload.node, 'inbound_rules')) {
        const rules = member(holder, 'inbound_rules');
        if (rules?.kind !== 'array') continue;
        rules.items.forEach((rule, i) => model.push(...inboundRules(rule, i, payload, lines, 'in')));
      }
      // Hetzner: `rules: [{ direction: "in", port: "22", source_ips: [...] }]`.
      for (const holder of objectsWith(payload.node, 'rules')) {
        const rules = member(holder, 'rules');
        if (rules?.kind !== 'array') continue;
        rules.items.forEach((rule, i) => {
          if (member(rule, 'source_ips')) model.push(...inboundRules(rule, i, payload, lines, str(member(rule, 'direction')) === 'out' ? 'out' : 'in'));
        });
      }
      out.push(...judgeFirewall(model), ...checkFirewallRulesGateway(model, text, ctx));
    }
    return out;
  },
};

/**
 * One payload rule as the model's rules, one per source: the guide's `source_cidr(s)` and
 * `port`, DigitalOcean's `sources.addresses` and `ports`, Hetzner's `source_ips` and `port`.
 * Ports may be numbers or strings (`"22"`, `"8000-9000"`, `"all"`).
 */
function inboundRules(rule: JsonNode, index: number, payload: Payload, lines: LineIndex, direction: 'in' | 'out'): FirewallRule[] {
  const fields: [string, JsonNode | undefined][] = [
    ['source_cidr', member(rule, 'source_cidr') ?? member(rule, 'source_cidrs')],
    ['sources.addresses', member(member(rule, 'sources'), 'addresses')],
    ['source_ips', member(rule, 'source_ips')],
  ];
  const protocol = str(member(rule, 'protocol'))?.toLowerCase() ?? '';
  const port = member(rule, 'port') ?? member(rule, 'ports');
  const ranges = port ? portsOf(port) : undefined;
  // A rule that names a port we cannot read is skipped, not taken for "every port".
  if (port && !ranges) return [];
  const portText = !port ? 'all' : port.kind === 'string' ? port.value : port.kind === 'number' ? String(port.value) : 'list';
  const description = str(member(rule, 'description')) ?? str(member(rule, 'name'));
  // Minified payloads put every rule on one line: the name says which rule it is.
  const named = description ? `Inbound rule "${description}"` : `Inbound rule ${index + 1} (${protocol || 'any protocol'} ${portText})`;
  const out: FirewallRule[] = [];
  for (const [field, node] of fields) {
    for (const source of stringsOf(node)) {
      const fix = fixSource(payload, lines, source, '10.0.0.0/8');
      out.push({
        direction,
        protocol: /^(all|any|\*|-1)$/.test(protocol) ? 'all' : protocol,
        ...(ranges && !(ranges.length === 1 && ranges[0].from === 0 && ranges[0].to === 65535) ? { ports: ranges } : {}),
        source: source.value,
        action: 'allow',
        portText,
        at: span(payload, lines, source),
        named,
        origin: payload.origin,
        sourceField: field,
        ...(fix ? { narrow: fix } : {}),
      });
    }
  }
  return out;
}

/** Ports as the payload writes them: 22, "22", "5000-6000", "80,443", or a list of those. */
function portsOf(node: JsonNode): PortRange[] | undefined {
  if (node.kind === 'number') return [{ from: node.value, to: node.value }];
  if (node.kind === 'string') {
    if (/^(all|any|\*)$/i.test(node.value.trim())) return [{ from: 0, to: 65535 }];
    return parsePorts(node.value);
  }
  if (node.kind === 'array') {
    const parts = node.items.map(portsOf);
    return parts.every((p) => p) ? parts.flatMap((p) => p!) : undefined;
  }
  return undefined;
}

type StringNode = Extract<JsonNode, { kind: 'string' }>;

function stringsOf(node: JsonNode | undefined): StringNode[] {
  if (node?.kind === 'string') return [node];
  if (node?.kind === 'array') return node.items.filter((n): n is StringNode => n.kind === 'string');
  return [];
}

function str(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/** The string's span, quotes included, in file lines and columns. */
function span(payload: Payload, lines: LineIndex, node: StringNode): Span {
  const a = lines.position(payload.fileOffset(node.start));
  const b = lines.position(payload.fileOffset(node.end - 1) + 1);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** Rewrites the CIDR between its quotes, when the file holds it as the JSON does. */
function fixSource(payload: Payload, lines: LineIndex, node: StringNode, cidr: string): Fix | undefined {
  if (!payload.verbatim(node.start + 1, node.end - 1)) return undefined;
  return lines.replaceSpan(payload.fileOffset(node.start + 1), payload.fileOffset(node.end - 2) + 1, cidr);
}
