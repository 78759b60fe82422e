import { open } from 'node:fs/promises';
import { asciiOnly, looksBinary } from './bytes.js';
import type { ScanUnit } from '../model/unit.js';

/**
 * Files above this size are read in windows instead of whole, so a 200 MB minified bundle
 * costs a few MB of memory. Config checks do not see them (no deploy config is that large).
 */
export const LARGE_FILE = 16 * 1024 * 1024;
const WINDOW = 4 * 1024 * 1024;
/** Longer than any secret a rule matches (key blocks included): a secret near a seam is whole in one window. */
const OVERLAP = 160 * 1024;

/**
 * The file as overlapping windows. Each window owns the secrets that start in its middle part
 * (`chunk.ownFrom`..`ownTo`), so every secret is reported once, by the window that holds it
 * whole. Windows end on UTF-8 character boundaries.
 */
export async function* largeFileUnits(full: string, path: string, size: number): AsyncGenerator<ScanUnit | 'binary'> {
  const handle = await open(full, 'r');
  try {
    let lineOffset = 0;
    let columnOffset = 0;
    // Start of the owned part of the next window, in bytes of the file.
    let own = 0;
    while (own < size) {
      const from = Math.max(0, own - OVERLAP);
      const want = Math.min(size, own + WINDOW + OVERLAP) - from;
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, from);
      let bytes = buf.subarray(0, bytesRead);
      if (from === 0 && looksBinary(bytes)) {
        yield 'binary';
        return;
      }
      const atEnd = from + bytes.length >= size;
      if (!atEnd) bytes = bytes.subarray(0, charBoundary(bytes, bytes.length));
      const ownStartByte = charBoundary(bytes, own - from);
      const ownEndByte = atEnd ? bytes.length : charBoundary(bytes, Math.min(bytes.length, own - from + WINDOW));
      const text = bytes.toString('utf8');
      // Where the owned part starts and ends in the window's text (characters, not bytes).
      const ownFrom = bytes.subarray(0, ownStartByte).toString('utf8').length;
      const ownTo = ownFrom + bytes.subarray(ownStartByte, ownEndByte).toString('utf8').length;
      // Lines and columns at the window's start, from those at the owned part's start. When the
      // overlap holds a newline, the window's first line is not owned, so its column start does
      // not matter.
      const pre = countLines(bytes.subarray(0, ownStartByte), 0, 0);
      yield {
        path,
        text,
        asciiBytes: asciiOnly(bytes),
        wholeFile: false,
        chunk: { lineOffset: lineOffset - pre.lines, columnOffset: pre.lines === 0 ? columnOffset - pre.tail : 0, ownFrom, ownTo },
      };
      // Advance the line and column counters over the owned bytes.
      const owned = countLines(bytes.subarray(ownStartByte, ownEndByte), 0, 0);
      lineOffset += owned.lines;
      columnOffset = owned.lines ? owned.tail : columnOffset + owned.tail;
      own = from + ownEndByte;
    }
  } finally {
    await handle.close();
  }
}

/** Lines (newlines) in bytes, and characters after the last one. */
function countLines(bytes: Uint8Array, lines: number, tail: number): { lines: number; tail: number } {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 10) {
      lines++;
      tail = 0;
    } else if ((b & 0xc0) !== 0x80) tail++;
  }
  return { lines, tail };
}

/** The nearest offset at or before `at` that does not split a UTF-8 character. */
function charBoundary(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i > 0 && i < bytes.length && (bytes[i] & 0xc0) === 0x80) i--;
  return i;
}
