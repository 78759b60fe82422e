import { isReference } from '../../secrets/placeholder.js';
import { beforeFirst } from '../../model/trim.js';

/**
 * Where a connection goes, for the guide's "private networking" and "TLS always" practices:
 * `local` never leaves the machine (loopback, Unix socket), `private` stays on a private
 * network (RFC 1918, CGNAT, link-local, ULA, internal DNS zones, single-label container or
 * service names), `public` may cross the internet, `unknown` is a template variable.
 */
export type HostClass = 'local' | 'private' | 'public' | 'unknown';

// DNS zones that only resolve inside a private network or cluster (`.consul` is Consul's own
// service discovery domain, answered by the agent on each host).
const PRIVATE_ZONES = /\.(?:internal|local|localdomain|lan|home\.arpa|intranet|corp|svc|cluster\.local|consul)$/;

// Words that stand for a host in templates. `example.com` is not one: a URL pointing there is
// copied from documentation that shows a public host, and is reported as one.
const STAND_IN = /^(?:host|hostname|server|your[-_.].*|.*\.\.\.|_+|x+)$/;

export function classifyHost(host: string): HostClass {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  // libpq with no host uses the default Unix socket; '@' starts a Linux abstract socket.
  if (h === '' || h.startsWith('/') || h.startsWith('@')) return 'local';
  if (isReference(host) || /[${}<>]/.test(h) || STAND_IN.test(h)) return 'unknown';
  if (h === 'localhost' || h.endsWith('.localhost') || h === 'ip6-localhost') return 'local';
  const v4 = ipv4(h);
  if (v4) return classifyV4(v4);
  if (h.includes(':')) return classifyV6(h);
  if (!h.includes('.')) return 'private';
  return PRIVATE_ZONES.test(h) ? 'private' : 'public';
}

function ipv4(h: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

function classifyV4([a, b]: number[]): HostClass {
  if (a === 127 || a === 0) return 'local';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  // 100.64/10 is carrier-grade NAT (and Tailscale), 169.254/16 link-local.
  if ((a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254)) return 'private';
  return 'public';
}

function classifyV6(h: string): HostClass {
  const zoneless = beforeFirst(h, '%');
  if (zoneless === '::1' || zoneless === '::') return 'local';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(zoneless);
  if (mapped) {
    const v4 = ipv4(mapped[1]);
    return v4 ? classifyV4(v4) : 'public';
  }
  // fc00::/7 unique local, fe80::/10 link-local.
  if (/^f[cd][0-9a-f]{0,2}:/.test(zoneless) || /^fe[89ab][0-9a-f]?:/.test(zoneless)) return 'private';
  return 'public';
}
