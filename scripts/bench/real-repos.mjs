// Real clones for the history benchmark, named by MOLTGUARD_BENCH_REPOS=/path/a,/path/b (full
// clones, with history). Each runs `git log -p -U0 --no-renames --no-merges HEAD` and a history
// scan in turns, best of three, then the scan over about half of the history (a first-parent
// commit with half the non-merge commits), for the memory ratio. Peak RSS is per process, the
// scan's and each git process's, sampled from /proc (process-tree.mjs).
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { runSampled } from './process-tree.mjs';

const git = (dir, ...args) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout.trim();

/** A first-parent commit whose history has about half of HEAD's non-merge commits. */
function halfway(dir, total) {
  const line = git(dir, 'rev-list', '--first-parent', 'HEAD').split('\n');
  let lo = 0;
  let hi = line.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (Number(git(dir, 'rev-list', '--no-merges', '--count', line[mid])) > total / 2) lo = mid;
    else hi = mid;
  }
  return line[hi];
}

export async function scanOf(root, dir, extra = []) {
  const r = await runSampled(process.execPath, [join(root, 'dist/cli.js'), 'scan', dir, '--mode', 'history', '--format', 'json', '--fail-on', 'none', ...extra]);
  if (r.status !== 0) throw new Error(`moltguard history scan of ${dir} failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const [top, topMiB] = Object.entries(r.peaks).sort((a, b) => b[1] - a[1])[0] ?? ['–', 0];
  return { ...r, report, top, topMiB };
}

const gitLogP = (dir) => runSampled('sh', ['-c', 'git log -p -U0 --no-renames --no-merges HEAD > /dev/null'], { cwd: dir });

const peaksNote = (r) =>
  Object.entries(r.peaks)
    .filter(([, mib]) => mib >= 1)
    .map(([name, mib]) => `${name} ${Math.round(mib)}`)
    .join(', ');

/** Adds rows for each repository; returns the verdict lines. */
export async function realRepos(root, dirs, row) {
  const verdicts = [];
  for (const dir of dirs) {
    const name = basename(dir);
    const head = git(dir, 'rev-parse', 'HEAD');
    const total = Number(git(dir, 'rev-list', '--no-merges', '--count', 'HEAD'));
    const label = `real: ${name} @ ${head.slice(0, 12)}, ${total.toLocaleString('en')} commits`;
    let bestGit;
    let best;
    for (let i = 0; i < 3; i++) {
      const g = await gitLogP(dir);
      const m = await scanOf(root, dir);
      console.log(`${name}, round ${i + 1}: git log -p ${(g.ms / 1000).toFixed(2)} s, moltguard ${(m.ms / 1000).toFixed(2)} s (${(m.ms / g.ms).toFixed(2)}x); peak RSS MiB: ${peaksNote(m)}`);
      if (!bestGit || g.ms < bestGit.ms) bestGit = g;
      if (!best || m.ms < best.ms) best = { ...m, topMiB: Math.max(m.topMiB, best?.topMiB ?? 0) };
    }
    const half = halfway(dir, total);
    const h = await scanOf(root, dir, ['--head', half]);
    row(label, 'git log -p -U0 --no-renames (one process), best of 3', bestGit.ms, undefined, undefined);
    row(label, 'moltguard --mode history, best of 3', best.ms, undefined, best.topMiB, `${best.report.findings.length} findings; peak per process (MiB): ${peaksNote(best)}; whole tree ${Math.round(best.sumMiB ?? 0)} MiB`);
    row(`${label}, first ${h.report.stats.commits.toLocaleString('en')}`, 'moltguard --mode history --head ' + half.slice(0, 12), h.ms, undefined, h.topMiB, `peak per process (MiB): ${peaksNote(h)}`);
    const ratio = best.ms / bestGit.ms;
    verdicts.push(`${name}: ${ratio.toFixed(2)}x git log -p (target <= 0.75x): ${ratio <= 0.75 ? 'met' : 'NOT met'}`);
    verdicts.push(`${name}: peak RSS ${Math.round(best.topMiB)} MiB (largest process, target < 200): ${best.topMiB < 200 ? 'met' : 'NOT met'}; ${Math.round(h.topMiB)} MiB at half (target: full at most 10% above half): ${best.topMiB <= h.topMiB * 1.1 ? 'met' : 'NOT met'}`);
  }
  return verdicts;
}
