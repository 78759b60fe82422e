import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `moltguard-${prefix}-`));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
}

/** Files to write (string) or delete (null) in one commit. */
export type Change = Record<string, string | null>;

/**
 * The repository on "GitHub": a real git repository served over file:// (so shallow fetches
 * work), which, like GitHub, lets clients fetch any commit by sha.
 */
export class Origin {
  readonly dir = tempDir('origin');
  readonly url = pathToFileURL(this.dir).href;

  constructor() {
    git(this.dir, 'init', '-q', '-b', 'main');
    git(this.dir, 'config', 'user.email', 'dev@example.invalid');
    git(this.dir, 'config', 'user.name', 'Dev');
    git(this.dir, 'config', 'commit.gpgsign', 'false');
    git(this.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  }

  /** Commits `change` on `branch` (created from the current commit if new); returns the sha. */
  commit(branch: string, message: string, change: Change): string {
    const exists = git(this.dir, 'branch', '--list', branch) !== '';
    git(this.dir, 'checkout', '-q', ...(exists ? [branch] : ['-b', branch]));
    for (const [path, content] of Object.entries(change)) {
      const full = join(this.dir, path);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(this.dir, 'rev-parse', 'HEAD');
  }

  sha(ref: string): string {
    return git(this.dir, 'rev-parse', ref);
  }

  /**
   * What GitHub does when a pull request is opened or pushed to: refs/pull/N/head is the
   * head, refs/pull/N/merge a test merge of it into the base's current tip.
   */
  openPullRequest(number: number, base: string, head: string): { baseSha: string; headSha: string; mergeSha: string } {
    git(this.dir, 'checkout', '-q', '--detach', base);
    git(this.dir, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${head} into ${base}`, head);
    const mergeSha = git(this.dir, 'rev-parse', 'HEAD');
    git(this.dir, 'update-ref', `refs/pull/${number}/merge`, mergeSha);
    git(this.dir, 'update-ref', `refs/pull/${number}/head`, this.sha(head));
    git(this.dir, 'checkout', '-q', base);
    return { baseSha: this.sha(base), headSha: this.sha(head), mergeSha };
  }
}

export type CheckoutShape = 'actions/checkout fetch-depth 1' | 'git clone --depth 1' | 'full clone (fetch-depth 0)';

/**
 * A workspace as a workflow step finds it. `actions/checkout` with its default fetch-depth 1
 * inits a repository and fetches only the one commit it checks out (for a pull request,
 * GitHub's merge commit); `git clone --depth 1` also brings the default branch's tip, shallow;
 * fetch-depth 0 is a full clone plus the commit.
 */
export function checkout(origin: Origin, sha: string, shape: CheckoutShape, ref = 'refs/remotes/checkout'): string {
  const ws = tempDir('workspace');
  if (shape === 'actions/checkout fetch-depth 1') {
    git(ws, 'init', '-q');
    git(ws, 'remote', 'add', 'origin', origin.url);
    git(ws, 'fetch', '-q', '--no-tags', '--prune', '--depth=1', 'origin', `+${sha}:${ref}`);
  } else {
    git(tmpdir(), 'clone', '-q', '--no-checkout', ...(shape === 'git clone --depth 1' ? ['--depth', '1'] : []), origin.url, ws);
    git(ws, 'fetch', '-q', '--no-tags', ...(shape === 'git clone --depth 1' ? ['--depth=1'] : []), 'origin', `+${sha}:${ref}`);
  }
  git(ws, 'checkout', '-q', '--force', '--detach', ref);
  return ws;
}

export function isShallow(ws: string): boolean {
  return git(ws, 'rev-parse', '--is-shallow-repository') === 'true';
}

/** A pull_request payload with the fields GitHub sends that the action reads, and some it does not. */
export function pullRequestEvent(o: { number: number; baseSha: string; headSha: string; commits: number; fork?: boolean }): object {
  const repo = { id: 1, name: 'app', full_name: 'acme/app', owner: { login: 'acme' }, default_branch: 'main', fork: false };
  const headRepo = o.fork ? { ...repo, id: 2, full_name: 'contributor/app', owner: { login: 'contributor' }, fork: true } : repo;
  return {
    action: 'synchronize',
    number: o.number,
    pull_request: {
      number: o.number,
      state: 'open',
      title: 'Add the bot',
      commits: o.commits,
      user: { login: o.fork ? 'contributor' : 'dev' },
      base: { label: 'acme:main', ref: 'main', sha: o.baseSha, repo },
      head: { label: `${headRepo.owner.login}:feature`, ref: 'feature', sha: o.headSha, repo: headRepo },
    },
    repository: repo,
    sender: { login: o.fork ? 'contributor' : 'dev' },
  };
}
