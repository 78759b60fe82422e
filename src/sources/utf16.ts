/**
 * Text saved as UTF-16 (Windows editors, PowerShell's `>` and `Out-File`, regedit exports) has
 * a NUL in every other byte, so the binary test skipped it and its secrets with it. With a
 * byte order mark it is unambiguous: decoded here, scanned as text. UTF-32 (FF FE 00 00) is
 * left to the binary test. Without a BOM there is no telling UTF-16 from binary; git does not try either.
 */
export function utf16Text(buf: Uint8Array): string | undefined {
  if (buf.length < 2) return undefined;
  const le = buf[0] === 0xff && buf[1] === 0xfe;
  const be = buf[0] === 0xfe && buf[1] === 0xff;
  if (!le && !be) return undefined;
  if (le && buf.length >= 4 && buf[2] === 0 && buf[3] === 0) return undefined;
  // Only text git would call binary (a NUL among the first 8,000 bytes) is taken for UTF-16: a
  // UTF-8 or Latin-1 file that merely starts with the bytes FF FE stays what it is.
  if (!buf.subarray(0, 8000).includes(0)) return undefined;
  // An odd last byte is half a character: dropped, as a decoder would replace it.
  const body = Buffer.from(buf.buffer, buf.byteOffset + 2, (buf.length - 2) & ~1);
  if (le) return body.toString('utf16le');
  const swapped = Buffer.from(body);
  swapped.swap16();
  return swapped.toString('utf16le');
}
