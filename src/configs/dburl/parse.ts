import { trimTrailing as trimChars } from '../../model/trim.js';

/**
 * Database connection URLs (`DATABASE_URL`-style) as the client libraries read them:
 * `scheme://[user[:password]@]host[:port][,host[:port]...][/database][?key=value&...]`, with
 * IPv6 hosts in brackets, several hosts for failover (libpq, MongoDB), percent-encoding, and
 * libpq's `?host=` parameter (a Unix socket folder when it starts with `/`).
 */
export type DbKind = 'postgres' | 'mysql' | 'mongodb' | 'redis' | 'amqp';

export interface DbHost {
  /** Decoded, without brackets: `10.0.1.5`, `::1`, `/var/run/postgresql`. */
  host: string;
  port?: number;
  /** Offset of the host in the URL text (for a `?host=` parameter, of its value). */
  offset: number;
  length: number;
}

export interface DbParam {
  key: string;
  value: string;
  /** Offset of the value in the URL text. */
  offset: number;
  length: number;
}

export interface DbUrl {
  /** The URL as written. */
  text: string;
  /** The scheme as written, lower-cased, with any `+driver` suffix (`postgresql+asyncpg`). */
  scheme: string;
  kind: DbKind;
  /** True when the scheme itself means TLS (`rediss`, `amqps`, `mongodb+srv`). */
  tlsScheme: boolean;
  user?: string;
  /** Whether a password is present; the password itself is never kept. */
  hasPassword: boolean;
  hosts: DbHost[];
  database?: string;
  /** Query parameters in order, keys lower-cased. */
  params: DbParam[];
  /** Offset of the `?` that starts the query string, or undefined. */
  queryOffset?: number;
}

const KINDS: Record<string, DbKind> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  mongodb: 'mongodb',
  redis: 'redis',
  rediss: 'redis',
  amqp: 'amqp',
  amqps: 'amqp',
};

/** Where URLs of these schemes start in free text; the URL runs to whitespace or a quote. */
export const DB_URL = /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb|rediss?|amqps?)(?:\+[a-z0-9]+)?:\/\/[^\s'"`<>\\]+/gi;

/** Every database URL in a text, with its offset. */
export function findDbUrls(text: string): Array<{ url: DbUrl; offset: number }> {
  const out: Array<{ url: DbUrl; offset: number }> = [];
  for (const m of text.matchAll(DB_URL)) {
    const url = parseDbUrl(trimTrailing(m[0]));
    if (url) out.push({ url, offset: m.index });
  }
  return out;
}

/** Punctuation that ends a sentence or closes code around the URL is not part of it. */
function trimTrailing(s: string): string {
  let t = trimChars(s, '.,;:!');
  for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']]) {
    while (t.endsWith(close) && count(t, open) < count(t, close)) t = trimChars(t.slice(0, -1), '.,;:!');
  }
  return t;
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

export function parseDbUrl(text: string): DbUrl | undefined {
  const m = /^([a-z]+)(\+[a-z0-9]+)?:\/\//i.exec(text);
  if (!m) return undefined;
  const base = m[1].toLowerCase();
  const kind = KINDS[base];
  if (!kind) return undefined;
  const driver = (m[2] ?? '').toLowerCase();
  const scheme = base + driver;
  const tlsScheme = base === 'rediss' || base === 'amqps' || (base === 'mongodb' && driver === '+srv');
  const start = m[0].length;
  const q = text.indexOf('?', start);
  const beforeQuery = q < 0 ? text.slice(start) : text.slice(start, q);
  // A host never holds '@'; a password may (unencoded), so the userinfo ends at the last one.
  const at = beforeQuery.lastIndexOf('@');
  const userinfo = at < 0 ? undefined : beforeQuery.slice(0, at);
  const hostStart = start + (at < 0 ? 0 : at + 1);
  const hostAndPath = text.slice(hostStart, q < 0 ? text.length : q);
  const slash = hostAndPath.indexOf('/');
  const hostList = slash < 0 ? hostAndPath : hostAndPath.slice(0, slash);
  const database = slash < 0 ? undefined : decode(hostAndPath.slice(slash + 1)) || undefined;
  const hosts = splitHosts(hostList, hostStart);
  const params = q < 0 ? [] : parseQuery(text, q + 1);
  // libpq: `?host=` names the host (or socket folder) when the authority leaves it out.
  const hostParams = params.filter((p) => p.key === 'host' || p.key === 'hostaddr');
  if (kind === 'postgres' && hosts.every((h) => h.host === '') && hostParams.length) {
    hosts.length = 0;
    for (const p of hostParams) hosts.push(...splitHosts(p.value, p.offset, true));
  }
  const colon = userinfo?.indexOf(':') ?? -1;
  const user = userinfo === undefined ? undefined : decode(colon < 0 ? userinfo : userinfo.slice(0, colon));
  return {
    text,
    scheme,
    kind,
    tlsScheme,
    ...(user ? { user } : {}),
    hasPassword: colon >= 0,
    hosts,
    ...(database ? { database } : {}),
    params,
    ...(q < 0 ? {} : { queryOffset: q }),
  };
}

/** `h1:5432,[::1]:5433,h3` into hosts; `decoded` when the list came from a parameter value. */
function splitHosts(list: string, offset: number, decoded = false): DbHost[] {
  const out: DbHost[] = [];
  let i = 0;
  while (i <= list.length) {
    let end = i;
    if (list[i] === '[') end = Math.max(list.indexOf(']', i), i);
    const comma = list.indexOf(',', end);
    const item = list.slice(i, comma < 0 ? list.length : comma);
    out.push(hostOf(item, offset + i, decoded));
    if (comma < 0) break;
    i = comma + 1;
  }
  return out;
}

function hostOf(item: string, offset: number, decoded: boolean): DbHost {
  if (item.startsWith('[')) {
    const close = item.indexOf(']');
    const host = item.slice(1, close < 0 ? item.length : close);
    const port = close < 0 ? undefined : portOf(item.slice(close + 1).replace(/^:/, ''));
    return { host: host.toLowerCase(), ...(port ? { port } : {}), offset: offset + 1, length: host.length };
  }
  // A socket path (from `?host=/run/postgresql` or encoded as %2F) has no port part.
  const raw = decoded ? item : decode(item);
  if (raw.startsWith('/')) return { host: raw, offset, length: item.length };
  const colon = item.lastIndexOf(':');
  const name = colon < 0 ? item : item.slice(0, colon);
  const port = colon < 0 ? undefined : portOf(item.slice(colon + 1));
  return { host: decode(name).toLowerCase(), ...(port ? { port } : {}), offset, length: name.length };
}

function portOf(s: string): number | undefined {
  return /^\d{1,5}$/.test(s) ? Number(s) : undefined;
}

function parseQuery(text: string, from: number): DbParam[] {
  const out: DbParam[] = [];
  const hash = text.indexOf('#', from);
  const query = text.slice(from, hash < 0 ? text.length : hash);
  let offset = from;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    if (key) out.push({ key, value: decode(raw), offset: offset + (eq < 0 ? part.length : eq + 1), length: raw.length });
    offset += part.length + 1;
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The last value of a query parameter, as the drivers read a repeated one. */
export function param(url: DbUrl, key: string): DbParam | undefined {
  return url.params.filter((p) => p.key === key).pop();
}
