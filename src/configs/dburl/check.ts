import type { Detection } from '../../model/finding.js';
import { LineIndex } from '../../model/line-index.js';
import { baseName, configRule, type ConfigCheck } from '../rule.js';
import { isStandIn, urlPasswordForms } from '../shared/secret-values.js';
import { classifyHost } from './hosts.js';
import { findDbUrls, param, type DbUrl } from './parse.js';
import { otherTlsFindings, TLS_RULES } from './tls.js';

const publicHost = configRule({
  id: 'db-url-public-host',
  title: 'Database URL points at a public host',
  severity: 'medium',
  why: 'The guide keeps databases and internal services on the private network (10.x addresses): a database reachable by a public name is one firewall mistake away from the internet.',
  fix: 'Connect over the private network: use the database VM\'s private address (10.x) or an internal DNS name, and keep its port closed to the public.',
});
const postgresTls = configRule({
  id: 'db-url-postgres-sslmode',
  title: 'PostgreSQL URL does not require TLS',
  severity: 'high',
  why: 'Without sslmode=require (or verify-ca/verify-full) libpq falls back to plaintext, exposing the password and every query; the guide makes sslmode=require non-optional, even on private networks.',
  fix: 'Append `sslmode=require` to the URL (`verify-full` with the server\'s CA where you can), and enable ssl on the server.',
});
const redisTls = configRule({
  id: 'db-url-redis-plaintext',
  title: 'Redis URL without TLS to a remote host',
  severity: 'high',
  why: 'redis:// sends the AUTH password and every command in plaintext across the network; the guide requires TLS to databases.',
  fix: 'Use `rediss://` (TLS) and enable TLS on the Redis server, or reach Redis only over localhost or a Unix socket.',
});

const SCHEME_BEFORE = /(?:postgres(?:ql)?|mysql|mariadb|mongodb|rediss?|amqps?)(?:\+[a-z0-9]+)?$/i;

/**
 * Whether any `://` in the text follows a database scheme. Found natively with indexOf and
 * checked on the few characters before it: running DB_URL over every file that mentions a URL
 * cost 0.4 s of a 5 s scan of npm sources.
 */
function hasDbScheme(text: string): boolean {
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', i + 3)) {
    if (SCHEME_BEFORE.test(text.slice(Math.max(0, i - 24), i))) return true;
  }
  return false;
}
// Prose shows URLs as examples; configs and code are what runs. A TypeScript declaration file
// (`.d.ts`) holds types and their doc comments, never a value that runs: googleapis' Oracle
// Database typings document `mongodb://mongodb0.example.com:27017/…` that way.
const DOCS = /\.(?:md|markdown|mdx|rst|rdoc|adoc|txt|html?|svg|d\.[cm]?ts)$|^(?:package-lock\.json|yarn\.lock|pnpm-lock\.yaml|CHANGELOG.*)$/i;

// In code, a URL on a comment line is prose too (sidekiq's `# MY_REDIS_URL=redis://…` explains
// a setting); in configs a commented-out line is kept, as the config checks read them.
const CODE = /\.(?:rb|py|go|[cm]?[jt]sx?|php|java|kts?|groovy|scala|cs|rs|swift)$/i;
const COMMENT_LINE = /^[ \t]*(?:#|\/\/|\/?\*)/;

export const dbUrlCheck: ConfigCheck = {
  name: 'database-url',
  rules: [publicHost, postgresTls, redisTls, ...TLS_RULES],
  applies(path, text) {
    return !DOCS.test(baseName(path)) && hasDbScheme(text);
  },
  check(path, text) {
    const lines = new LineIndex(text);
    const out: Detection[] = [];
    const code = CODE.test(path);
    for (const { url, offset } of findDbUrls(text)) {
      if (code && COMMENT_LINE.test(lines.lineText(lines.position(offset).line))) continue;
      out.push(...checkUrl(url, offset, lines));
    }
    return out;
  },
};

const SAFE_SSLMODE = new Set(['require', 'verify-ca', 'verify-full']);
const SSL_ON = /^(?:true|1|require|required|verify-ca|verify-full|yes|on)$/i;

function checkUrl(url: DbUrl, offset: number, lines: LineIndex): Detection[] {
  const out: Detection[] = [];
  const where = (from: number, length: number) => {
    const p = lines.position(offset + from);
    return { line: p.line, column: p.column, endColumn: p.column + Math.max(length, 1) };
  };
  const classes = url.hosts.map((h) => ({ host: h, cls: classifyHost(h.host) }));
  const named = url.hosts.map((h) => h.host || 'the default Unix socket').join(', ');
  const remote = classes.filter((c) => c.cls !== 'local');
  const shown = `${url.scheme}:// URL to ${named}`;
  // A real password in the URL is masked in every finding about it (snippet, message), and a
  // suggested line that would repeat it is dropped by makeFinding. The secret rules may not
  // report it themselves (a weak or user-like password is below their bar), so this check
  // cannot count on their masking.
  const password = urlPasswordForms(url.text);
  const mask = password && !isStandIn(password.decoded) ? { mask: [password.raw, password.decoded] } : {};
  // URLs never span lines, so the span always has its one-line fix.
  const lineFix = (at: number, length: number, replacement: string) => ({ ...mask, fix: lines.replaceSpan(at, at + length, replacement) });

  const publicHosts = classes.filter((c) => c.cls === 'public');
  if (publicHosts.length) {
    const first = publicHosts[0].host;
    out.push(
      publicHost.at(where(first.offset, first.length), {
        message: `The ${url.scheme}:// URL connects to ${publicHosts.map((c) => c.host.host).join(', ')}, a public ${publicHosts.length > 1 ? 'host each' : 'host'}, not a private-network address.`,
        key: `public ${url.kind} ${publicHosts.map((c) => c.host.host).join(',')}`,
        ...mask,
      }),
    );
  }

  if (url.kind === 'postgres' && remote.length) {
    const sslmode = param(url, 'sslmode');
    const ssl = param(url, 'ssl');
    const mode = sslmode?.value.toLowerCase();
    if (sslmode && !SAFE_SSLMODE.has(mode ?? '')) {
      out.push(
        postgresTls.at(where(sslmode.offset - 'sslmode='.length, sslmode.length + 'sslmode='.length), {
          message: `The ${shown} sets sslmode=${sslmode.value}, which ${mode === 'disable' ? 'never uses TLS' : 'accepts a plaintext connection when TLS fails or is refused'}.`,
          key: `sslmode ${mode} ${url.hosts.map((h) => h.host).join(',')}`,
          ...lineFix(offset + sslmode.offset, sslmode.length, 'require'),
        }),
      );
    } else if (!sslmode && !(ssl && SSL_ON.test(ssl.value))) {
      const fixed = `${url.text}${url.queryOffset === undefined ? '?' : url.text.endsWith('?') || url.text.endsWith('&') ? '' : '&'}sslmode=require`;
      out.push(
        postgresTls.at(where(0, url.text.length), {
          message: `The ${shown} sets no sslmode, so libpq uses prefer: TLS only if the server offers it, plaintext otherwise.`,
          key: `sslmode unset ${url.hosts.map((h) => h.host).join(',')}`,
          ...lineFix(offset, url.text.length, fixed),
        }),
      );
    }
  }

  if (remote.length) {
    out.push(...otherTlsFindings(url, { where, shown, hosts: url.hosts.map((h) => h.host).join(','), mask, lineFix, offset }));
  }

  if (url.kind === 'redis' && !url.tlsScheme && remote.length) {
    const tls = param(url, 'tls') ?? param(url, 'ssl');
    if (!(tls && SSL_ON.test(tls.value))) {
      out.push(
        redisTls.at(where(0, url.scheme.length + 3), {
          message: `The ${shown} is plaintext redis://, not rediss://.`,
          key: `redis plaintext ${url.hosts.map((h) => h.host).join(',')}`,
          ...lineFix(offset, url.scheme.length, url.scheme.replace(/^redis/, 'rediss')),
        }),
      );
    }
  }
  return out;
}
