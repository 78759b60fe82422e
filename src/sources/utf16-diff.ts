import type { ScanUnit } from '../model/unit.js';
import { BlobReader } from './history/blob-reader.js';
import { utf16Text } from './utf16.js';

/**
 * The UTF-16 files among a change's binaries, as whole head versions whose added lines are the
 * lines not in the base version (git has no hunks for them). One `git cat-file --batch` reads
 * every candidate, so a change adding thousands of images costs one process, not thousands.
 */
export async function* utf16Changes(root: string, paths: readonly string[], headSpec: string, baseSpec: string | undefined, maxFileSize: number): AsyncGenerator<ScanUnit> {
  if (!paths.length) return;
  const reader = new BlobReader(root);
  try {
    for (const path of paths) {
      reader.request(`${headSpec}${path}`);
      if (baseSpec) reader.request(`${baseSpec}${path}`);
    }
    for (const path of paths) {
      const head = await reader.read(maxFileSize);
      const text = head.bytes ? utf16Text(head.bytes) : undefined;
      const base = baseSpec ? await reader.read(maxFileSize) : undefined;
      if (text === undefined) continue;
      const before = new Set(base?.bytes ? (utf16Text(base.bytes) ?? '').split('\n') : []);
      const lines = text.split('\n');
      const changedLines = new Set(lines.flatMap((line, i) => (before.has(line) ? [] : [i + 1])));
      if (changedLines.size) yield { path, text, wholeFile: true, changedLines };
    }
  } finally {
    reader.close();
  }
}
