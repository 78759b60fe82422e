import type { Detection, Fix } from '../../model/finding.js';
import { configRule, type Span } from '../rule.js';
import { describeDatabases, exposureOf, isWorld, type PortRange } from '../shared/ports.js';

export const inboundOpen = configRule({
  id: 'firewall-inbound-open',
  title: 'Firewall payload opens every port (or a port range) to the internet',
  severity: 'critical',
  why: 'The guide denies all inbound traffic by default and opens single ports the app needs; an all-protocol or port-range rule from anywhere exposes SSH, databases and every debug port at once.',
  fix: 'Replace the rule with one rule per port the app serves (e.g. 443), and keep SSH and databases to known sources.',
});
export const sshPublic = configRule({
  id: 'firewall-ssh-public',
  title: 'Firewall payload opens SSH to the internet',
  severity: 'high',
  why: 'The guide allows SSH only from known addresses (your /32, a bastion or the private network), so scanners and password sprayers never reach sshd.',
  fix: 'Set "source_cidr" of the SSH rule to your own address as a /32 (e.g. "203.0.113.5/32") or to the private network.',
});
export const databasePublic = configRule({
  id: 'firewall-database-public',
  title: 'Firewall payload opens a database port to the internet',
  severity: 'critical',
  why: 'Databases must never be public: the guide keeps PostgreSQL, Redis and MongoDB on the private network (10.x), where internet scanners cannot reach them.',
  fix: 'Set "source_cidr" to the private network ("10.0.0.0/8" or your VPC range), or delete the rule and connect over the private network.',
});

export const remoteControlPublic = configRule({
  id: 'firewall-remote-control-public',
  title: 'Firewall opens a remote-control port (VNC, noVNC, Chrome DevTools) to the internet',
  severity: 'high',
  why: 'VNC (5900), noVNC (6080) and the Chrome DevTools Protocol (9222) hand whoever connects a desktop or a browser to drive; they are meant for localhost or a tunnel, and scanners look for them.',
  fix: 'Remove the rule and reach the port through an SSH tunnel (`ssh -L 5900:localhost:5900 host`) or a VPN; if it must stay, allow only your address as a /32.',
});

/** Ports that give a remote screen or browser, with their names (OpenClaw's sandbox browser uses all three). */
export const REMOTE_CONTROL_PORTS: ReadonlyMap<number, string> = new Map([
  [9222, 'the Chrome DevTools Protocol (CDP 9222)'],
  [5900, 'VNC (5900)'],
  [6080, 'noVNC (6080)'],
]);

export const FIREWALL_RULES = [inboundOpen, sshPublic, databasePublic, remoteControlPublic];

/**
 * One firewall rule, whatever wrote it: the guide's payload, a provider's API payload
 * (DigitalOcean, Hetzner), Terraform, or a host firewall command. Only what decides exposure.
 */
export interface FirewallRule {
  direction: 'in' | 'out';
  /** Lower-cased: `tcp`, `udp`, `icmp`, or `all` for every protocol. */
  protocol: string;
  /** Undefined when the rule names no port (every port of its protocol). */
  ports?: PortRange[];
  /** How the source reads in messages and fingerprints (`0.0.0.0/0`). */
  source: string;
  action: 'allow' | 'deny';
  /** The port as written, for messages (`22`, `"5000-6000"`). */
  portText: string;
  /** Where the source (or the rule) is written. */
  at: Span;
  /** Where the port is written, when that is a word of its own (a host firewall command). */
  portAt?: Span;
  /** `Inbound rule "ssh"`, `aws_security_group.web ingress`. */
  named: string;
  /** `the JSON file`, `main.tf`: where the rule lives, for messages. */
  origin: string;
  /** The field that holds the source, for the fix text (`source_cidr`, `cidr_blocks`). */
  sourceField: string;
  /** A one-line edit that narrows the source, when the file holds it verbatim. */
  narrow?: Fix;
}

/** The exposure findings of the rules: every port, a range, SSH or a database, open to the world. */
export function judgeFirewall(rules: readonly FirewallRule[]): Detection[] {
  const out: Detection[] = [];
  for (const r of rules) {
    if (r.direction !== 'in' || r.action !== 'allow' || !isWorld(r.source)) continue;
    if (r.protocol === 'icmp' || r.protocol === 'icmpv6' || r.protocol === 'ipv6-icmp') continue;
    const where = `to ${r.source} (${r.origin})`;
    const field = r.sourceField === 'source_cidr' ? undefined : r.sourceField;
    const remediation = (text: string) => (field ? { remediation: text.replace('"source_cidr"', `\`${field}\``) } : {});
    const proto = r.protocol && r.protocol !== 'all' ? `${r.protocol} ` : '';
    // A rule that names its ports opens those ports whatever the protocol: Azure's `protocol: "*"`
    // with `destinationPortRange: "22"` is SSH over TCP and UDP, not every port.
    if (!r.ports) {
      const what = r.protocol === 'all' ? `protocol "all"` : `every ${proto}port`;
      out.push(inboundOpen.at(r.at, { message: `${r.named} allows ${what} ${where}: SSH and databases included.`, key: `inbound all ${r.protocol} ${r.source}`, ...remediation(inboundOpen.fix) }));
      continue;
    }
    const { ssh, databases } = exposureOf(r.ports);
    if (r.ports.some((p) => p.to > p.from)) {
      const covered = [ssh ? 'SSH (22)' : '', describeDatabases(databases)].filter(Boolean).join(', ');
      out.push(inboundOpen.at(r.at, { message: `${r.named} opens ${proto}port range ${r.portText} ${where}${covered ? `, covering ${covered}` : ''}.`, key: `inbound range ${r.portText} ${r.source}`, ...remediation(inboundOpen.fix) }));
      continue;
    }
    const fix = r.narrow ? { fix: r.narrow } : {};
    if (databases.length) out.push(databasePublic.at(r.at, { message: `${r.named} opens ${describeDatabases(databases)} ${where}.`, key: `inbound ${r.portText} ${r.source}`, ...fix, ...remediation(databasePublic.fix) }));
    if (ssh) out.push(sshPublic.at(r.at, { message: `${r.named} opens SSH (${proto}port ${r.portText}) ${where}.`, key: `inbound ssh ${r.portText} ${r.source}`, ...fix, ...remediation(sshPublic.fix) }));
  }
  return out;
}
