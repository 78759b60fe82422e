import { isPlaceholder } from './placeholder.js';
import { trimTrailing } from '../model/trim.js';

/**
 * Offline checks that tell a real credential from a look-alike of the same shape. Each takes
 * the secret as matched and says whether it can be genuine.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function base62(value: number, width: number): string {
  let out = '';
  let v = value;
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub's and npm's new-style tokens end in 6 base62 characters: the CRC32 of the random
 * part before them. A token with a wrong checksum was never issued.
 */
function prefixedCrc32(secret: string): boolean {
  const sep = secret.indexOf('_');
  if (sep < 0 || secret.length < sep + 8) return false;
  const body = secret.slice(sep + 1, -6);
  return base62(crc32(body), 6) === secret.slice(-6);
}

function base64UrlJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A JWT whose header names an algorithm and whose payload is a JSON object with claims. */
function jwt(secret: string): boolean {
  const [header, payload] = secret.split('.');
  const h = base64UrlJson(header) as { alg?: unknown } | undefined;
  const p = base64UrlJson(payload);
  return typeof h?.alg === 'string' && !!p && typeof p === 'object' && Object.keys(p).length > 0;
}

/**
 * Supabase signs a `service_role` JWT that bypasses row-level security; its `anon` JWT is
 * public by design and ships in every browser bundle. Only the former is a leak.
 */
function jwtServiceRole(secret: string): boolean {
  if (!jwt(secret)) return false;
  const p = base64UrlJson(secret.split('.')[1]) as { role?: unknown };
  return p.role === 'service_role';
}

/** Strict base64 (standard or url alphabet): decodes and re-encodes to the same text. */
function decodeBase64(text: string): Buffer | undefined {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(standard)) return undefined;
  const bytes = Buffer.from(standard, 'base64');
  const again = bytes.toString('base64');
  return trimTrailing(again, '=') === trimTrailing(standard, '=') ? bytes : undefined;
}

const PRINTABLE = /^[\x20-\x7e\u00a0-\ufffc]*$/;

/**
 * `user:password` in base64, as Docker's config.json `auth`, npm's `_auth` and HTTP Basic
 * headers carry it. Random base64 rarely decodes to printable text with a colon in it, and
 * `user:password`-style placeholders are dropped here because the engine only sees base64.
 */
function basicCredential(secret: string): boolean {
  const bytes = decodeBase64(secret);
  if (!bytes) return false;
  const text = bytes.toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1 || !PRINTABLE.test(text)) return false;
  const password = text.slice(colon + 1);
  return password.length >= 4 && !isPlaceholder(password) && !/^(?:pass(?:word)?|secret|token)$/i.test(password);
}

/**
 * A Kubernetes Secret `data:` value: base64 of the real value. Binary content (keys,
 * keystores) counts; text must be long enough to be a credential and not a placeholder.
 */
function base64Secret(secret: string): boolean {
  // A placeholder word as the value itself (`_password = password` in prose or code) is no
  // encoding of anything: it decodes to bytes that only look random.
  if (isPlaceholder(secret)) return false;
  const bytes = decodeBase64(secret);
  if (!bytes || bytes.length === 0) return false;
  const text = bytes.toString('utf8');
  if (!PRINTABLE.test(text.replace(/[\r\n\t]/g, ''))) return true;
  const value = text.trim();
  return value.length >= 6 && !/^\d+$/.test(value) && !/^(?:true|false)$/i.test(value) && !isPlaceholder(value);
}

interface MacaroonField {
  type: number;
  data: Buffer;
}

/** Reads one version-2 macaroon field (type byte, LEB128 length, data) at `at`. */
function readField(bytes: Buffer, at: number): { field: MacaroonField; next: number } | undefined {
  if (at >= bytes.length) return undefined;
  const type = bytes[at];
  let length = 0;
  let shift = 0;
  let i = at + 1;
  for (; i < bytes.length && shift < 28; i++, shift += 7) {
    length |= (bytes[i] & 0x7f) << shift;
    if ((bytes[i] & 0x80) === 0) break;
  }
  const start = i + 1;
  if (start + length > bytes.length) return undefined;
  return { field: { type, data: bytes.subarray(start, start + length) }, next: start + length };
}

/** Fields up to the end-of-section byte (0); the index after it. */
function readSection(bytes: Buffer, at: number): { fields: MacaroonField[]; next: number } | undefined {
  const fields: MacaroonField[] = [];
  let i = at;
  while (i < bytes.length && bytes[i] !== 0) {
    const read = readField(bytes, i);
    if (!read) return undefined;
    fields.push(read.field);
    i = read.next;
  }
  return i < bytes.length ? { fields, next: i + 1 } : undefined;
}

/**
 * PyPI API tokens are `pypi-` plus a base64url version-2 macaroon: a header section with
 * the location (pypi.org or test.pypi.org) and an identifier, caveat sections, and a 32-byte
 * signature at the very end. A look-alike almost never parses as one.
 */
function pypiMacaroon(secret: string): boolean {
  const bytes = decodeBase64(secret.slice(secret.indexOf('-') + 1));
  if (!bytes || bytes[0] !== 2) return false;
  const header = readSection(bytes, 1);
  if (!header) return false;
  const location = header.fields.find((f) => f.type === 1)?.data.toString('utf8') ?? '';
  if (!header.fields.some((f) => f.type === 2) || !/(?:^|\.)pypi\.org$/.test(location)) return false;
  let at = header.next;
  for (let caveats = 0; at < bytes.length && bytes[at] !== 0; caveats++) {
    const section = readSection(bytes, at);
    if (!section || caveats > 64) return false;
    at = section.next;
  }
  const signature = readField(bytes, at + 1);
  return !!signature && signature.field.type === 6 && signature.field.data.length === 32 && signature.next === bytes.length;
}

/**
 * The other side of a format check, for the low rules that report a self-identifying token
 * that fails it: such a value is most likely a made-up example, but the prefix says what it
 * would be if real, and staying silent would hide a truncated or hand-edited real one.
 */
const fails = (check: (secret: string) => boolean) => (secret: string) => !check(secret);

export const VALIDATORS: Record<string, (secret: string) => boolean> = {
  'prefixed-crc32': prefixedCrc32,
  'prefixed-crc32-fails': fails(prefixedCrc32),
  'pypi-macaroon-fails': fails(pypiMacaroon),
  jwt,
  'jwt-service-role': jwtServiceRole,
  'basic-credential': basicCredential,
  'base64-secret': base64Secret,
  'pypi-macaroon': pypiMacaroon,
};
