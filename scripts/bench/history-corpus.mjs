// Deterministic git histories made by replaying real package sources in small commits, built
// with `git fast-import` (seconds, not hours), in two shapes. `ensureHistory`: most commits add
// a file or two, every fourth edits lines of an earlier file. `ensureEditHistory`: every commit
// edits a few lines of one to three large files, the shape of most real repositories, where
// git's diffing is the cost. A few fake secrets are planted in each.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';

function listFiles(dir, out = [], min = 0, max = 400_000) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out, min, max);
    else if (e.isFile() && /\.(js|ts|json|md|mjs|cjs)$/.test(e.name)) {
      const size = statSync(p).size;
      if (size >= min && size < max) out.push(p);
    }
  }
  return out;
}

/** Streams fast-import's input through a file: the edit history's is gigabytes, too big for one Buffer. */
class FastImport {
  constructor(dir) {
    this.dir = dir;
    this.file = join(dir, '.git', 'bench-import.stream');
    this.fd = openSync(this.file, 'w');
  }
  push(...parts) {
    for (const part of parts) writeSync(this.fd, part);
  }
  finish() {
    closeSync(this.fd);
    const input = openSync(this.file, 'r');
    const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: this.dir, stdio: [input, 'ignore', 'pipe'] });
    closeSync(input);
    rmSync(this.file);
    if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
    spawnSync('git', ['checkout', '-q', 'main'], { cwd: this.dir });
  }
}

/**
 * Builds (once, cached) `commits` commits over 300 source files of 20 to 200 KB: the first adds
 * them all, each later one edits 8 lines in each of one to three of them.
 */
export function ensureEditHistory(cacheDir, sourceDir, commits) {
  const dir = join(cacheDir, `history-v3-edits-${commits}c`);
  const manifest = join(dir, '.git', 'moltguard-bench.json');
  if (existsSync(manifest)) return { dir, ...JSON.parse(readFileSync(manifest, 'utf8')) };
  mkdirSync(dir, { recursive: true });
  spawnSync('git', ['init', '-q', '-b', 'main', dir]);
  const files = listFiles(sourceDir, [], 20_000, 200_000).filter((_, i) => i % 5 === 0).slice(0, 300);
  const live = files.map((p) => ({ path: relative(sourceDir, p), lines: readFileSync(p, 'utf8').split('\n') }));
  let seed = 1;
  const next = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const out = new FastImport(dir);
  let planted = 0;
  const data = (s) => {
    const b = Buffer.from(s);
    out.push(Buffer.from(`data ${b.length}\n`), b, Buffer.from('\n'));
  };
  for (let c = 0; c < commits; c++) {
    out.push(Buffer.from(`commit refs/heads/main\nmark :${c + 1}\ncommitter Bench <bench@example.invalid> ${1700000000 + c * 60} +0000\n`));
    data(`commit ${c}`);
    if (c > 0) out.push(Buffer.from(`from :${c}\n`));
    const touched = c === 0 ? live : Array.from({ length: 1 + next(3) }, () => live[next(live.length)]);
    for (const f of touched) {
      if (c > 0) {
        for (let k = 0; k < 8; k++) {
          const i = next(f.lines.length);
          f.lines[i] = `${f.lines[i]} // edit ${c}`;
        }
        if (c % 500 === 7 && f === touched[0]) {
          f.lines.splice(next(f.lines.length), 0, `const key = "${fakeKey(c)}";`);
          planted++;
        }
      }
      out.push(Buffer.from(`M 100644 inline ${f.path}\n`));
      data(f.lines.join('\n'));
    }
  }
  out.finish();
  const info = { commits, planted };
  writeFileSync(manifest, JSON.stringify(info));
  return { dir, ...info };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const fakeKey = (i) => {
  const h = createHash('sha256').update(`hist-${i}`).digest();
  return 'mbd_live_' + Array.from(h, (b) => ALNUM[b % 62]).join('').slice(0, 40);
};

/**
 * Builds (once, cached) a repository of `commits` commits whose patches total about
 * `patchMiB`, from the source files under `sourceDir`. Returns its path and counts.
 */
export function ensureHistory(cacheDir, sourceDir, commits, patchMiB) {
  const dir = join(cacheDir, `history-v3-${commits}c-${patchMiB}m`);
  const manifest = join(dir, '.git', 'moltguard-bench.json');
  if (existsSync(manifest)) return { dir, ...JSON.parse(readFileSync(manifest, 'utf8')) };
  mkdirSync(dir, { recursive: true });
  spawnSync('git', ['init', '-q', '-b', 'main', dir]);
  const files = listFiles(sourceDir);
  const budget = patchMiB * 1024 * 1024;
  const perCommit = budget / commits;
  const chunks = [];
  let added = 0;
  let bytes = 0;
  let planted = 0;
  const live = [];
  const data = (s) => {
    const b = Buffer.from(s);
    chunks.push(Buffer.from(`data ${b.length}\n`), b, Buffer.from('\n'));
  };
  for (let c = 0; c < commits; c++) {
    const when = 1700000000 + c * 60;
    chunks.push(Buffer.from(`commit refs/heads/main\nmark :${c + 1}\ncommitter Bench <bench@example.invalid> ${when} +0000\n`));
    data(`commit ${c}`);
    if (c > 0) chunks.push(Buffer.from(`from :${c}\n`));
    let size = 0;
    if (c % 4 === 3 && live.length) {
      // Edit an earlier file: change a dozen lines, and now and then plant a key.
      const entry = live[(c * 7919) % live.length];
      const lines = entry.text.split('\n');
      const step = Math.max(1, Math.floor(lines.length / 12));
      for (let i = c % step; i < lines.length; i += step) {
        lines[i] = `${lines[i]} // rev ${c}`;
        size += lines[i].length;
      }
      if (c % 500 === 3) {
        lines.splice(1, 0, `const key = "${fakeKey(c)}";`);
        planted++;
      }
      entry.text = lines.join('\n');
      chunks.push(Buffer.from(`M 100644 inline ${entry.path}\n`));
      data(entry.text);
    } else {
      // Add source files, each cut at a line boundary, until this commit's share of the budget is met.
      while (size < perCommit * 0.9) {
        const src = files[added % files.length];
        const path = `r${Math.floor(added / files.length)}/${relative(sourceDir, src)}`;
        const full = readFileSync(src, 'utf8');
        const cut = full.length > perCommit * 1.5 ? full.lastIndexOf('\n', perCommit * 1.5) : full.length;
        const text = full.slice(0, cut > 0 ? cut : full.length);
        chunks.push(Buffer.from(`M 100644 inline ${path}\n`));
        data(text);
        if (live.length < 2000) live.push({ path, text });
        else live[added % 2000] = { path, text };
        size += text.length + 1;
        added++;
      }
    }
    bytes += size;
  }
  const out = new FastImport(dir);
  // One part at a time: the npm sources of today give more parts than a spread can pass.
  for (const chunk of chunks) out.push(chunk);
  out.finish();
  const info = { commits, approxPatchBytes: Math.round(bytes), planted };
  writeFileSync(manifest, JSON.stringify(info));
  return { dir, ...info };
}
