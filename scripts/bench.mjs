// npm run bench: the speed and memory targets, measured side by side with ripgrep and git in
// one run on this machine. Corpora are built once into a cache folder outside the repository:
// real npm package sources (installed from the registry), a synthetic corpus with planted fake
// secrets, and git histories replayed from the real sources with `git fast-import`.
// MOLTGUARD_BENCH_QUICK=1 skips the large history workloads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './bench/corpus.mjs';
import { ensureEditHistory, ensureHistory } from './bench/history-corpus.mjs';
import { hostileRows, printHostile } from './bench/hostile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = process.env.MOLTGUARD_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'moltguard-bench');
const quick = process.env.MOLTGUARD_BENCH_QUICK === '1';
mkdirSync(cache, { recursive: true });
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}

// `--only hostile`: the hostile-inputs table alone (the synthetic corpus is its yardstick).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only === 'hostile') {
  const synth = ensureCorpus(cache, 120);
  warm(synth.dir);
  const ordinary = moltguard(['scan', synth.dir]).ms / (synth.bytes / 1e6);
  printHostile(hostileRows(cache, moltguard, ordinary), ordinary);
  process.exit(0);
}

const PACKAGES = ['typescript', 'googleapis', 'aws-sdk@2', '@babel/core', 'lodash', 'moment'];

function run(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, ...r };
}

function moltguard(args) {
  const r = run(process.execPath, [join(root, 'scripts/bench/measure.mjs'), ...args, '--format', 'json', '--fail-on', 'none']);
  if (r.status !== 0) throw new Error(`moltguard ${args.join(' ')} failed: ${r.stderr}`);
  const rss = JSON.parse(/@@bench (.*)/.exec(r.stderr)[1]).maxRssKiB;
  return { ms: r.ms, rssMiB: rss / 1024, report: JSON.parse(r.stdout) };
}

/** Bytes of `git log -p` output, counted once per corpus (they are deterministic) instead of a second git log per run. */
function patchBytes(dir) {
  const file = join(dir, '.git', 'moltguard-bench-patch-bytes');
  if (!existsSync(file)) writeFileSync(file, run('sh', ['-c', 'git log -p -U0 --no-renames --no-merges HEAD | wc -c'], { cwd: dir }).stdout.trim());
  return Number(readFileSync(file, 'utf8'));
}

function gitLogP(dir) {
  return run('sh', ['-c', 'git log -p -U0 --no-renames --no-merges HEAD > /dev/null'], { cwd: dir });
}

/**
 * Runs two workloads in turns and keeps each one's fastest time (and its highest peak RSS): a
 * slow minute on a shared machine then slows both, not just whichever ran in it. One pair of
 * runs on this VM put the same history scan at 0.64x of git in one run and 0.82x in the next.
 */
function inTurns(label, rounds, a, b) {
  let bestA;
  let bestB;
  let rss;
  for (let i = 0; i < rounds; i++) {
    const x = a();
    const y = b();
    console.log(`${label}, round ${i + 1}: ${(x.ms / 1000).toFixed(2)} s against ${(y.ms / 1000).toFixed(2)} s (${(y.ms / x.ms).toFixed(2)}x)`);
    if (!bestA || x.ms < bestA.ms) bestA = x;
    if (!bestB || y.ms < bestB.ms) bestB = y;
    rss = Math.max(rss ?? 0, y.rssMiB ?? 0);
  }
  return [bestA, { ...bestB, rssMiB: rss || undefined }];
}

function warm(dir) {
  spawnSync('sh', ['-c', `find "${dir}" -type f -not -path '*/.git/*' -exec cat {} + > /dev/null`]);
}

function npmCorpus() {
  const dir = join(cache, 'npm');
  if (!existsSync(join(dir, 'node_modules/aws-sdk'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"private":true}');
    const r = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES], { cwd: dir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm install of the benchmark corpus failed');
  }
  return join(dir, 'node_modules');
}

function secretRegexes() {
  const dir = join(root, 'rules/secrets');
  const out = run(process.execPath, ['--input-type=module', '-e', `
    import { readdirSync, readFileSync } from 'node:fs';
    import { parse } from 'yaml';
    const dir = ${JSON.stringify(dir)};
    const rules = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().flatMap((f) => parse(readFileSync(dir + '/' + f, 'utf8')));
    console.log(JSON.stringify(rules.filter((r) => !r.assignment).map((r) => r.regex)));
  `], { cwd: root });
  return JSON.parse(out.stdout);
}

const rows = [];
let histRatio;
let editRatio;
let secretlintRatio;
const row = (workload, tool, ms, mb, rssMiB, note = '') => rows.push({ workload, tool, ms, mb, rssMiB, note });
const fmt = (n, d = 1) => (n === undefined ? '–' : n.toFixed(d));

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${run('git', ['--version']).stdout.trim()}`);
const hasRg = run('rg', ['--version']).status === 0;
if (!hasRg) console.log('ripgrep is not installed (apt-get install ripgrep): no ripgrep rows');
const regexes = secretRegexes();
const rg40 = join(cache, 'rg-40.txt');
writeFileSync(rg40, regexes.slice(0, 40).join('\n') + '\n');

// 1. Tree: real npm sources.
const npm = npmCorpus();
warm(npm);
const tree = moltguard(['scan', npm]);
const treeMB = tree.report.stats.bytes / 1e6;
row('tree: npm sources', 'moltguard (all rules, all cores)', tree.ms, treeMB, tree.rssMiB, `${tree.report.findings.length} findings, ${tree.report.stats.files} files`);
const tree1 = moltguard(['scan', npm, '--workers', '1']);
row('tree: npm sources', 'moltguard (one worker)', tree1.ms, treeMB, tree1.rssMiB);
let rgTreeMs;
if (hasRg) {
  const rg = run('rg', ['-P', '--no-ignore', '--hidden', '-c', '-f', rg40, npm]);
  rgTreeMs = rg.ms;
  row('tree: npm sources', 'ripgrep -P, 40 secret regexes', rg.ms, treeMB, undefined);
}

// 2. Synthetic corpus with planted secrets: recall at speed.
const synth = ensureCorpus(cache, 120);
warm(synth.dir);
const syn = moltguard(['scan', synth.dir]);
row('tree: synthetic + minified', 'moltguard', syn.ms, synth.bytes / 1e6, syn.rssMiB, `${syn.report.findings.filter((f) => f.category === 'secret').length} of ${synth.planted} planted secrets found`);

// 3. secretlint's recommended preset on a small real tree (it is far slower: a big tree takes it hours).
const slDir = join(cache, 'secretlint');
if (!existsSync(join(slDir, 'node_modules/.bin/secretlint'))) {
  mkdirSync(slDir, { recursive: true });
  writeFileSync(join(slDir, 'package.json'), '{"private":true}');
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', 'secretlint', '@secretlint/secretlint-rule-preset-recommend'], { cwd: slDir, stdio: 'inherit' });
}
// About the 14 MB tree the issue calibrates secretlint on.
const small = join(cache, 'small-tree-v2');
if (!existsSync(join(small, 'lodash'))) {
  mkdirSync(small, { recursive: true });
  run('cp', ['-r', join(npm, 'lodash'), join(npm, 'moment'), join(npm, '@babel'), small]);
  writeFileSync(join(small, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
}
if (existsSync(join(slDir, 'node_modules/.bin/secretlint'))) {
  warm(small);
  const mgSmall = moltguard(['scan', small]);
  const sl = run(join(slDir, 'node_modules/.bin/secretlint'), ['**/*', '--secretlintrc', '.secretlintrc.json'], { cwd: small, env: { ...process.env, NODE_PATH: join(slDir, 'node_modules') } });
  const mb = mgSmall.report.stats.bytes / 1e6;
  row('tree: lodash, moment, @babel', 'moltguard', mgSmall.ms, mb, mgSmall.rssMiB);
  row('tree: lodash, moment, @babel', 'secretlint, recommend preset', sl.ms, mb, undefined, `exit ${sl.status}`);
  secretlintRatio = sl.ms / mgSmall.ms;
}

// 4. History.
const memory = [];
if (!quick) {
  const hist = ensureHistory(cache, npm, 20000, 300);
  warm(hist.dir);
  const [gitLog, h] = inTurns('history, git log -p against moltguard', 3, () => gitLogP(hist.dir), () => moltguard(['scan', hist.dir, '--mode', 'history']));
  const logBytes = patchBytes(hist.dir);
  row('history: 20,000 commits', 'git log -p -U0 (one process), best of 3', gitLog.ms, logBytes / 1e6, undefined);
  row('history: 20,000 commits', 'moltguard --mode history, best of 3', h.ms, logBytes / 1e6, h.rssMiB, `${h.report.findings.length} findings of ${hist.planted} planted, ${h.report.stats.commits} commits`);
  histRatio = h.ms / gitLog.ms;
  const edits = ensureEditHistory(cache, npm, 20000);
  warm(edits.dir);
  const [editLog, e] = inTurns('history of edits, git log -p against moltguard', 2, () => gitLogP(edits.dir), () => moltguard(['scan', edits.dir, '--mode', 'history']));
  const editBytes = patchBytes(edits.dir);
  row('history: 20,000 commits of edits', 'git log -p -U0 (one process), best of 2', editLog.ms, editBytes / 1e6, undefined);
  row('history: 20,000 commits of edits', 'moltguard --mode history, best of 2', e.ms, editBytes / 1e6, e.rssMiB, `${e.report.findings.length} findings of ${edits.planted} planted`);
  editRatio = e.ms / editLog.ms;
  for (const commits of [5000, 50000]) {
    const small = ensureHistory(cache, npm, commits, commits / 500);
    const m = moltguard(['scan', small.dir, '--mode', 'history']);
    memory.push([commits, m.rssMiB, m.ms]);
    row(`history: ${commits.toLocaleString('en')} small commits`, 'moltguard --mode history', m.ms, undefined, m.rssMiB);
  }
}

console.log('');
console.log('| workload | tool | wall time | MB/s | peak RSS | notes |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const r of rows) {
  console.log(`| ${r.workload} | ${r.tool} | ${(r.ms / 1000).toFixed(2)} s | ${r.mb ? fmt(r.mb / (r.ms / 1000)) : '–'} | ${r.rssMiB ? `${fmt(r.rssMiB, 0)} MiB` : '–'} | ${r.note} |`);
}
console.log('');
const verdict = (ok) => (ok ? 'met' : 'NOT met');
if (rgTreeMs) console.log(`tree vs ripgrep: ${(tree.ms / rgTreeMs).toFixed(2)}x ripgrep's wall time (target <= 0.35x): ${verdict(tree.ms / rgTreeMs <= 0.35)}`);
console.log(`tree peak memory: ${fmt(tree.rssMiB, 0)} MiB (target < 300 MiB): ${verdict(tree.rssMiB < 300)}`);
if (histRatio !== undefined) console.log(`history (mostly new files) vs git log -p: ${histRatio.toFixed(2)}x (target <= 0.75x): ${verdict(histRatio <= 0.75)}`);
if (editRatio !== undefined) console.log(`history (edits of large files) vs git log -p: ${editRatio.toFixed(2)}x (target <= 0.75x): ${verdict(editRatio <= 0.75)}`);
if (secretlintRatio) console.log(`secretlint recommend preset vs moltguard: moltguard is ${secretlintRatio.toFixed(0)}x faster (target >= 100x): ${verdict(secretlintRatio >= 100)}`);
if (memory.length === 2) console.log(`history memory: ${fmt(memory[0][1], 0)} MiB at 5,000 commits, ${fmt(memory[1][1], 0)} MiB at 50,000 (target: flat): ${verdict(memory[1][1] < memory[0][1] * 1.25)}`);
console.log(`secret rules: ${regexes.length} regex rules (+ generic assignment rules); ripgrep ran the first 40`);
const ordinaryPerMB = syn.ms / (synth.bytes / 1e6);
printHostile(hostileRows(cache, moltguard, ordinaryPerMB), ordinaryPerMB);
if (process.env.MOLTGUARD_BENCH_REPOS || process.env.MOLTGUARD_BENCH_MILLION) await import('./bench/history-scale.mjs');
