import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers/repo.js';

// The conventions a shell user expects: errors are one line on stderr with exit 2, help is on
// stdout with exit 0 for every command, and a closed pipe is not an error.
const oneLineError = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^moltguard: [^\n]+\n$/);
};

describe('CLI conventions', () => {
  test.each([
    [['scan', '--bogus'], /scan: unknown option --bogus; see moltguard scan --help/],
    [['scan', '--mode'], /scan: option '--mode <value>' argument missing/],
    [['baseline', '-x'], /baseline: unknown option -x/],
    [['rules', '--format', 'yaml'], /--format yaml: expected one of text, json, markdown/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j is one line on stderr, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    oneLineError(r);
    expect(r.stderr).toMatch(message);
  });

  test.each(['scan', 'baseline', 'rules'])('%s -h and --help print its usage on stdout, exit 0', async (command) => {
    for (const flag of ['-h', '--help']) {
      const r = await cli(command, flag);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^usage: moltguard ${command} `));
    }
  });

  test('-V, -v and --version print the version', async () => {
    for (const flag of ['-V', '-v', '--version']) {
      const r = await cli(flag);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^moltguard \d+\.\d+\.\d+\S*\n$/);
    }
  });

  test('bare moltguard is a usage error: usage on stderr, exit 2; --help is usage on stdout, exit 0', async () => {
    const bare = await cli();
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toMatch(/^usage:/);
    const help = await cli('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage:/);
  });
});

describe('the bundled CLI in a shell pipe', () => {
  const out = mkdtempSync(join(tmpdir(), 'moltguard-cli-bundle-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('`moltguard rules --format json | head -c 1` ends quietly with exit 0', () => {
    execFileSync('npm', ['run', '--silent', 'build'], { env: { ...process.env, MOLTGUARD_OUTDIR: out }, stdio: 'pipe' });
    const errFile = join(out, 'stderr.txt');
    // The report is far larger than a pipe's buffer, so the writer meets the closed end.
    const status = execFileSync(
      'bash',
      ['-c', `"$0" "$1" rules --format json 2>"$2" | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`, process.execPath, join(out, 'cli.js'), errFile],
      { encoding: 'utf8' },
    );
    expect(readFileSync(errFile, 'utf8')).toBe('');
    expect(status.trim()).toBe('0');
  }, 60000);
});
