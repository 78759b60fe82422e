// npm run survey [-- --only NAME[,NAME]] [--offline]: scans real code nobody here wrote (the
// pinned npm and Debian packages of corpora.json) with the built CLI and prints, per corpus,
// size, files, time, findings per severity and every blocking finding (redacted preview only),
// against issue 15's target of at most 1 blocking finding per 20 MB. Exit 0 when every corpus
// meets it, 1 when one misses it (so it can gate), 2 on a usage, download or scan error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockingLines, formatTable, parseCorpora, summarize } from './corpora.mjs';
import { ensurePackage, FetchError } from './fetch.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = process.env.MOLTGUARD_SURVEY_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'moltguard-survey');

function usage(message) {
  console.error(`${message}\nusage: npm run survey -- [--only NAME[,NAME]] [--offline]   (cache: ${cache}, MOLTGUARD_SURVEY_CACHE to change)`);
  process.exit(2);
}

const args = process.argv.slice(2);
const only = new Set();
let offline = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--offline') offline = true;
  else if (args[i] === '--only' && args[i + 1]) for (const n of args[++i].split(',')) only.add(n);
  else usage(`unknown argument: ${args[i]}`);
}

const corpora = parseCorpora(readFileSync(join(root, 'scripts/survey/corpora.json'), 'utf8'));
for (const n of only) if (!corpora.some((c) => c.name === n)) usage(`--only ${n}: no such corpus (there are ${corpora.map((c) => c.name).join(', ')})`);
if (!existsSync(join(root, 'dist/cli.js'))) usage('dist/cli.js is missing: run npm run build first');

const rows = [];
let failed = false;
for (const corpus of corpora.filter((c) => only.size === 0 || only.has(c.name))) {
  const dir = join(cache, 'corpora', corpus.name);
  mkdirSync(dir, { recursive: true });
  try {
    for (const pkg of corpus.packages) ensurePackage(cache, dir, pkg, { offline });
  } catch (e) {
    if (!(e instanceof FetchError)) throw e;
    console.error(`survey: ${corpus.name}: ${e.message}`);
    failed = true;
    continue;
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'scan', dir, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    console.error(`survey: ${corpus.name}: moltguard scan failed (exit ${r.status}): ${r.stderr.trim().split('\n').pop()}`);
    failed = true;
    continue;
  }
  const row = summarize(corpus, JSON.parse(r.stdout), ms);
  rows.push(row);
  console.log(`${corpus.name}: ${(row.bytes / 1e6).toFixed(1)} MB, ${row.files} files, ${(ms / 1000).toFixed(1)} s, ${row.blocking.length} blocking`);
  for (const line of blockingLines(row)) console.log(line);
}

if (rows.length) console.log(`\n${formatTable(rows)}`);
const missed = rows.filter((r) => !r.met).map((r) => r.name);
if (missed.length) console.log(`\ntarget missed (more than 1 blocking finding per 20 MB): ${missed.join(', ')}`);
process.exit(failed ? 2 : missed.length ? 1 : 0);
