import { isStandIn, isLiteralSecret, isSecretName, urlPasswordForms } from '../shared/secret-values.js';
import type { Place, Value } from '../openclaw/json5.js';
import type { Found } from '../openclaw/found.js';
import { get, itemsOf, membersOf, str } from '../openclaw/model.js';
import { expands, referencesIn, referenceSyntax, type Client } from './clients.js';
import { mcpForeignReference, mcpInlineSecret, mcpUnpinnedPackage } from './rules.js';

/** Flags whose next argument (or `=` value) is a credential. */
const SECRET_FLAG = /^--?(?:api[-_]?key|token|access[-_]?token|auth[-_]?token|bearer[-_]?token|password|passwd|secret|client[-_]?secret|private[-_]?key)$/i;
/** Header names that carry a credential. */
const SECRET_HEADER = /^(?:authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-goog-api-key)$/i;
/** URL query keys that carry a credential. */
const SECRET_QUERY = /^(?:api[-_]?key|apikey|key|token|access[-_]?token|auth|secret|password|client[-_]?secret)$/i;
/** Runners that fetch a package from the registry at every start. */
const RUNNERS = /^(?:npx|bunx|pnpx)$/;

interface Ctx {
  client: Client;
  server: string;
  out: Found[];
}

/** Judges one server entry of an MCP config (`mcpServers.<name>`, `servers.<name>`, `mcp.servers.<name>`). */
export function checkServer(client: Client, server: string, v: Value, prefix: string): Found[] {
  const c: Ctx = { client, server: `${prefix}.${server}`, out: [] };
  for (const e of membersOf(get(v, 'env'))) {
    const value = str(e.value);
    if (value === undefined) continue;
    foreignRefs(c, e.value, value, `env.${e.key}`);
    if (isLiteralSecret(e.key, value)) secret(c, e.value.at, `env.${e.key}`, passwordOr(value));
  }
  for (const key of ['headers', 'http_headers']) {
    for (const h of membersOf(get(v, key))) {
      const value = str(h.value);
      if (value === undefined) continue;
      foreignRefs(c, h.value, value, `${key}.${h.key}`);
      const credential = value.replace(/^(?:Bearer|Basic|Token|Bot)\s+/i, '').trim();
      if ((SECRET_HEADER.test(h.key) || isSecretName(h.key.replace(/-/g, '_'))) && credential && !isStandIn(credential) && !referencesIn(credential).length) {
        secret(c, h.value.at, `${key}.${h.key}`, credential);
      }
    }
  }
  const args = itemsOf(get(v, 'args'));
  args.forEach((a, i) => {
    const text = str(a);
    if (text === undefined) return;
    foreignRefs(c, a, text, `args[${i}]`);
    const prev = str(args[i - 1]);
    const eq = /^(--?[\w-]+)=(.+)$/.exec(text);
    if (eq && SECRET_FLAG.test(eq[1]) && literal(eq[2])) secret(c, a.at, `args[${i}] (${eq[1]})`, eq[2]);
    else if (prev !== undefined && SECRET_FLAG.test(prev) && literal(text)) secret(c, a.at, `args[${i}] (after ${prev})`, text);
    else if (prev !== undefined && /^(?:-e|--env)$/.test(prev) && /^[A-Za-z_]\w*=/.test(text)) {
      const [name, ...rest] = text.split('=');
      if (isLiteralSecret(name, rest.join('='))) secret(c, a.at, `args[${i}] (-e ${name}=…)`, rest.join('='));
    } else {
      const pw = urlPasswordForms(text);
      if (pw && !isStandIn(pw.decoded) && !referencesIn(pw.raw).length) secret(c, a.at, `args[${i}] (the password in a connection URL)`, pw.raw);
    }
  });
  for (const key of ['url', 'httpUrl', 'serverUrl']) {
    const u = get(v, key);
    const text = str(u);
    if (!u || text === undefined) continue;
    foreignRefs(c, u, text, key);
    urlSecrets(c, u.at, key, text);
  }
  unpinned(c, v);
  return c.out;
}

function literal(value: string): boolean {
  return value.trim() !== '' && !isStandIn(value) && !referencesIn(value).length;
}

/** The secret to redact in an env value: the password of a URL, or the whole value. */
function passwordOr(value: string): string {
  return urlPasswordForms(value)?.raw ?? value;
}

function secret(c: Ctx, at: Place, where: string, value: string): void {
  c.out.push({ rule: mcpInlineSecret, at, message: `MCP server ${c.server} has a literal credential in ${where}.`, key: `mcp ${c.server} ${where.replace(/^args\[\d+\] /, 'args ')}`, secret: value });
}

function foreignRefs(c: Ctx, v: Value, text: string, where: string): void {
  const foreign = referencesIn(text).filter((r) => !expands(c.client, r));
  if (!foreign.length) return;
  c.out.push({
    rule: mcpForeignReference,
    at: v.at,
    message: `MCP server ${c.server} writes ${foreign.join(', ')} in ${where}, which ${c.client} does not expand (its syntax: ${referenceSyntax(c.client)}), so the server gets that text literally.`,
    key: `mcp foreign ${c.server} ${where}`,
  });
}

function urlSecrets(c: Ctx, at: Place, where: string, text: string): void {
  const pw = urlPasswordForms(text);
  if (pw && !isStandIn(pw.decoded) && !referencesIn(pw.raw).length) secret(c, at, `${where} (the password in the URL)`, pw.raw);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return;
  }
  for (const [k, value] of url.searchParams) {
    if (SECRET_QUERY.test(k) && literal(value)) secret(c, at, `${where} (query key ${k})`, value);
  }
  // Some hosted servers put the key in the path: https://host/mcp/<KEY>/sse.
  for (const seg of url.pathname.split('/')) {
    if (seg.length >= 24 && /^[A-Za-z0-9_-]+$/.test(seg) && /\d/.test(seg) && /[A-Za-z]/.test(seg) && literal(seg)) secret(c, at, `${where} (a key in the URL path)`, seg);
  }
}

function unpinned(c: Ctx, v: Value): void {
  const command = str(get(v, 'command'));
  if (!command) return;
  const words = [command.split('/').pop() ?? command, ...itemsOf(get(v, 'args')).map((a) => str(a) ?? '')];
  const runner = words[0];
  let rest = words.slice(1);
  if ((runner === 'pnpm' || runner === 'yarn') && rest[0] === 'dlx') rest = rest.slice(1);
  else if (!RUNNERS.test(runner)) return;
  const yes = rest.some((w) => w === '-y' || w === '--yes');
  const pkgIndex = rest.findIndex((w) => !w.startsWith('-'));
  const pkg = rest[pkgIndex];
  if (!pkg) return;
  const version = /^(@[^/]+\/[^@]+|[^@]+)@(.+)$/.exec(pkg)?.[2];
  const floating = version === undefined || version === 'latest' || version === 'next' || /^[\^~*]|^\d+$|x/.test(version);
  if (!(version === 'latest' || (yes && floating))) return;
  const argsNode = get(v, 'args');
  const items = itemsOf(argsNode);
  const at = items.find((a) => str(a) === pkg)?.at ?? get(v, 'command')?.at ?? v.at;
  c.out.push({
    rule: mcpUnpinnedPackage,
    at,
    message: `MCP server ${c.server} runs ${runner} ${yes ? '-y ' : ''}${pkg}${version ? '' : ' with no version'}: whatever is published when it starts.`,
    key: `mcp unpinned ${c.server} ${pkg.replace(/@[^@/]*$/, '')}`,
  });
}
