import type { Severity } from '../../model/finding.js';

/**
 * OpenSSH public keys as `authorized_keys`, `*.pub` files and provisioning payloads write them:
 * `type base64-blob [comment]`. The blob is SSH wire format (RFC 4253 §6.6): a length-prefixed
 * type string, then the key's parameters, so the key size can be read without any crypto.
 */
export interface PublicKey {
  /** The algorithm as written: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, ... */
  type: string;
  /** Modulus bits for RSA, prime bits for DSA, curve bits for ECDSA; absent for Ed25519 or an unreadable blob. */
  bits?: number;
  /** The base64 blob as written: what identifies the key (reuse across files compares it). */
  blob: string;
  /** 0-based index of the type token in the text given. */
  index: number;
  /** Characters from the type token to the end of the blob. */
  length: number;
}

const KEY_TYPES = String.raw`(?:sk-)?(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521))(?:@openssh\.com)?`;
/** A key type, whitespace, then a blob: every OpenSSH blob starts with `AAAA` (the type string's length). */
const KEY = new RegExp(String.raw`(?<![\w-])(${KEY_TYPES})[ \t]+(AAAA[A-Za-z0-9+/]*={0,2})(\.\.\.|…)?`, 'g');

/** The first public key in a line (options such as `from="…"` before it are allowed), or undefined. */
export function parsePublicKey(line: string): PublicKey | undefined {
  return findPublicKeys(line)[0];
}

/**
 * Every public key in a text, wherever it sits (an authorized_keys line, a JSON string, a shell
 * argument). Placeholders such as the guide's `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA...` are skipped:
 * they are not keys anyone can log in with.
 */
export function findPublicKeys(text: string): PublicKey[] {
  const out: PublicKey[] = [];
  for (const m of text.matchAll(KEY)) {
    const [, type, blob, ellipsis] = m;
    if (ellipsis || blob.length < 40) continue;
    const key: PublicKey = { type, blob, index: m.index, length: m[0].length };
    const bits = keyBits(type, blob);
    if (bits !== undefined) key.bits = bits;
    out.push(key);
  }
  return out;
}

/** Why a key falls short of the guide's "Ed25519 keys only", or undefined when it is fine. */
export function keyWeakness(key: PublicKey): { severity: Severity; message: string } | undefined {
  const type = key.type.replace(/^sk-/, '').replace(/@openssh\.com$/, '');
  if (type === 'ssh-dss') {
    return { severity: 'high', message: 'ssh-dss (DSA) key: 1024-bit DSA is broken and OpenSSH 7.0+ refuses it by default.' };
  }
  if (type === 'ssh-rsa') {
    if (key.bits === undefined || key.bits >= 3072) return undefined;
    return { severity: 'medium', message: `ssh-rsa key of ${key.bits} bits: under the 3072 bits NIST requires beyond 2030.` };
  }
  if (type.startsWith('ecdsa-')) {
    return { severity: 'low', message: `${key.type} key: the guide asks for Ed25519 keys only (ECDSA depends on NIST curves and a good random source at every signature).` };
  }
  return undefined;
}

/** Key size from the wire-format blob; undefined when the blob does not decode as `type`. */
export function keyBits(type: string, blob: string): number | undefined {
  const bytes = Buffer.from(blob, 'base64');
  const reader = new WireReader(bytes);
  const declared = reader.string()?.toString('latin1');
  if (declared !== type) return undefined;
  if (type === 'ssh-rsa') {
    reader.string(); // public exponent e
    return mpintBits(reader.string());
  }
  if (type === 'ssh-dss') return mpintBits(reader.string()); // prime p
  const curve = /nistp(\d+)/.exec(type);
  return curve ? Number(curve[1]) : undefined;
}

/** Length-prefixed strings (uint32 big-endian length, then bytes), as SSH encodes them. */
export class WireReader {
  private pos = 0;
  constructor(private readonly bytes: Buffer) {}

  string(): Buffer | undefined {
    if (this.pos + 4 > this.bytes.length) return undefined;
    const len = this.bytes.readUInt32BE(this.pos);
    if (this.pos + 4 + len > this.bytes.length) return undefined;
    const out = this.bytes.subarray(this.pos + 4, this.pos + 4 + len);
    this.pos += 4 + len;
    return out;
  }
}

/** Bits of an mpint: leading zero bytes (the sign padding) do not count. */
function mpintBits(n: Buffer | undefined): number | undefined {
  if (!n) return undefined;
  let i = 0;
  while (i < n.length && n[i] === 0) i++;
  if (i === n.length) return 0;
  return (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]));
}
