// A synthetic history shaped like a long real one, for the memory bound at scale (built only
// when MOLTGUARD_BENCH_MILLION=1, or =N for N commits: it takes minutes). 4,000 files in 100
// folders, one edited by each commit, a few of them edited far more often than the rest (as a
// changelog or a version file is); every 500th commit renames a file, every 1,000th merges a
// side branch; ten fake keys planted along the way. Built with `git fast-import` from a stream
// written to a file, once, into the bench cache.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const FILES = 4000;
const LINES = 30;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function fakeKey(seed) {
  const bytes = createHash('sha256').update(`million-${seed}`).digest();
  let s = 'mbd_live_';
  for (let i = 0; i < 40; i++) s += ALNUM[(bytes[i % 32] + i * 7) % 62];
  return s;
}

export function ensureMillion(cache, commits) {
  const dir = join(cache, `history-shaped-${commits}`);
  const planted = 10;
  if (existsSync(join(dir, '.git', 'moltguard-bench-done'))) return { dir, planted };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const streamFile = join(dir, '.git', 'bench-import.stream');
  const fd = openSync(streamFile, 'w');
  let buf = [];
  const flush = () => {
    writeSync(fd, buf.join(''));
    buf = [];
  };
  const paths = Array.from({ length: FILES }, (_, f) => `src/d${f % 100}/file${f}.py`);
  const lines = paths.map((_, f) => Array.from({ length: LINES }, (_, l) => `value_${f}_${l} = ${l}`));
  const blob = (f) => {
    const body = `${lines[f].join('\n')}\n`;
    return `M 100644 inline ${paths[f]}\ndata ${Buffer.byteLength(body)}\n${body}\n`;
  };
  const header = (ref, c, mark) => `commit ${ref}\n${mark ? `mark :${mark}\n` : ''}committer Bench <bench@example.invalid> ${1_600_000_000 + c} +0000\ndata 0\n`;
  buf.push(header('refs/heads/main', 0), ...paths.map((_, f) => blob(f)));
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let marks = 0;
  let pendingMerge;
  for (let c = 1; c < commits; c++) {
    // Squared: a few files take most of the edits.
    const f = Math.floor(rand() * rand() * FILES);
    const l = Math.floor(rand() * LINES);
    lines[f][l] = c % Math.floor(commits / planted) === 7 ? `token_${c} = "${fakeKey(c)}"` : `value_${f}_${l} = ${c}`;
    if (c % 1000 === 500) {
      const g = (f + 1) % FILES;
      lines[g][0] = `side_${c} = ${c}`;
      buf.push(header('refs/heads/side', c, ++marks), 'from refs/heads/main\n', blob(g));
      pendingMerge = marks;
    }
    buf.push(header('refs/heads/main', c));
    if (c % 1000 === 0 && pendingMerge) {
      buf.push(`merge :${pendingMerge}\n`);
      pendingMerge = undefined;
    }
    if (c % 500 === 250) {
      const renamed = paths[f].replace(/(\.v\d+)?\.py$/, `.v${c}.py`);
      buf.push(`D ${paths[f]}\n`);
      paths[f] = renamed;
    }
    buf.push(blob(f));
    if (c % 2000 === 0) flush();
  }
  flush();
  closeSync(fd);
  const input = openSync(streamFile, 'r');
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, stdio: [input, 'ignore', 'pipe'] });
  closeSync(input);
  rmSync(streamFile);
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  spawnSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  writeFileSync(join(dir, '.git', 'moltguard-bench-done'), `${commits}\n`);
  return { dir, planted };
}
