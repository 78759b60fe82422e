import { relative, resolve, sep } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { atOrAbove } from '../model/finding.js';
import { DEFAULT_MAX_FILE_SIZE, effectiveFailOn } from '../model/options.js';
import type { Report, ScanOptions, ScanResult } from '../model/report.js';
import { byPath, type ReadLimits, type Source } from '../model/unit.js';
import { UsageError } from '../model/errors.js';
import { CONFIG_CHECKS, keepsBinary } from '../configs/index.js';
import { SecretEngine } from '../secrets/engine.js';
import { loadBuiltinRules } from '../secrets/builtin.js';
import { samplePath } from '../secrets/credential-files.js';
import { mergeRuleSets, regexProblem, type SecretRule } from '../secrets/rules.js';
import { CONFIG_FILE, loadConfig, type Config } from '../policy/config.js';
import { applyPolicy, pathFilter } from '../policy/apply.js';
import { applyBaseline, loadBaseline } from '../policy/baseline.js';
import { customRuleNotices } from '../policy/custom.js';
import { publishHashes } from '../policy/public-hash.js';
import { fileSource, listTree } from '../sources/tree.js';
import { describeIgnored, gitIgnoredFiles } from '../sources/ignored.js';
import { isWorkTree } from '../sources/git.js';
import { diffSource } from '../sources/diff.js';
import { describeHistory, historyCommands, resolveHistory } from '../sources/history/range.js';
import { detectSource, sortFindings } from './detect.js';
import { scanHistory } from './history.js';
import { defaultWorkerCount, scanTreeInWorkers } from './pool.js';
import { ruleCatalog } from './catalog.js';
import { quoteName } from '../model/user-text.js';

const PARALLEL_FROM_FILES = 5000;

export interface Prepared {
  config: Config;
  configFile?: string;
  rules: SecretRule[];
}

/** Config and rules, validated together so every problem is reported in one go. */
export function prepare(root: string, configFile?: string): Prepared {
  const { config, file } = loadConfig(root, configFile);
  const name = file ?? CONFIG_FILE;
  const builtin = loadBuiltinRules();
  const custom = config['custom-rules'];
  const customProblems = custom.flatMap((r) => {
    const problem = regexProblem(r);
    return problem ? [`${name}: custom-rules.${r.id}.${problem}`] : [];
  });
  if (customProblems.length) throw new UsageError(customProblems.join('\n'));
  const merged = mergeRuleSets([builtin, { rules: custom, problems: [] }]);
  const problems = merged.problems.map((p) => (p.startsWith('rule ') ? `${name}: custom-rules: ${p}` : p));
  problems.push(...checkCustomSamples(config['custom-rules'], name));
  const known = new Set(ruleCatalog(merged.rules).map((r) => r.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) problems.push(`${name}: rules.${quoteName(id)}: unknown rule id (see \`moltguard rules\`)`);
  }
  config.allow.forEach((entry, i) => {
    if (entry.rule && !known.has(entry.rule)) problems.push(`${name}: allow.${i}.rule: unknown rule id "${quoteName(entry.rule)}"`);
  });
  if (problems.length) throw new UsageError(problems.join('\n'));
  return { config, configFile: file, rules: merged.rules };
}

/**
 * The last engine without custom rules, kept for the process: compiling the rules costs more
 * than scanning a small folder, and the action (and the fuzz test, 600 times) scans again with
 * the same rules. An engine with custom rules is never kept: their guards switch a rule off for
 * the rest of a scan, and that must not outlive it.
 */
let shared: { rules: readonly SecretRule[]; engine: SecretEngine } | undefined;

function engineFor(rules: readonly SecretRule[], guarded: ReadonlySet<string>): SecretEngine {
  if (guarded.size) return new SecretEngine(rules, { guarded: new Set(guarded) });
  if (shared && shared.rules.length === rules.length && shared.rules.every((r, i) => r === rules[i])) return shared.engine;
  shared = { rules: [...rules], engine: new SecretEngine(rules) };
  return shared.engine;
}

/** A custom rule proves itself like a built-in one: its positives match, its negatives do not. */
function checkCustomSamples(rules: readonly SecretRule[], file: string): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    const engine = new SecretEngine([rule], { guarded: new Set([rule.id]) });
    const where = samplePath(rule, 'its samples');
    rule.samples.positive.forEach((sample, i) => {
      if (!engine.scan(sample, where).length) problems.push(`${file}: custom-rules.${rule.id}.samples.positive.${i}: not matched by the rule`);
    });
    rule.samples.negative.forEach((sample, i) => {
      if (engine.scan(sample, where).length) problems.push(`${file}: custom-rules.${rule.id}.samples.negative.${i}: matched by the rule`);
    });
  }
  return problems;
}

export async function scan(opts: ScanOptions): Promise<Report> {
  const root = resolve(opts.path);
  if (!existsSync(root)) throw new UsageError(`${opts.path}: no such file or directory`);
  if (!statSync(root).isDirectory()) throw new UsageError(`${opts.path}: not a directory (scan takes a folder)`);
  const prepared = prepare(root, opts.configFile);
  const { config } = prepared;
  const customIds = new Set(config['custom-rules'].map((r) => r.id));
  // Built on first use: a tree scan on workers compiles the rules there, not here too.
  let compiled: SecretEngine | undefined;
  const engine = () => (compiled ??= engineFor(prepared.rules, customIds));
  const everyCommit = opts.mode === 'diff' && opts.secretsInEveryCommit;
  const engineWarnings: string[] = [];
  const sourceNotices: string[] = [];
  const detectors = () => ({ secrets: engine(), configs: CONFIG_CHECKS });
  const limits = readLimits(config);
  let raw: ScanResult;
  if (opts.mode === 'tree') {
    const [{ paths: listed, skipped }, ignored] = await Promise.all([
      listTree({ root, include: () => true, includeIgnored: opts.includeIgnored }),
      !opts.includeIgnored && (await isWorkTree(root)) ? gitIgnoredFiles(root) : undefined,
    ]);
    const paths = listed.filter(limits.include);
    // A folder whose every file git ignores, or the config excludes, would scan as "0 findings
    // (0 files)": a clean bill of health for files nobody read.
    if (ignored?.count && !listed.length) {
      throw new UsageError(`${opts.path}: nothing scanned: git ignores all ${ignored.count} files in it; pass --include-ignored to scan them`);
    }
    if (listed.length && !paths.length) {
      throw new UsageError(`${opts.path}: nothing scanned: the ignore/only patterns of ${prepared.configFile ?? CONFIG_FILE} exclude all ${listed.length} files in it`);
    }
    if (ignored?.count) sourceNotices.push(describeIgnored(ignored));
    // Starting a worker costs ~150 ms (it loads the bundle and compiles the rules). Measured:
    // lodash, moment and @babel (2,385 files, 14 MB) one worker 0.43 s, two 0.56 s; the npm
    // corpus (10,170 files, 299 MB) one worker 3.9 s, two 2.6 s.
    const workers = opts.workers ?? (paths.length >= PARALLEL_FROM_FILES ? defaultWorkerCount() : 1);
    if (workers > 1) {
      const out = await scanTreeInWorkers({ root, paths, maxFileSize: limits.maxFileSize, rules: prepared.rules, guarded: [...customIds] }, workers);
      raw = out.result;
      engineWarnings.push(...out.warnings);
    } else {
      raw = await detectSource(fileSource(root, paths, limits), detectors());
    }
    const listedSkips = skipped.filter((s) => limits.include(s.path));
    if (listedSkips.length) raw.stats.skipped = [...raw.stats.skipped, ...listedSkips].sort(byPath);
  } else if (opts.mode === 'history') {
    raw = await historyScan(root, limits, engine(), opts);
  } else {
    raw = await detectSource(await changeSource(root, opts, limits), detectors());
  }
  if (everyCommit) {
    const secrets = await historyScan(root, limits, engine(), { ...opts, base: raw.range?.base, head: raw.range?.head, workers: 1 });
    // A secret still in the head is already reported at its head line (where a review can
    // comment); the history adds the ones that were committed and then removed.
    const inHead = new Set(raw.findings.filter((f) => f.secretHash).map((f) => `${f.ruleId}\0${f.secretHash}`));
    const removed = secrets.findings.filter((f) => !inHead.has(`${f.ruleId}\0${f.secretHash}`));
    raw.findings = sortFindings([...raw.findings, ...removed]);
    raw.suppressed.push(...secrets.suppressed);
    raw.stats.commits = secrets.stats.commits;
    raw.stats.durationMs += secrets.stats.durationMs;
    raw.scanned = `${raw.scanned}; secrets in every commit of it (${secrets.stats.commits} commits)`;
  }
  // The config file holds the custom rules' own samples and allow entries' secret hashes
  // (`secret: <hash>`): neither is a leak. Provider keys pasted there are still reported.
  const configPath = prepared.configFile ? relative(root, resolve(prepared.configFile)).split(sep).join('/') : undefined;
  const ownRules = new Set([...customIds, ...prepared.rules.filter((r) => r.priority < 0).map((r) => r.id)]);
  const detected = raw.findings.filter((f) => !(f.path === configPath && ownRules.has(f.ruleId)) && config.rules[f.ruleId] !== 'off');
  // Only now, for what will be reported (or listed as suppressed), the slow published hashes.
  const published = await publishHashes([...detected, ...raw.suppressed.map((s) => s.finding)]);
  const inlineSuppressed = raw.suppressed.map((s, i) => ({ ...s, finding: published.findings[detected.length + i] }));
  const policy = applyPolicy(published.findings.slice(0, detected.length), config, opts.today, prepared.configFile ?? '.moltguard.yml');
  let findings = policy.findings;
  const suppressed = [...inlineSuppressed, ...policy.suppressed];
  const notices = [
    ...customRuleNotices(config['custom-rules'], prepared.configFile ?? '.moltguard.yml'),
    ...new Set([...engineWarnings, ...(compiled?.warnings ?? [])]),
    ...sourceNotices,
    ...policy.notices,
    ...published.notices,
  ];
  if (opts.baselineFile) {
    const result = applyBaseline(findings, loadBaseline(opts.baselineFile));
    findings = result.findings;
    suppressed.push(...result.suppressed);
    if (result.legacy) notices.push(`${opts.baselineFile}: ${result.legacy} baseline entries use v1 fingerprints (a fast hash of the secret, guessable offline): regenerate the baseline with \`moltguard baseline\`; v1 entries stop matching in the next release`);
    if (result.stale) notices.push(`${opts.baselineFile}: ${result.stale} baseline entries no longer match any finding (fixed?); regenerate the baseline to prune them`);
  }
  findings = sortFindings(findings);
  const failOn = effectiveFailOn(opts.failOn, config['fail-on']);
  return {
    findings,
    suppressed,
    notices,
    stats: raw.stats,
    scanned: raw.scanned,
    range: raw.range,
    mode: opts.mode,
    failOn,
    blocking: findings.filter((f) => atOrAbove(f.severity, failOn)).length,
    rules: ruleCatalog(prepared.rules),
  };
}

/**
 * History reads git with several processes at once (see pipeline/history.ts); --workers sets how
 * many `git cat-file` readers inflate blobs. One per two cores by default: on two cores a
 * second reader only competed with the scan for them (17 s against 13 s on the edit history).
 * Findings are the same for any number.
 */
async function historyScan(root: string, limits: ReadLimits, engine: SecretEngine, opts: Pick<ScanOptions, 'base' | 'head' | 'workers'>): Promise<ScanResult> {
  const range = await resolveHistory({ root, base: opts.base, head: opts.head });
  return scanHistory({
    root,
    commands: await historyCommands(root, range),
    include: limits.include,
    maxFileSize: limits.maxFileSize,
    detectors: { secrets: engine, configs: [] },
    concurrency: opts.workers ?? Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2))),
    describe: (commits) => describeHistory(range, commits),
    range: range.spec ? { base: range.base, head: range.head } : undefined,
  });
}

/** The source of a diff or staged scan (tree and history scans are set up above). */
function changeSource(root: string, opts: ScanOptions, limits: ReadLimits): Promise<Source> {
  return opts.mode === 'staged' ? diffSource({ root, ...limits, staged: true }) : diffSource({ root, ...limits, base: opts.base, head: opts.head });
}

/** The config's path filter and size limit, and the binary files the checks want: resolved once per scan. */
function readLimits(config: Config): ReadLimits {
  return { include: pathFilter(config), maxFileSize: config['max-file-size'] ?? DEFAULT_MAX_FILE_SIZE, keepBinary: keepsBinary(CONFIG_CHECKS) };
}
