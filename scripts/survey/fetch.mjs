// Brings one pinned package into the survey cache: the archive once under downloads/, its files
// once under the corpus folder. Only the ordinary clients are used (npm pack, apt-get download),
// so the survey reaches exactly what a developer's machine and CI reach.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A download or extraction that failed; its message is the one line the survey prints. */
export class FetchError extends Error {}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw new FetchError(`${cmd} could not start: ${r.error.message}`);
  return r;
}

/** The line of a client's output that says why: npm's first error after its code, apt's `E:`. */
function reasonIn(text) {
  const lines = text.trim().split('\n').filter((l) => l && !/^(npm notice|W: )/.test(l));
  return lines.find((l) => /^(?:npm error (?!code\b|A complete log)|E: )/.test(l)) ?? lines.pop() ?? '';
}

function archiveOf(downloads, pkg) {
  // apt-get writes the epoch's colon as %3a; npm pack writes @scope/name as scope-name.
  const prefix = pkg.source === 'deb' ? `${pkg.name}_${pkg.version.replace(/:/g, '%3a')}_` : `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
  return readdirSync(downloads).find((f) => (pkg.source === 'deb' ? f.startsWith(prefix) && f.endsWith('.deb') : f === prefix));
}

function download(downloads, pkg, offline) {
  const have = archiveOf(downloads, pkg);
  if (have) return join(downloads, have);
  if (offline) throw new FetchError(`${pkg.spec}: not in the cache (${downloads}) and --offline was given`);
  const r = pkg.source === 'npm'
    ? run('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', downloads], downloads)
    : run('apt-get', ['download', '-q', `${pkg.name}=${pkg.version}`], downloads);
  const got = archiveOf(downloads, pkg);
  if (r.status !== 0 || !got) {
    const hint = pkg.source === 'deb' ? ' (is the version still in the apt lists? try apt-get update, then apt-cache policy NAME)' : '';
    throw new FetchError(`${pkg.spec}: download failed: ${reasonIn(r.stderr) || reasonIn(r.stdout) || `exit ${r.status}`}${hint}`);
  }
  return join(downloads, got);
}

/** The folder holding pkg's files inside corpusDir, downloading and extracting what is missing. */
export function ensurePackage(cache, corpusDir, pkg, { offline }) {
  const downloads = join(cache, 'downloads');
  const marks = join(cache, 'extracted');
  mkdirSync(downloads, { recursive: true });
  mkdirSync(marks, { recursive: true });
  const dir = join(corpusDir, pkg.dir);
  // The mark lives outside the scanned folder so the survey never scans its own bookkeeping.
  const mark = join(marks, `${corpusDir.split('/').pop()}--${pkg.dir}`);
  if (existsSync(mark) && existsSync(dir)) return dir;
  const archive = download(downloads, pkg, offline);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = pkg.source === 'npm'
    ? run('tar', ['-xzf', archive, '-C', dir, '--strip-components=1', '--no-same-owner'])
    : run('dpkg-deb', ['-x', archive, dir]);
  if (r.status !== 0) throw new FetchError(`${pkg.spec}: extracting ${archive} failed: ${reasonIn(r.stderr)}`);
  writeFileSync(mark, `${pkg.spec}\n`);
  return dir;
}
