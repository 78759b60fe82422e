import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { scan, type FailOn, type Mode } from './run.js';
import { toSarif } from './report/sarif.js';
import { toJson } from './report/json.js';
import { summaryLine } from './report/text.js';
import { UsageError } from './errors.js';

/**
 * The action's edge: inputs -> scan -> annotations, SARIF, outputs -> verdict. The verdict
 * depends only on the scan.
 */
export async function runAction(): Promise<void> {
  try {
    const path = core.getInput('path') || '.';
    const mode = (core.getInput('mode') || 'tree') as Mode | 'auto';
    const report = await scan({
      path,
      mode: mode === 'auto' ? 'tree' : mode,
      configFile: core.getInput('config') || undefined,
      baselineFile: core.getInput('baseline') || undefined,
      failOn: (core.getInput('fail-on') || undefined) as FailOn | undefined,
      today: new Date().toISOString().slice(0, 10),
    });
    const sarifFile = core.getInput('sarif-file') || 'moltguard.sarif';
    writeFileSync(sarifFile, toSarif(report));
    writeFileSync('moltguard-report.json', toJson(report));
    for (const f of report.findings) {
      const props = { file: f.path, startLine: f.line, startColumn: f.column, title: `moltguard ${f.severity}: ${f.ruleId}` };
      const text = `${f.message} Fix: ${f.remediation}`;
      if (f.severity === 'critical' || f.severity === 'high') core.error(text, props);
      else if (f.severity === 'medium') core.warning(text, props);
      else core.notice(text, props);
    }
    core.info(summaryLine(report));
    core.setOutput('findings', report.findings.length);
    core.setOutput('blocking', report.blocking);
    core.setOutput('sarif-file', sarifFile);
    core.setOutput('report-file', 'moltguard-report.json');
    if (report.blocking > 0) core.setFailed(`moltguard: ${report.blocking} blocking findings (fail-on: ${report.failOn})`);
  } catch (e) {
    core.setFailed(`moltguard: ${e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}`}`);
  }
}
