import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli.js';

/** A real git repository in a temp dir, driven with the real git binary. */
export class TempRepo {
  readonly dir: string;

  constructor(init = true) {
    this.dir = mkdtempSync(join(tmpdir(), 'moltguard-test-'));
    if (init) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.email', 'dev@example.invalid');
      this.git('config', 'user.name', 'Dev');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  write(path: string, content: string | Buffer): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  commit(message: string, files: Record<string, string> = {}): string {
    for (const [p, c] of Object.entries(files)) this.write(p, c);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A TempRepo factory for one test file: every repo it makes is removed after the file's tests. */
export function tempRepos(): (init?: boolean) => TempRepo {
  const made: TempRepo[] = [];
  afterAll(() => made.forEach((r) => r.cleanup()));
  return (init = true) => {
    const r = new TempRepo(init);
    made.push(r);
    return r;
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as a user would from a shell. */
export async function cli(...argv: string[]): Promise<CliRun> {
  return cliWithEnv({}, ...argv);
}

/** The CLI with an environment of the test's choosing (the org commands read their token there). */
export async function cliWithEnv(env: Record<string, string>, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    today: '2026-11-25',
    env,
  });
  return { code, stdout, stderr };
}
