// npm run bench: scans a deterministic corpus and prints throughput and peak memory next to
// ripgrep running the same rules' regexes (when rg is installed). Ratios, not absolute
// times, are what to compare: both run on the same machine in the same minute.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { homedir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './bench/corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = process.env.MOLTGUARD_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'moltguard-bench');
const sizeMiB = Number(process.env.MOLTGUARD_BENCH_MIB ?? 120);
mkdirSync(cache, { recursive: true });

if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
const corpus = ensureCorpus(cache, sizeMiB);
console.log(`corpus: ${corpus.files} files, ${(corpus.bytes / 2 ** 20).toFixed(0)} MiB, ${corpus.planted} planted secrets (${corpus.dir})`);

function timed(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, ...r };
}

const rows = [];
// Warm the page cache so neither tool pays for the first read.
timed('cat', ['-'], { input: '' });
spawnSync('sh', ['-c', `find "${corpus.dir}" -type f -exec cat {} + > /dev/null`]);

const mg = timed(process.execPath, [join(root, 'scripts/bench/measure.mjs'), 'scan', corpus.dir, '--format', 'json', '--fail-on', 'none']);
if (mg.status !== 0) {
  console.error(mg.stderr);
  process.exit(1);
}
const report = JSON.parse(mg.stdout);
const rss = JSON.parse(/@@bench (.*)/.exec(mg.stderr)[1]).maxRssKiB;
const found = report.findings.filter((f) => f.category === 'secret').length;
rows.push(['moltguard (all rules)', mg.ms, rss, `${found} secrets found of ${corpus.planted} planted`]);

const rules = JSON.parse(timed(process.execPath, [join(root, 'dist/cli.js'), 'rules', '--format', 'json']).stdout);
const patternsFile = join(cache, 'patterns.txt');
const secretRules = rules.filter((r) => r.category === 'secret');
// ripgrep gets the same regexes the engine runs (PCRE2 understands the lookarounds).
const { regexes } = JSON.parse(timed(process.execPath, ['--input-type=module', '-e', `
  import { readdirSync, readFileSync } from 'node:fs';
  import { parse } from 'yaml';
  const dir = ${JSON.stringify(join(root, 'rules/secrets'))};
  const regexes = readdirSync(dir).filter((f) => f.endsWith('.yaml')).flatMap((f) => parse(readFileSync(dir + '/' + f, 'utf8')).map((r) => r.regex));
  console.log(JSON.stringify({ regexes }));
`], { cwd: root }).stdout);
writeFileSync(patternsFile, regexes.join('\n') + '\n');
const rgVersion = spawnSync('rg', ['--version'], { encoding: 'utf8' });
if (rgVersion.status === 0) {
  const rg = timed('rg', ['-P', '--no-ignore', '--hidden', '-c', '-f', patternsFile, corpus.dir]);
  const matches = rg.stdout.split('\n').filter(Boolean).reduce((n, l) => n + Number(l.split(':').pop()), 0);
  rows.push([`ripgrep -P (${regexes.length} regexes)`, rg.ms, undefined, `${matches} matching lines`]);
} else {
  console.log('ripgrep not installed (apt-get install ripgrep) — no comparison row');
}

const mb = corpus.bytes / 1e6;
console.log('');
console.log('| tool | wall time | MB/s | peak RSS | notes |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [name, ms, rssKiB, note] of rows) {
  console.log(`| ${name} | ${(ms / 1000).toFixed(2)} s | ${(mb / (ms / 1000)).toFixed(1)} | ${rssKiB ? `${(rssKiB / 1024).toFixed(0)} MiB` : '–'} | ${note} |`);
}
if (rows.length > 1) console.log(`\nmoltguard / ripgrep wall-time ratio: ${(rows[0][1] / rows[1][1]).toFixed(2)}x (lower is better)`);
console.log(`secret rules: ${secretRules.length}`);
