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

export const VALIDATORS: Record<string, (secret: string) => boolean> = {
  'prefixed-crc32': prefixedCrc32,
  jwt,
};
