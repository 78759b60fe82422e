// Recall on Plazmaz/leaky-repo, a benchmark of planted credentials nobody here wrote:
//   npm run build && node scripts/survey/leaky-repo.mjs /path/to/leaky-repo
// Its `.leaky-meta/secrets.csv` counts, per file, the lines that hold a risk secret (and, apart,
// the lines that only inform: user names, hosts). It has no line labels, so a file's score is
// the number of distinct lines with a secret finding, capped at its risk count; lines found
// beyond that count, and any secret finding in a file it lists as clean or does not list, are
// printed as possible false alarms to be read by hand. The benchmark's own folder is not scanned.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const clone = process.argv[2];
if (!clone || !existsSync(join(clone, '.leaky-meta/secrets.csv'))) {
  console.error('usage: node scripts/survey/leaky-repo.mjs CLONE (a clone of github.com/Plazmaz/leaky-repo, with .leaky-meta/secrets.csv)');
  process.exit(2);
}

/** path -> risk lines, from the benchmark's CSV (`name,num_risk,num_informative`, `#` comments). */
function expectedRisk() {
  const rows = readFileSync(join(clone, '.leaky-meta/secrets.csv'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return new Map(rows.map((l) => l.split(',')).map(([name, risk]) => [name.replace(/^\//, ''), Number(risk)]));
}

const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'scan', clone, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) {
  console.error(`moltguard scan of ${clone} failed (exit ${run.status}): ${run.stderr.trim()}`);
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf8' }).stdout.trim() || '(not a git clone)';

const linesOf = new Map();
const blocking = new Map();
const others = [];
for (const f of report.findings) {
  if (f.path.startsWith('.leaky-meta/')) continue;
  if (f.category !== 'secret') {
    others.push(f);
    continue;
  }
  if (!linesOf.has(f.path)) linesOf.set(f.path, new Set());
  linesOf.get(f.path).add(f.line);
  if (f.severity === 'high' || f.severity === 'critical') {
    if (!blocking.has(f.path)) blocking.set(f.path, new Set());
    blocking.get(f.path).add(f.line);
  }
}

const expected = expectedRisk();
let found = 0;
let total = 0;
let blockingFound = 0;
const alarms = [];
console.log(`leaky-repo @ ${head}; moltguard ${report.tool.version}, ${report.stats.files} files scanned\n`);
console.log('file'.padEnd(42), 'found/risk', ' blocking', ' lines found');
for (const [path, risk] of [...expected].sort((a, b) => a[0].localeCompare(b[0]))) {
  const lines = [...(linesOf.get(path) ?? [])].sort((a, b) => a - b);
  const hit = Math.min(lines.length, risk);
  const hitBlocking = Math.min(blocking.get(path)?.size ?? 0, risk);
  found += hit;
  blockingFound += hitBlocking;
  total += risk;
  if (lines.length > risk) alarms.push(`${path}: ${lines.length - risk} line(s) beyond its ${risk} risk line(s) (lines ${lines.join(', ')})`);
  const mark = hit < risk ? '  <' : '';
  console.log(path.padEnd(42), `${hit}/${risk}`.padStart(10), String(hitBlocking).padStart(9), ` ${lines.join(',')}${mark}`);
}
for (const [path, lines] of linesOf) {
  if (!expected.has(path)) alarms.push(`${path}: not in the benchmark's list, secret findings at lines ${[...lines].join(', ')}`);
}

console.log(`\nrecall: ${found}/${total} = ${(found / total).toFixed(3)} of risk lines (blocking, high or critical: ${blockingFound}/${total} = ${(blockingFound / total).toFixed(3)})`);
console.log(`possible false alarms (secret findings beyond the benchmark's counts): ${alarms.length}`);
for (const a of alarms) console.log(`  ${a}`);
console.log(`config findings (hardening checks, not counted): ${others.length}`);
for (const f of others) console.log(`  ${f.path}:${f.line} ${f.ruleId} (${f.severity})`);
