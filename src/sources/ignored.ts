import { gitPaths } from './git.js';

/** Files under a tree scan's root that git ignores, so the scan can say what it left out. */
export interface IgnoredFiles {
  count: number;
  /** The top-level folders (or files) under the root that hold them, most files first. */
  where: { path: string; files: number }[];
}

/**
 * Every file git ignores under `root` (one walk of the ignored folders: 0.19 s for the
 * 10,829 files of this repository's node_modules; it runs beside the tree's own listing).
 */
export async function gitIgnoredFiles(root: string): Promise<IgnoredFiles> {
  const paths = await gitPaths(root, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '.']);
  const byTop = new Map<string, number>();
  for (const p of paths) {
    const slash = p.indexOf('/');
    const top = slash < 0 ? p : `${p.slice(0, slash)}/`;
    byTop.set(top, (byTop.get(top) ?? 0) + 1);
  }
  const where = [...byTop].map(([path, files]) => ({ path, files })).sort((a, b) => b.files - a.files || a.path.localeCompare(b.path));
  return { count: paths.length, where };
}

/** "3 files ignored by git were not scanned (secret/ 2, notes.log 1); --include-ignored scans them" */
export function describeIgnored(ignored: IgnoredFiles): string {
  const shown = ignored.where.slice(0, 3).map((w) => `${w.path} ${w.files}`);
  const more = ignored.where.length > 3 ? `, ${ignored.where.length - 3} more` : '';
  const files = ignored.count === 1 ? '1 file' : `${ignored.count} files`;
  return `${files} ignored by git ${ignored.count === 1 ? 'was' : 'were'} not scanned (${shown.join(', ')}${more}); --include-ignored scans them`;
}
