import { readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Skipped } from '../model/unit.js';
import { UsageError } from '../model/errors.js';

/** What a folder walk found: the files to read, and what it could not or would not read. */
export interface Listing {
  paths: string[];
  skipped: Skipped[];
}

/**
 * Every file under `root` except `.git/`, outside git. Iterative, and one path pushed at a
 * time: a folder of 200,000 entries spread into `push` overflowed the stack. A folder it cannot
 * read is listed as skipped and the walk goes on; a FIFO, socket or device is listed and never
 * opened (opening a FIFO blocks until a writer comes, which hung the scan).
 */
export async function walkFolder(root: string): Promise<Listing> {
  const paths: string[] = [];
  const skipped: Skipped[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      if (rel === '') throw new UsageError(`${root}: cannot read the folder (${code})`);
      skipped.push({ path: rel, reason: `unreadable folder (${code}): nothing under it was scanned` });
      continue;
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== '.git') pending.push(path);
      } else if (e.isFile() || e.isSymbolicLink()) {
        // Symlinks too: the reader refuses to follow a link and says so.
        paths.push(path);
      } else {
        skipped.push({ path, reason: `not a regular file (${specialKind(e)}): not opened` });
      }
    }
  }
  return { paths, skipped };
}

function specialKind(e: Dirent): string {
  if (e.isFIFO()) return 'named pipe';
  if (e.isSocket()) return 'socket';
  if (e.isCharacterDevice()) return 'character device';
  if (e.isBlockDevice()) return 'block device';
  return 'unknown type';
}

/**
 * Folders git could not open while listing untracked files: git warns on stderr and goes on,
 * so without this they would vanish from the scan without a word.
 */
export function gitUnreadableFolders(stderr: string): Skipped[] {
  const out: Skipped[] = [];
  for (const m of stderr.matchAll(/^warning: could not open directory '(.*)\/': (.*)$/gm)) {
    out.push({ path: m[1], reason: `unreadable folder (${m[2]}): nothing under it was scanned` });
  }
  return out;
}
