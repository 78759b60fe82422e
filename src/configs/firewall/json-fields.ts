import type { LineIndex } from '../../model/line-index.js';
import type { JsonNode } from '../formats/json-pos.js';
import { parsePorts, type PortRange } from '../shared/ports.js';
import type { Span } from '../rule.js';
import type { Payload } from './payloads.js';
import type { FirewallRule } from './model.js';

/** Ports as the payload writes them: 22, "22", "5000-6000", "80,443", or a list of those. */
export function portsOf(node: JsonNode): PortRange[] | undefined {
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

export type StringNode = Extract<JsonNode, { kind: 'string' }>;

export function stringsOf(node: JsonNode | undefined): StringNode[] {
  if (node?.kind === 'string') return [node];
  if (node?.kind === 'array') return node.items.filter((n): n is StringNode => n.kind === 'string');
  return [];
}

export function str(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/** The string's span, quotes included, in file lines and columns. */
export function span(payload: Payload, lines: LineIndex, node: StringNode): Span {
  const a = lines.position(payload.fileOffset(node.start));
  const b = lines.position(payload.fileOffset(node.end - 1) + 1);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}


/** The port as written, for messages. */
export function portTextOf(port: JsonNode | undefined): string {
  return !port ? 'all' : port.kind === 'string' ? port.value : port.kind === 'number' ? String(port.value) : 'list';
}

/** One model rule from a JSON rule's source, protocol and port; undefined when the port cannot be read. */
export function jsonRule(payload: Payload, lines: LineIndex, source: StringNode, protocol: string, port: JsonNode | undefined, named: string, sourceField: string, direction: 'in' | 'out' = 'in'): FirewallRule | undefined {
  const ranges = port ? portsOf(port) : undefined;
  // A port we cannot read is skipped, not taken for "every port".
  if (port && !ranges) return undefined;
  // "all" and AWS's -1 are every protocol on every port; Azure's `*` is TCP and UDP on the ports named.
  const every = !ranges || (ranges.length === 1 && ranges[0].from === 0 && ranges[0].to === 65535) || /^(all|-1)$/.test(protocol);
  const portText = portTextOf(port);
  return {
    direction,
    protocol: /^(\*|all|any|-1)$/.test(protocol) ? 'all' : protocol,
    ...(every ? {} : { ports: ranges }),
    source: source.value,
    action: 'allow',
    portText,
    at: span(payload, lines, source),
    named,
    origin: payload.origin,
    sourceField,
  };
}
