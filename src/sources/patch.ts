/**
 * A streaming reader of `git diff`/`git log -p` output with -U0: it keeps only the added
 * lines of the current file of the current commit, never the whole patch.
 */
export interface CommitInfo {
  commit: string;
  author: string;
  date: string;
}

export interface FilePatch {
  path: string;
  /** Line number in the new version of each added line. */
  lineNumbers: number[];
  lines: string[];
  commit?: CommitInfo;
}

/** The marker `--format` puts before each commit in history mode. */
export const COMMIT_MARK = '\u0001commit ';

export async function* readPatches(lines: AsyncIterable<string>): AsyncGenerator<FilePatch | CommitInfo> {
  let commit: CommitInfo | undefined;
  let current: FilePatch | undefined;
  let nextLine = 0;
  let inHunk = false;
  const flush = function* (): Generator<FilePatch> {
    if (current && current.lines.length) yield current;
    current = undefined;
  };
  for await (const raw of lines) {
    if (raw.startsWith(COMMIT_MARK)) {
      yield* flush();
      const [sha, author, date] = raw.slice(COMMIT_MARK.length).split('\u0002');
      commit = { commit: sha, author: author ?? '', date: date ?? '' };
      inHunk = false;
      yield commit;
      continue;
    }
    if (raw.startsWith('diff --git ')) {
      yield* flush();
      inHunk = false;
      continue;
    }
    if (!inHunk && raw.startsWith('+++ ')) {
      const target = raw.slice(4);
      current = target === '/dev/null' ? undefined : { path: unquote(target).replace(/^b\//, ''), lineNumbers: [], lines: [], commit };
      continue;
    }
    if (raw.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
      nextLine = m ? Number(m[1]) : 0;
      inHunk = !!m;
      continue;
    }
    if (!inHunk || !current) continue;
    if (raw.startsWith('+')) {
      current.lines.push(raw.slice(1));
      current.lineNumbers.push(nextLine++);
    } else if (raw.startsWith(' ')) {
      nextLine++;
    } else if (!raw.startsWith('-') && !raw.startsWith('\\')) {
      inHunk = false;
    }
  }
  yield* flush();
}

/** Git C-quotes paths with unusual characters: "b/a\tb" -> b/a<TAB>b. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
