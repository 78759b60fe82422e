import { gitStream } from '../sources/git.js';
import { readPatches } from '../sources/patch.js';
import type { AddedLines } from '../report/github/review-plan.js';

/**
 * The right side of the pull request diff, from the same `git diff` the scan used (merge base
 * to head, renames followed). Without --relative git prints repository-root paths, as GitHub does.
 */
export async function addedLines(dir: string, base: string, head: string): Promise<AddedLines> {
  const out = new Map<string, Set<number>>();
  const args = ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--diff-filter=AMRC', base, head];
  for await (const patch of gitStream(dir, args, readPatches)) {
    const lines = out.get(patch.path) ?? new Set<number>();
    for (const n of patch.lineNumbers) lines.add(n);
    out.set(patch.path, lines);
  }
  return out;
}
