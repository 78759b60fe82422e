// Runs Nosey Parker's rule examples through the built CLI: how many of its positive examples
// moltguard finds, and which of its negative examples it reports. Usage:
//
//   npm run build
//   node scripts/survey/noseyparker-examples.mjs /path/to/noseyparker [--providers a-l]
//        [--rules REGEX] [--ruleset default|all] [--missed] [--keep] [--json]
//
// --providers a-l keeps NP rules whose provider (the middle of the id: np.<provider>.N) starts
// with a letter in that range, so two people can split the work by provider name; --rules
// keeps ids or names matching REGEX. --ruleset default (the default) counts only the rules of NP's
// default ruleset (secrets); all adds its asset and password-hash rules. --missed lists each
// missed positive and each reported negative, redacted: NP's examples may hold real leaked keys.
// Every example is a file of its own (`.txt`, no language) in one temporary folder outside git,
// scanned once with --fail-on none; only secret findings count, config checks do not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NP_DATA = 'crates/noseyparker/data/default/builtin';

function fail(message) {
  console.error(`noseyparker-examples: ${message}`);
  process.exit(2);
}

function options() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        providers: { type: 'string' },
        rules: { type: 'string' },
        ruleset: { type: 'string', default: 'default' },
        missed: { type: 'boolean' },
        keep: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
  } catch (e) {
    return fail(e.message.split('\n')[0]);
  }
}

function readYaml(file) {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch {
    return fail(`${file}: not a readable YAML file`);
  }
}

function loadNpRules(npRoot) {
  const dir = join(npRoot, NP_DATA, 'rules');
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
  } catch {
    return fail(`${dir}: no Nosey Parker rules folder (give the root of a noseyparker clone)`);
  }
  const rules = files.flatMap((f) => (readYaml(join(dir, f))?.rules ?? []).map((r) => ({ ...r, file: f })));
  const ruleset = readYaml(join(npRoot, NP_DATA, 'rulesets', 'default.yml'));
  const inDefault = new Set(ruleset?.rulesets?.[0]?.include_rule_ids ?? []);
  return rules.map((r) => ({ ...r, inDefault: inDefault.has(r.id) }));
}

/** `a-l` -> a test on the provider segment of an NP id (`np.aws.2` -> `aws`). */
function providerFilter(range) {
  if (!range) return () => true;
  const m = /^([a-z])-([a-z])$/i.exec(range);
  if (!m) return fail(`--providers: expected a letter range such as a-l, not "${range}"`);
  const [lo, hi] = [m[1].toLowerCase(), m[2].toLowerCase()];
  return (rule) => {
    const first = (rule.id.split('.')[1] ?? '').charAt(0).toLowerCase();
    return first >= lo && first <= hi;
  };
}

/** A redacted preview: enough to recognise the example, never the whole value. */
function preview(text) {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  const shown = line.trim().slice(0, 16);
  return `${JSON.stringify(shown)}… (${text.length} chars)`;
}

function writeExamples(dir, rules) {
  const cases = [];
  for (const rule of rules) {
    const folder = join(dir, rule.id);
    mkdirSync(folder, { recursive: true });
    const kinds = [
      ['positive', rule.examples ?? []],
      ['negative', rule.negative_examples ?? []],
    ];
    for (const [kind, list] of kinds) {
      list.forEach((text, i) => {
        const path = join(folder, `${kind}-${i}.txt`);
        writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
        cases.push({ rule, kind, index: i, path: relative(dir, path).split('\\').join('/'), text });
      });
    }
  }
  return cases;
}

function scan(dir) {
  const cli = join(ROOT, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'scan', dir, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) fail(`the scan failed (exit ${r.status}); did you run npm run build? ${(r.stderr ?? '').split('\n')[0]}`);
  const byPath = new Map();
  for (const f of JSON.parse(r.stdout).findings) {
    if (f.category !== 'secret') continue;
    if (!byPath.has(f.path)) byPath.set(f.path, new Set());
    byPath.get(f.path).add(f.ruleId);
  }
  return byPath;
}

function tally(cases, byPath) {
  const perRule = new Map();
  for (const c of cases) {
    const row = perRule.get(c.rule.id) ?? { id: c.rule.id, name: c.rule.name, inDefault: c.rule.inDefault, found: 0, positives: 0, negatives: 0, reported: 0, by: new Set(), missed: [], noisy: [] };
    perRule.set(c.rule.id, row);
    const hits = byPath.get(c.path);
    if (c.kind === 'positive') {
      row.positives++;
      if (hits) {
        row.found++;
        hits.forEach((h) => row.by.add(h));
      } else row.missed.push(c);
    } else {
      row.negatives++;
      if (hits) {
        row.reported++;
        row.noisy.push({ ...c, hits: [...hits] });
      }
    }
  }
  return [...perRule.values()];
}

function ratio(found, total) {
  return `${found}/${total}${total ? ` (${(found / total).toFixed(3)})` : ''}`;
}

function print(rows, args) {
  for (const r of rows) {
    const mark = r.found === r.positives ? ' ' : '!';
    const neg = r.negatives ? `  negatives reported ${r.reported}/${r.negatives}` : '';
    console.log(`${mark} ${r.id.padEnd(22)} ${r.name.slice(0, 48).padEnd(48)} ${`${r.found}/${r.positives}`.padStart(5)}${neg}  ${[...r.by].join(',')}`);
    if (!args.missed) continue;
    for (const c of r.missed) console.log(`    missed ${c.path}: ${preview(c.text)}`);
    for (const c of r.noisy) console.log(`    negative reported by ${c.hits.join(',')} ${c.path}: ${preview(c.text)}`);
  }
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  const found = sum(rows, 'found');
  const total = sum(rows, 'positives');
  const fully = rows.filter((r) => r.positives && r.found === r.positives).length;
  console.log(`\nNP rules: ${rows.length} (${fully} with every positive found)`);
  console.log(`positives found: ${ratio(found, total)}`);
  console.log(`negatives reported: ${sum(rows, 'reported')}/${sum(rows, 'negatives')}`);
}

const { values: args, positionals } = options();
if (positionals.length !== 1) fail('give the root of a noseyparker clone');
const keepProvider = providerFilter(args.providers);
const ruleRe = args.rules ? new RegExp(args.rules, 'i') : undefined;
if (args.ruleset !== 'default' && args.ruleset !== 'all') fail(`--ruleset: expected default or all, not "${args.ruleset}"`);
const rules = loadNpRules(positionals[0]).filter((r) => (args.ruleset === 'all' || r.inDefault) && keepProvider(r) && (!ruleRe || ruleRe.test(r.id) || ruleRe.test(r.name)));
if (rules.length === 0) fail('no Nosey Parker rule matches the filters');

const dir = mkdtempSync(join(tmpdir(), 'np-examples-'));
try {
  const cases = writeExamples(dir, rules);
  const rows = tally(cases, scan(dir));
  if (args.json) {
    console.log(JSON.stringify(rows.map(({ missed, noisy, by, ...r }) => ({ ...r, by: [...by], missed: missed.map((c) => c.index), noisy: noisy.map((c) => ({ index: c.index, hits: c.hits })) })), null, 2));
  } else print(rows, args);
} finally {
  if (args.keep) console.error(`examples kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
