import { isAscii } from 'node:buffer';

/** The bytes, when every one is ASCII, for the engine's byte-level keyword search. */
export function asciiOnly(buf: Buffer): Uint8Array | undefined {
  return isAscii(buf) ? buf : undefined;
}

/** Git prints UTF-8; a lone BOM at the start is not content. */
export function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function looksBinary(buf: Buffer): boolean {
  // git's own test (a NUL in the first 8,000 bytes): a file git diffs as text is scanned as text.
  const end = Math.min(buf.length, 8000);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return true;
  return false;
}
