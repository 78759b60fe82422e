import type { Detection, Fix } from '../../model/finding.js';
import { configRule, type Span } from '../rule.js';
import { param, type DbUrl } from './parse.js';

const mysqlTls = configRule({
  id: 'db-url-mysql-tls',
  title: 'MySQL URL does not require TLS',
  severity: 'high',
  why: 'MySQL clients send the password exchange and every query in plaintext unless TLS is required; the guide requires TLS to databases, even on private networks.',
  fix: 'Add `ssl-mode=REQUIRED` (`VERIFY_IDENTITY` with the server\'s CA where you can; `sslaccept=strict` for Prisma, `useSSL=true&requireSSL=true` for JDBC) and enable TLS on the server.',
});
const mongoTls = configRule({
  id: 'db-url-mongodb-tls',
  title: 'MongoDB URL without TLS to a remote host',
  severity: 'high',
  why: 'mongodb:// connects in plaintext unless `tls=true` is set, exposing credentials and documents on the wire; the guide requires TLS to databases.',
  fix: 'Add `tls=true` to the URL (or use `mongodb+srv://`, which turns TLS on) and enable TLS on the server.',
});
const amqpTls = configRule({
  id: 'db-url-amqp-plaintext',
  title: 'AMQP URL without TLS to a remote host',
  severity: 'medium',
  why: 'amqp:// sends the broker password and every message in plaintext; the guide requires TLS to internal services reached over the network.',
  fix: 'Use `amqps://` (port 5671) and enable TLS on the broker, or reach it only over localhost.',
});

export const TLS_RULES = [mysqlTls, mongoTls, amqpTls];

/** What the caller knows about the URL's place and its password, so findings read like the postgres one. */
export interface UrlSite {
  where(from: number, length: number): Span;
  shown: string;
  hosts: string;
  mask: { mask?: string[] };
  lineFix(at: number, length: number, replacement: string): { fix?: Fix; mask?: string[] };
  offset: number;
}

const ON = /^(true|1|yes|on|required|require|verify_ca|verify_identity|verify-ca|verify-full|strict)$/i;
// MySQL drivers' names for "require TLS": Connector/J, mysqlclient, Prisma, node mysql2, go-sql-driver.
const MYSQL_TLS_PARAMS = ['ssl-mode', 'sslmode', 'ssl_mode', 'sslaccept', 'requiressl', 'usessl', 'ssl', 'tls'];

/** TLS for the kinds other than postgres and redis, on remote hosts only (localhost never leaves the machine). */
export function otherTlsFindings(url: DbUrl, site: UrlSite): Detection[] {
  if (url.kind === 'mysql') {
    const set = MYSQL_TLS_PARAMS.map((k) => param(url, k)).filter((p) => p !== undefined);
    // `ssl={"rejectUnauthorized":true}` (mysql2) and a CA file also mean TLS.
    if (set.some((p) => ON.test(p.value) || p.value.startsWith('{')) || param(url, 'ssl-ca') || param(url, 'sslca') || param(url, 'sslcert')) return [];
    const weak = set[0];
    const message = weak ? `The ${site.shown} sets ${weak.key}=${weak.value}, which allows a plaintext connection.` : `The ${site.shown} asks for no TLS, so the client connects in plaintext or only if the server offers it.`;
    const span = weak ? site.where(weak.offset - weak.key.length - 1, weak.key.length + 1 + weak.length) : site.where(0, url.text.length);
    return [mysqlTls.at(span, { message, key: `mysql tls ${weak ? `${weak.key}=${weak.value.toLowerCase()}` : 'unset'} ${site.hosts}`, ...site.mask })];
  }
  if (url.kind === 'mongodb') {
    const tls = param(url, 'tls') ?? param(url, 'ssl');
    if (tls ? ON.test(tls.value) : url.tlsScheme) return [];
    const message = tls ? `The ${site.shown} sets ${tls.key}=${tls.value}: the connection is plaintext.` : `The ${site.shown} sets no tls=true, so the driver connects in plaintext.`;
    const sep = url.queryOffset === undefined ? (url.text.includes('/', url.scheme.length + 3) ? '?' : '/?') : url.text.endsWith('?') || url.text.endsWith('&') ? '' : '&';
    const fix = tls ? site.lineFix(site.offset + tls.offset, tls.length, 'true') : site.lineFix(site.offset, url.text.length, `${url.text}${sep}tls=true`);
    return [mongoTls.at(tls ? site.where(tls.offset, tls.length) : site.where(0, url.text.length), { message, key: `mongodb tls ${tls ? tls.value.toLowerCase() : 'unset'} ${site.hosts}`, ...fix })];
  }
  if (url.kind === 'amqp' && !url.tlsScheme) {
    return [
      amqpTls.at(site.where(0, url.scheme.length + 3), {
        message: `The ${site.shown} is plaintext amqp://, not amqps://.`,
        key: `amqp plaintext ${site.hosts}`,
        ...site.lineFix(site.offset, url.scheme.length, url.scheme.replace(/^amqp/, 'amqps')),
      }),
    ];
  }
  return [];
}
