import type { ScanUnit } from '../model/unit.js';
import { BlobReader } from './history/blob-reader.js';
import { utf16Text } from './utf16.js';

/** A changed file and how `cat-file` names its head and (when there is one) base versions. */
export interface ChangedBlob {
  path: string;
  head: string;
  base?: string;
}

/**
 * The UTF-16 files among a change's binaries, as whole head versions whose added lines are the
 * lines not in the base version (git has no hunks for them). One `git cat-file --batch` reads
 * every candidate, so a change adding thousands of images costs one process, not thousands.
 */
export async function* utf16Changes(root: string, files: readonly ChangedBlob[], maxFileSize: number): AsyncGenerator<ScanUnit> {
  if (!files.length) return;
  const reader = new BlobReader(root);
  try {
    for (const file of files) {
      reader.request(file.head);
      if (file.base !== undefined) reader.request(file.base);
    }
    for (const { path, base: baseName } of files) {
      const head = await reader.read(maxFileSize);
      const text = head.bytes ? utf16Text(head.bytes) : undefined;
      const base = baseName !== undefined ? await reader.read(maxFileSize) : undefined;
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
