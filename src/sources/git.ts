import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../model/errors.js';

/** Flags that keep git's output parseable whatever the user's config says. */
const PLAIN = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'color.ui=never'];

export function git(dir: string): SimpleGit {
  return simpleGit({ baseDir: dir, config: ['core.quotePath=false'] });
}

export async function isWorkTree(dir: string): Promise<boolean> {
  // Starting git costs more than the scan of a small folder (the fuzz test scans 600): where no
  // folder up to the root holds a `.git` and no GIT_* variable points elsewhere, git would say no.
  if (!mayBeInGit(dir)) return false;
  try {
    return (await git(dir).raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

function mayBeInGit(dir: string): boolean {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_WORK_TREE !== undefined) return true;
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (dirname(at) === at) return false;
  }
}

/** The commit a ref names, or undefined. (simple-git does not fail on a silent non-zero exit, so check the output.) */
async function tryCommit(dir: string, ref: string): Promise<string | undefined> {
  try {
    const sha = (await git(dir).raw(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

export async function hasCommits(dir: string): Promise<boolean> {
  return (await tryCommit(dir, 'HEAD')) !== undefined;
}

/** A ref the user named, as a commit sha; unknown refs are usage errors that name the ref. */
export async function resolveCommit(dir: string, ref: string): Promise<string> {
  const sha = await tryCommit(dir, ref);
  if (!sha) throw new UsageError(`unknown git ref "${ref}" in ${dir}`);
  return sha;
}

/** The merge base of `head` with the default branch: where a pull request's changes start. */
export async function defaultBase(dir: string, head: string): Promise<string> {
  const g = git(dir);
  const candidates: string[] = [];
  try {
    candidates.push((await g.raw(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim());
  } catch {
    // No remote HEAD: fall back to the usual names.
  }
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const ref of candidates) {
    if (!ref || !(await tryCommit(dir, ref))) continue;
    try {
      const base = (await g.raw(['merge-base', ref, head])).trim();
      if (base) return base;
    } catch {
      // Unrelated histories: try the next candidate.
    }
  }
  throw new UsageError(`cannot find the default branch in ${dir} to diff against; pass --base REF`);
}

/**
 * Streams a git command's stdout (as the caller reads it: back-pressure holds git), then
 * fails with git's own first line of stderr if it exited non-zero.
 */
export async function* gitStream<T>(dir: string, args: string[], read: (stdout: Readable) => AsyncIterable<T>, stdin?: string): AsyncGenerator<T> {
  const { child, stderr: errors } = spawnGit(dir, args);
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  // git may exit before reading its input (a bad revision): that failure is reported below.
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin ?? '');
  try {
    yield* read(child.stdout);
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0) throw gitFailure(dir, args[0], errors(), code);
}

/** A long-running git process with parseable output; `stderr()` is the start of what it said there. */
export function spawnGit(dir: string, args: string[]): { child: ChildProcessWithoutNullStreams; stderr: () => string } {
  const child = spawn('git', [...PLAIN, ...args], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 4096) stderr += d;
  });
  return { child, stderr: () => stderr };
}

export function gitFailure(dir: string, command: string | undefined, stderr: string, code: number | null): UsageError {
  return new UsageError(`git ${command} failed in ${dir}: ${stderr.trim().split('\n')[0] || `exit ${code}`}`);
}

/** The folder's path inside its repository, with a trailing slash ('' at the top). Throws outside a repository. */
export async function repoPrefix(dir: string): Promise<string> {
  return (await git(dir).raw(['rev-parse', '--show-prefix'])).trim();
}

/** Reads one blob synchronously (rare: an Include or a drop-in of a changed file). */
export function showBlob(dir: string, spec: string): Buffer | undefined {
  try {
    return execFileSync('git', [...PLAIN, 'cat-file', 'blob', spec], { cwd: dir, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/**
 * Path to object id, from `ls-tree -r -z` or `ls-files -s -z` (both put the id among the
 * space-separated fields before the tab). Blobs are then asked of `cat-file` by id: git resolves
 * a `rev:./path` name by searching the tree afresh each time, so naming 20,000 new files in one
 * folder that way took 40 s of git's time; by id, 0.1 s.
 */
export async function gitObjectIds(dir: string, args: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const record of (await git(dir).raw(args)).split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const id = record.slice(0, tab).split(' ').find((field) => field.length >= 40);
    if (id) ids.set(record.slice(tab + 1), id);
  }
  return ids;
}

/** Lists NUL-separated paths from a git command. */
export async function gitPaths(dir: string, args: string[]): Promise<string[]> {
  const out = await git(dir).raw(args);
  return out.split('\0').filter(Boolean);
}
