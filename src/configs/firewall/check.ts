import type { Detection, Fix } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { member, type JsonNode } from '../formats/json-pos.js';
import { parseError } from '../parse-error.js';
import { describeDatabases, exposureOf, isWorld, parsePorts, type PortRange } from '../shared/ports.js';
import { configRule, type ConfigCheck, type Span } from '../rule.js';
import { isShellScript } from '../shell/check.js';
import { findPayloads, objectsWith, type Payload } from './payloads.js';

const inboundOpen = configRule({
  id: 'firewall-inbound-open',
  title: 'Firewall payload opens every port (or a port range) to the internet',
  severity: 'critical',
  why: 'The guide denies all inbound traffic by default and opens single ports the app needs; an all-protocol or port-range rule from anywhere exposes SSH, databases and every debug port at once.',
  fix: 'Replace the rule with one rule per port the app serves (e.g. 443), and keep SSH and databases to known sources.',
});
const sshPublic = configRule({
  id: 'firewall-ssh-public',
  title: 'Firewall payload opens SSH to the internet',
  severity: 'high',
  why: 'The guide allows SSH only from known addresses (your /32, a bastion or the private network), so scanners and password sprayers never reach sshd.',
  fix: 'Set "source_cidr" of the SSH rule to your own address as a /32 (e.g. "203.0.113.5/32") or to the private network.',
});
const databasePublic = configRule({
  id: 'firewall-database-public',
  title: 'Firewall payload opens a database port to the internet',
  severity: 'critical',
  why: 'Databases must never be public: the guide keeps PostgreSQL, Redis and MongoDB on the private network (10.x), where internet scanners cannot reach them.',
  fix: 'Set "source_cidr" to the private network ("10.0.0.0/8" or your VPC range), or delete the rule and connect over the private network.',
});

const MARKER = /"(inbound|outbound)_rules"/;
/** In a script the payload may sit in double quotes, its own quotes escaped (`\"inbound_rules\"`). */
const RAW_MARKER = /\\?"(inbound|outbound)_rules\\?"/;

export const firewallCheck: ConfigCheck = {
  name: 'firewall-payload',
  rules: [inboundOpen, sshPublic, databasePublic],
  applies(path, text) {
    return (/\.json$/i.test(path) || isShellScript(path, text)) && RAW_MARKER.test(text);
  },
  check(path, text) {
    const lines = new LineIndex(text);
    const { payloads, error } = findPayloads(path, text, MARKER, !/\.json$/i.test(path));
    const out: Detection[] = [];
    if (error) {
      out.push(parseError(path, lines.position(error.offset), error.message, 'json'));
    }
    for (const payload of payloads) {
      for (const holder of objectsWith(payload.node, 'inbound_rules')) {
        const rules = member(holder, 'inbound_rules');
        if (rules?.kind !== 'array') continue;
        for (const rule of rules.items) out.push(...checkInbound(rule, payload, lines));
      }
    }
    return out;
  },
};

function checkInbound(rule: JsonNode, payload: Payload, lines: LineIndex): Detection[] {
  const sources = stringsOf(member(rule, 'source_cidr') ?? member(rule, 'source_cidrs')).filter((s) => isWorld(s.value));
  if (!sources.length) return [];
  const protocol = str(member(rule, 'protocol'))?.toLowerCase() ?? '';
  if (protocol === 'icmp' || protocol === 'icmpv6') return [];
  const description = str(member(rule, 'description'));
  const named = description ? `Inbound rule "${description}"` : 'An inbound rule';
  const port = member(rule, 'port');
  const proto = protocol ? `${protocol} ` : '';
  const out: Detection[] = [];
  for (const source of sources) {
    const at = span(payload, lines, source);
    const where = `to ${source.value} (${payload.origin})`;
    if (/^(all|any|\*|-1)$/.test(protocol)) {
      out.push(inboundOpen.at(at, { message: `${named} allows protocol "${protocol}" ${where}: every port, SSH and databases included.`, key: `inbound all ${source.value}` }));
      continue;
    }
    const ranges = port ? portsOf(port) : undefined;
    if (!ranges) continue;
    const portText = port!.kind === 'string' ? port!.value : port!.kind === 'number' ? String(port!.value) : 'list';
    const { ssh, databases } = exposureOf(ranges);
    const wide = ranges.filter((r) => r.to > r.from);
    if (wide.length) {
      const covered = [ssh ? 'SSH (22)' : '', describeDatabases(databases)].filter(Boolean).join(', ');
      out.push(
        inboundOpen.at(at, {
          message: `${named} opens ${proto}port range ${portText} ${where}${covered ? `, covering ${covered}` : ''}.`,
          key: `inbound range ${portText} ${source.value}`,
        }),
      );
      continue;
    }
    const fix = fixSource(payload, lines, source, '10.0.0.0/8');
    if (databases.length) {
      out.push(databasePublic.at(at, { message: `${named} opens ${describeDatabases(databases)} ${where}.`, key: `inbound ${portText} ${source.value}`, ...(fix ? { fix } : {}) }));
    }
    if (ssh) {
      out.push(sshPublic.at(at, { message: `${named} opens SSH (${proto}port ${portText}) ${where}.`, key: `inbound ssh ${portText} ${source.value}`, ...(fix ? { fix } : {}) }));
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
