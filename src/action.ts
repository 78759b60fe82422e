import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { prepare, scan } from './pipeline/scan.js';
import type { Report } from './model/report.js';
import { ruleCatalog } from './pipeline/catalog.js';
import { newStats } from './model/unit.js';
import { toSarif } from './report/sarif.js';
import { toJson } from './report/json.js';
import { summaryLine } from './report/text.js';
import { annotate } from './report/github/annotations.js';
import { renderSummary, writeSummary } from './report/github/summary.js';
import { planReview, type ReviewPlan } from './report/github/review-plan.js';
import { syncReview } from './report/github/review.js';
import { UsageError } from './model/errors.js';
import { effectiveFailOn } from './model/options.js';
import { readSettings, type Settings } from './action/inputs.js';
import { readRunner, type Runner } from './action/context.js';
import { planTarget } from './action/event.js';
import { resolveTarget, type ResolvedTarget } from './action/target.js';
import { repoPathPrefix, withRepoPaths } from './action/repo-paths.js';
import { addedLines } from './action/added-lines.js';
import { describeApiError, githubClient } from './action/octokit.js';

/**
 * The action's edge: inputs and event -> scan -> SARIF and JSON files and outputs ->
 * annotations -> job summary -> pull request review -> verdict. The verdict depends only on
 * the scan: every GitHub API problem ends as one warning line.
 */
export async function runAction(): Promise<void> {
  try {
    const settings = readSettings((name) => core.getInput(name));
    if (settings.token) core.setSecret(settings.token);
    const runner = readRunner(process.env, process.cwd());
    const target = planTarget(runner.eventName, runner.payload, settings.mode);
    core.info(`moltguard: ${target.why}`);
    const root = resolve(runner.workspace, settings.path);
    const resolved = await resolveTarget(root, target, (line) => core.info(line));
    const prefix = await repoPathPrefix(root, runner.workspace);
    const report = withRepoPaths(resolved.scan ? await scanTarget(root, runner.workspace, settings, resolved.scan) : emptyReport(root, runner.workspace, settings, resolved.why), prefix);
    core.info(summaryLine(report));

    const sarifFile = resolve(runner.workspace, settings.sarifFile);
    const reportFile = join(dirname(sarifFile), 'moltguard-report.json');
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, toSarif(report));
    writeFileSync(reportFile, toJson(report));
    core.info(`moltguard: wrote ${sarifFile} and ${reportFile}`);
    // Set before anything touches the API, so a later step (upload-sarif) always finds them.
    core.setOutput('findings', report.findings.length);
    core.setOutput('blocking', report.blocking);
    core.setOutput('sarif-file', sarifFile);
    core.setOutput('report-file', reportFile);

    const verdict = report.blocking > 0 ? `moltguard: ${report.blocking} blocking finding${report.blocking === 1 ? '' : 's'} (fail-on: ${report.failOn})` : undefined;
    // The verdict is the first annotation, so GitHub's 10-error limit can never hide it.
    if (settings.annotations) annotate(report.findings, verdict, `the job summary and the SARIF report (${settings.sarifFile})`);
    // The review plan needs the pull request's own diff; without a summary or a review there is nothing to plan.
    const wanted = settings.summary || settings.prReview;
    const plan = wanted && resolved.pullRequest && resolved.commits ? planReview(report.findings, await addedLines(root, resolved.commits.base, resolved.commits.head)) : undefined;
    if (settings.summary) await writeSummary(renderSummary(report, summaryContext(runner, resolved, plan, settings.prReview && !!settings.token)));
    if (settings.prReview && plan) await review(settings, runner, resolved, report, plan);
    if (verdict && settings.annotations) {
      // Already annotated first; a second ::error:: would only repeat it past the limit.
      core.info(verdict);
      process.exitCode = core.ExitCode.Failure;
    } else if (verdict) core.setFailed(verdict);
  } catch (e) {
    // One line, never a stack trace: a trace could quote a scanned file.
    const message = e instanceof UsageError ? e.message : `internal error: ${(e as Error).message?.split('\n')[0] ?? String(e)}`;
    core.setFailed(`moltguard: ${message}`);
  }
}

function scanTarget(root: string, workspace: string, settings: Settings, what: NonNullable<ResolvedTarget['scan']>): Promise<Report> {
  const inWorkspace = (p: string | undefined) => (p ? resolve(workspace, p) : undefined);
  return scan({
    path: root,
    ...what,
    configFile: inWorkspace(settings.config),
    baselineFile: inWorkspace(settings.baseline),
    failOn: settings.failOn,
    today: new Date().toISOString().slice(0, 10),
  });
}

/** Nothing to scan still produces every file and output, so later steps (upload-sarif) work. */
function emptyReport(root: string, workspace: string, settings: Settings, why: string): Report {
  const prepared = prepare(root, settings.config ? resolve(workspace, settings.config) : undefined);
  return {
    findings: [],
    suppressed: [],
    notices: [],
    stats: { ...newStats(), durationMs: 0 },
    scanned: `nothing (${why})`,
    mode: 'diff',
    failOn: effectiveFailOn(settings.failOn, prepared.config['fail-on']),
    blocking: 0,
    rules: ruleCatalog(prepared.rules),
  };
}

function summaryContext(runner: Runner, resolved: ResolvedTarget, plan: ReviewPlan | undefined, reviewing: boolean) {
  const notes: string[] = [];
  // Only when the review is on: otherwise no comment was written and the note would say there was.
  const commented = plan?.comments.reduce((n, c) => n + c.findings.length, 0) ?? 0;
  if (reviewing && plan && commented + plan.elsewhere.length > 0) {
    const inline = `${commented} finding${commented === 1 ? ' is' : 's are'} on lines this pull request adds (review comments)`;
    const elsewhere = plan.elsewhere.length ? `; ${plan.elsewhere.length} outside them or only in an earlier commit (listed here only)` : '';
    notes.push(`Pull request review: ${inline}${elsewhere}.`);
  }
  return {
    repoUrl: runner.owner && runner.repo ? `${runner.serverUrl}/${runner.owner}/${runner.repo}` : undefined,
    headSha: resolved.commits?.head ?? runner.sha,
    target: resolved.why,
    notes,
  };
}

async function review(settings: Settings, runner: Runner, resolved: ResolvedTarget, report: Report, plan: ReviewPlan): Promise<void> {
  const pr = resolved.pullRequest!;
  if (!settings.token) return core.info('moltguard: no github-token, so no pull request review (annotations and the summary still show every finding)');
  if (!runner.owner || !runner.repo) return core.warning('moltguard: GITHUB_REPOSITORY is not set, so no pull request review');
  const target = { owner: runner.owner, repo: runner.repo, pullNumber: pr.number, headSha: pr.headSha, runUrl: runner.runUrl };
  try {
    const octokit = githubClient(settings.token, runner.apiUrl);
    const outcome = await syncReview(octokit, target, plan, { findings: report.findings.length, blocking: report.blocking, failOn: report.failOn });
    core.info(
      `moltguard: pull request review: ${outcome.posted} new inline comment(s)${outcome.reviewId ? ` in review ${outcome.reviewId}` : ''}, ` +
        `${outcome.kept} unchanged, ${outcome.updated} updated`,
    );
    if (outcome.inlineRefused) core.warning(`moltguard: GitHub refused the inline comments (${outcome.inlineRefused}); they are listed in the review body instead`);
  } catch (e) {
    const err = describeApiError(e);
    const why =
      err.status === 403 || err.status === 404
        ? 'the token cannot write reviews here (a forked pull request gets a read-only token; see pull_request_target in the docs, or grant pull-requests: write)'
        : 'the GitHub API kept failing after retries';
    core.warning(`moltguard: pull request review skipped (${err.text}): ${why}. Annotations and the job summary show every finding; the verdict stands.`);
  }
}
