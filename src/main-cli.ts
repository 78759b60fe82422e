#!/usr/bin/env node
import { main } from './cli.js';
import { endQuietlyOnClosedPipe } from './cli-stdout.js';
import { tuneHeapForStreaming } from './pipeline/heap-tuning.js';
import { enableWorkers } from './pipeline/pool.js';
import { isScanWorker, serveScanBatches } from './pipeline/worker.js';

// Entry of dist/cli.js: the only place that touches process for the CLI. The same file runs
// the scan workers, so the bundle needs no second entry point.
if (isScanWorker()) serveScanBatches();
else runCli();

function runCli(): void {
  tuneHeapForStreaming();
  enableWorkers(new URL(import.meta.url));
  endQuietlyOnClosedPipe(process.stdout, (s) => process.stderr.write(s));
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY && !process.env.NO_COLOR,
    today: new Date().toISOString().slice(0, 10),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
