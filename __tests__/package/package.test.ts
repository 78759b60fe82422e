import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';

// What a user gets from `npm pack`/`npx`, and what `npm ci` promises on each supported Node.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));

describe('the npm package', () => {
  test('ships the CLI bundle and its docs, never the test fixtures full of fake secrets', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => /^(__tests__|src|examples|rules|scripts)\//.test(f))).toEqual([]);
    expect(files.length).toBeLessThan(10);
  });

  test('installs nothing besides itself: the bundle carries its dependencies', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  test('dist/cli.js runs from a folder with no node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moltguard-bundle-'));
    try {
      copyFileSync('dist/cli.js', join(dir, 'cli.js'));
      const out = execFileSync(process.execPath, [join(dir, 'cli.js'), 'rules', '--format', 'json', dir], { cwd: dir, encoding: 'utf8' });
      expect(JSON.parse(out).length).toBeGreaterThan(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every Node version package.json accepts is accepted by every package in the lock file (no EBADENGINE)', () => {
    const accepted: string = pkg.engines.node;
    const refused = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([name, p]) => name !== '' && typeof p.engines?.node === 'string' && !semver.subset(accepted, p.engines.node))
      .map(([name, p]) => `${name} needs ${p.engines?.node}`);
    expect(refused).toEqual([]);
    // The action runs on node24 and CI tests Node 20 as well.
    expect(semver.satisfies('24.0.0', accepted)).toBe(true);
    expect(semver.satisfies('20.19.0', accepted)).toBe(true);
    expect(semver.satisfies(readFileSync('.node-version', 'utf8').trim() + '.0.0', accepted)).toBe(true);
  });

  test('has the MIT licence it declares, and marks dist/ as generated', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n/);
    expect(existsSync('.gitattributes') && readFileSync('.gitattributes', 'utf8')).toMatch(/^dist\/\*\* linguist-generated/m);
  });
});
