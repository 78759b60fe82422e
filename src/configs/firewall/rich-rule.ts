import { parsePorts, SERVICE_PORTS, type PortRange } from '../shared/ports.js';

/** What a firewalld rich rule admits, when it accepts inbound traffic on a known port. */
export interface RichAccept {
  ports: PortRange[];
  protocol: string;
  portText: string;
  /** `0.0.0.0/0` when the rule names no source (firewalld then matches every source). */
  source: string;
  /** For messages: whether the rule named its source. */
  origin: 'rich rule, no source address' | 'rich rule, source address';
}

const attr = (text: string, element: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${element}\\b[^]*?\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`).exec(text);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/**
 * `rule family="ipv4" source address="0.0.0.0/0" port port="5432" protocol="tcp" accept`, or
 * `service name="ssh"` instead of the port. A rule that rejects, drops, logs only, negates its
 * source (`source NOT address=…`) or matches on something else (`source ipset=…`, `mac=`) is
 * not read: whom it admits is not the rule's own text.
 */
export function richRuleAccept(rule: string): RichAccept | undefined {
  const text = rule.trim();
  if (!/^rule\b/.test(text) || !/\baccept(?:\s+limit\b.*)?$/s.test(text)) return undefined;
  if (/\bsource\s+(NOT\b|ipset=|mac=)/i.test(text) || /\bdestination\b/.test(text)) return undefined;
  const named = /\bsource\b/.test(text);
  const source = named ? attr(text, 'source', 'address') : '0.0.0.0/0';
  if (!source) return undefined;
  const origin = named ? ('rich rule, source address' as const) : ('rich rule, no source address' as const);
  const port = attr(text, 'port', 'port');
  if (port && /\bport\s+port\s*=/.test(text)) {
    const ports = parsePorts(port.replace(/:/g, '-'));
    return ports ? { ports, protocol: attr(text, 'port', 'protocol') ?? 'tcp', portText: port, source, origin } : undefined;
  }
  const service = /\bservice\s+name\s*=/.test(text) ? attr(text, 'service', 'name') : undefined;
  const known = service ? SERVICE_PORTS.get(service.toLowerCase()) : undefined;
  return known === undefined ? undefined : { ports: [{ from: known, to: known }], protocol: 'tcp', portText: String(known), source, origin };
}
