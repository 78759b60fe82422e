// History at real scale: real clones named by MOLTGUARD_BENCH_REPOS (comma-separated paths) and
// a synthetic million-commit history when MOLTGUARD_BENCH_MILLION=1 (or =N commits). `npm run
// bench` runs this at its end when either is set; `npm run bench:history` runs only this.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureMillion } from './million.mjs';
import { realRepos, scanOf } from './real-repos.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}
const cache = process.env.MOLTGUARD_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'moltguard-bench');
mkdirSync(cache, { recursive: true });

const rows = [];
const row = (workload, tool, ms, mb, rssMiB, note = '') => rows.push({ workload, tool, ms, rssMiB, note });
const verdicts = [];

const repos = (process.env.MOLTGUARD_BENCH_REPOS ?? '').split(',').filter(Boolean);
for (const dir of repos) if (!existsSync(join(dir, '.git'))) throw new Error(`MOLTGUARD_BENCH_REPOS: ${dir} is not a git clone`);
if (repos.length) verdicts.push(...(await realRepos(root, repos, row)));

const million = process.env.MOLTGUARD_BENCH_MILLION;
if (million) {
  const commits = million === '1' ? 1_000_000 : Number(million);
  const started = Date.now();
  const shaped = ensureMillion(cache, commits);
  console.log(`synthetic history of ${commits.toLocaleString('en')} commits ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${shaped.dir}`);
  const m = await scanOf(root, shaped.dir);
  const note = Object.entries(m.peaks).filter(([, mib]) => mib >= 1).map(([n, mib]) => `${n} ${Math.round(mib)}`).join(', ');
  row(`synthetic: ${commits.toLocaleString('en')} commits, renames and merges`, 'moltguard --mode history', m.ms, undefined, m.topMiB, `${m.report.findings.length} findings of ${shaped.planted} planted, ${m.report.stats.commits} commits; peak per process (MiB): ${note}`);
  verdicts.push(`synthetic ${commits.toLocaleString('en')} commits: peak RSS ${Math.round(m.topMiB)} MiB (largest process, target < 300): ${m.topMiB < 300 ? 'met' : 'NOT met'}`);
}

console.log('');
console.log('| workload | tool | wall time | peak RSS | notes |');
console.log('| --- | --- | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.workload} | ${r.tool} | ${(r.ms / 1000).toFixed(2)} s | ${r.rssMiB ? `${Math.round(r.rssMiB)} MiB` : '–'} | ${r.note} |`);
console.log('');
for (const v of verdicts) console.log(v);
