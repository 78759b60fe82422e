import { createHash } from 'node:crypto';
import { base62, crc32 } from './validators.js';

/**
 * Rule samples hold templates instead of key bodies, so this repository never contains a
 * string a provider's push protection would take for a live key, and its own scan stays clean.
 * `{{alnum:40}}` and friends expand to deterministic random text at test time;
 * `{{crc:ghp_:30}}` builds a prefixed token with a valid CRC32 checksum; `{{jwt:sub=1}}`,
 * `{{b64of:user:[[alnum:20]]}}`, `{{b64json:k=[[alnum:32]]}}`, `{{uuid:4}}` and
 * `{{pypi:pypi.org}}` build the structured formats their validators check.
 */
const CHARSETS: Record<string, string> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  lower: 'abcdefghijklmnopqrstuvwxyz0123456789',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  b32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  bech32: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  digits: '0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  b64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  token: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
};

// `[^{}]`: an argument stops at the next `{{`, so unclosed ones cannot each read to the end.
export const TEMPLATE = /\{\{(\w+):([^{}]*)\}\}/g;

export function expandSample(sample: string, seed: string): string {
  let counter = 0;
  const random = (charset: string, length: number) => {
    let out = '';
    while (out.length < length) {
      const block = createHash('sha256').update(`${seed}\0${counter++}`).digest();
      for (const byte of block) {
        if (out.length < length) out += charset[byte % charset.length];
      }
    }
    return out;
  };
  return sample.replace(TEMPLATE, (whole, kind: string, arg: string) => {
    if (kind === 'crc') {
      const [prefix, len] = arg.split(':');
      const body = random(CHARSETS.alnum, Number(len));
      return `${prefix}${body}${base62(crc32(body), 6)}`;
    }
    if (kind === 'b64of') return Buffer.from(expandInner(arg, seed)).toString('base64');
    if (kind === 'b64json') return Buffer.from(JSON.stringify(claimsOf(expandInner(arg, seed)))).toString('base64');
    if (kind === 'jwt') return makeJwt(arg, random);
    if (kind === 'uuid') return formatUuid(random(CHARSETS.hex, 32));
    if (kind === 'pypi') return makeMacaroon(arg, Buffer.from(random(CHARSETS.hex, 192), 'hex'));
    const charset = CHARSETS[kind];
    if (!charset) throw new Error(`unknown sample template ${whole}`);
    return random(charset, Number(arg));
  });
}

/** Inner templates are written `[[alnum:8]]` so the outer `{{…}}` stays one template. */
function expandInner(arg: string, seed: string): string {
  return expandSample(arg.replace(/\[\[/g, '{{').replace(/\]\]/g, '}}'), `${seed}:inner`);
}

/** `a=1,b=x` -> {a: '1', b: 'x'}; the value may itself contain `=` (base64 padding). */
function claimsOf(list: string): Record<string, string> {
  if (!list) return {};
  return Object.fromEntries(
    list.split(',').map((kv) => {
      const eq = kv.indexOf('=');
      return [kv.slice(0, eq), kv.slice(eq + 1)];
    }),
  );
}

function makeJwt(claims: string, random: (c: string, n: number) => string): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claimsOf(claims))}.${random(CHARSETS.b64url, 43)}`;
}

function formatUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `{{pypi:pypi.org}}`: the base64url body of a PyPI API token, a version-2 macaroon with the
 * given location, a random identifier, one caveat and a 32-byte signature, so that the
 * `pypi-macaroon` validator sees the structure a real token has.
 */
function makeMacaroon(location: string, noise: Buffer): string {
  const field = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type, data.length]), data]);
  const bytes = Buffer.concat([
    Buffer.from([2]),
    field(1, Buffer.from(location)),
    field(2, noise.subarray(0, 32)),
    Buffer.from([0]),
    field(2, Buffer.from(`{"version": 1, "permissions": {"projects": ["p${noise.readUInt16BE(32)}"]}}`)),
    Buffer.from([0, 0]),
    field(6, noise.subarray(64, 96)),
  ]);
  return bytes.toString('base64url');
}
