import { classifyHost } from '../dburl/hosts.js';
import { describeDatabases, exposureOf, parsePorts } from '../shared/ports.js';

/**
 * Docker's short port syntax, shared by compose `ports:` and `docker run -p`:
 * `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, where ports may be ranges and an IPv6
 * host address is written in brackets. A bare container port is published on a random host
 * port of every interface.
 */
export interface PortSpec {
  hostIp?: string;
  hostPort?: string;
  containerPort: string;
  protocol?: string;
}

/** Stands for a variable without a default: compose fills it from the environment, unknown here. */
const UNSET = '\u0000';

/**
 * Compose substitutes variables before it reads the spec: `${PG_PORT:-5432}` is 5432 unless
 * the environment says otherwise, `${HOST_IP}` is whatever the environment says.
 */
function substituted(text: string): string {
  // `[^{}]`, not `[^}]`: a default stops at the next `${`, so unclosed ones cannot each read to the end.
  return text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^{}]*))?\}|\$[A-Za-z_][A-Za-z0-9_]*/g, (_, fallback: string | undefined) => fallback ?? UNSET);
}

export function parsePortSpec(text: string): PortSpec | undefined {
  const [body, protocol] = substituted(text).trim().split('/');
  let ip: string | undefined;
  let rest = body;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return undefined;
    ip = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  if (!ip && parts.length > 3) {
    // An unbracketed IPv6 address: the last two parts are the ports.
    ip = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  } else if (!ip && parts.length === 3) {
    ip = parts.shift();
  }
  const [a, b] = parts;
  const spec: PortSpec = b === undefined ? { containerPort: a } : { hostPort: a === UNSET ? '' : a, containerPort: b };
  if (!/^\d+(-\d+)?$/.test(spec.containerPort) || (spec.hostPort && !/^\d*(-\d+)?$/.test(spec.hostPort))) return undefined;
  if (ip !== undefined) spec.hostIp = ip;
  if (protocol) spec.protocol = protocol;
  return spec;
}

/** Database ports (with their names) that the container side of a port spec covers (`5432`, `5000-6000`). */
export function databasesIn(ports: string): [number, string][] {
  // Docker's container side is one port or a dash range, never ufw's `a:b` or a list.
  if (!/^\s*\d+(?:-\d+)?\s*$/.test(ports)) return [];
  return exposureOf(parsePorts(ports) ?? []).databases;
}

/** True when the binding address reaches beyond the host: unset, a wildcard, or a public address. */
export function bindsPublicly(hostIp: string | undefined): boolean {
  if (hostIp === undefined || hostIp === '') return true;
  if (hostIp.includes(UNSET)) return false;
  const ip = hostIp.replace(/^\[|\]$/g, '');
  if (ip === '0.0.0.0' || ip === '::') return true;
  return classifyHost(ip) === 'public';
}

/** The same mapping bound to loopback, for a one-line fix. */
export function loopbackSpec(spec: PortSpec): string {
  const host = spec.hostPort || spec.containerPort;
  return `127.0.0.1:${host}:${spec.containerPort}${spec.protocol ? `/${spec.protocol}` : ''}`;
}

/** What a published database port message says, shared so every place words it the same. */
export function publishedMessage(what: string, dbs: [number, string][], hostIp: string | undefined, rules = "Docker's iptables rules"): string {
  const where = hostIp && hostIp !== '0.0.0.0' && hostIp !== '::' ? `the public address ${hostIp}` : 'all interfaces';
  return `${what} publishes ${describeDatabases(dbs)} on ${where}: ${rules} bypass ufw, so it is reachable from the internet whatever ufw says.`;
}
