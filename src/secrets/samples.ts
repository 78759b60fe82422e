import { createHash } from 'node:crypto';
import { base62, crc32 } from './validators.js';

/**
 * Rule samples hold templates instead of key bodies, so this repository never contains a
 * string a provider's push protection would take for a live key, and its own scan stays clean.
 * `{{alnum:40}}` and friends expand to deterministic random text at test time;
 * `{{crc:ghp_:30}}` builds a prefixed token with a valid CRC32 checksum.
 */
const CHARSETS: Record<string, string> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz0123456789',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  digits: '0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  b64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  token: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
};

export const TEMPLATE = /\{\{(\w+):([^}]*)\}\}/g;

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
    if (kind === 'b64of') return Buffer.from(expandSample(arg.replace(/\[\[/g, '{{').replace(/\]\]/g, '}}'), `${seed}:inner`)).toString('base64');
    if (kind === 'jwt') return makeJwt(arg, random);
    const charset = CHARSETS[kind];
    if (!charset) throw new Error(`unknown sample template ${whole}`);
    return random(charset, Number(arg));
  });
}

function makeJwt(claims: string, random: (c: string, n: number) => string): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = claims ? Object.fromEntries(claims.split(',').map((kv) => kv.split('='))) : {};
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}.${random(CHARSETS.b64url, 43)}`;
}
