/**
 * The fuzz test's child process (bundled by the test, run with node): scans each case folder
 * under argv[2] in turn and prints one JSON line before and one after each, with every output
 * format of the report, so the parent can enforce a time budget per case and kill a hang.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../../../src/pipeline/scan.js';
import { toJson } from '../../../src/report/json.js';
import { toSarif } from '../../../src/report/sarif.js';
import { toText } from '../../../src/report/text.js';
import { toWorkflowCommands } from '../../../src/report/workflow.js';
import { renderSummary } from '../../../src/report/github/summary.js';
import { UsageError } from '../../../src/model/errors.js';

const root = process.argv[2];
const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

for (const name of readdirSync(root).sort()) {
  say({ start: name });
  const started = Date.now();
  try {
    const report = await scan({ path: join(root, name), mode: 'tree', today: '2026-11-25', failOn: 'none', workers: 1 });
    const outputs = [toJson(report), toSarif(report), toText(report, true), toText(report, false), toWorkflowCommands(report), renderSummary(report, { target: 'fuzz', notes: [] })];
    JSON.parse(outputs[0]);
    JSON.parse(outputs[1]);
    say({ done: name, ms: Date.now() - started, outputs });
  } catch (e) {
    // A bad input is a one-line usage error (exit 2), never a crash.
    say(e instanceof UsageError ? { done: name, ms: Date.now() - started, outputs: [e.message] } : { crash: name, message: String((e as Error)?.stack ?? e) });
  }
}
