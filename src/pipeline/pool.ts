import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { SecretRule } from '../secrets/rules.js';
import { sortFindings } from './detect.js';
import type { ScanResult } from '../model/report.js';
import { byPath, newStats } from '../model/unit.js';

/**
 * Tree scans fan out over worker threads: each worker reads and scans batches of files and
 * returns findings that are already redacted. Results are merged and sorted, so any number of
 * workers gives the same report as one.
 */
let workerScript: URL | undefined;

/** Called by the bundled entry points (dist/cli.js, dist/index.js), which double as the worker. */
export function enableWorkers(script: URL): void {
  workerScript = script;
}

export function defaultWorkerCount(): number {
  return workerScript ? Math.max(1, Math.min(8, availableParallelism())) : 1;
}

export interface TreeJob {
  root: string;
  paths: readonly string[];
  maxFileSize: number;
  rules: readonly SecretRule[];
  guarded: readonly string[];
}

/** Marks the worker's data so an entry point can tell it was started as a scan worker. */
export const WORKER_TAG = 'moltguard-scan-worker';

export interface WorkerInit extends Omit<TreeJob, 'paths'> {
  tag: typeof WORKER_TAG;
  allPaths: readonly string[];
}

export interface BatchResult {
  result: Omit<ScanResult, 'scanned' | 'range'>;
  warnings: string[];
}

const BATCH = 48;

export async function scanTreeInWorkers(job: TreeJob, workers: number): Promise<{ result: ScanResult; warnings: string[] }> {
  if (!workerScript) throw new Error('worker threads are only available from the bundled CLI or action');
  const started = Date.now();
  const batches: string[][] = [];
  for (let i = 0; i < job.paths.length; i += BATCH) batches.push(job.paths.slice(i, i + BATCH));
  const init: WorkerInit = { tag: WORKER_TAG, root: job.root, allPaths: job.paths, maxFileSize: job.maxFileSize, rules: job.rules, guarded: job.guarded };
  const merged: BatchResult[] = [];
  let next = 0;
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      // V8 sizes a worker's young generation for the machine's memory (tens of MB on 24 GiB);
      // 8 MB kept the npm-corpus scan as fast and its peak RSS ~60 MB lower (220 against 280).
      const worker = new Worker(workerScript!, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      const feed = () => {
        if (next < batches.length) worker.postMessage(batches[next++]);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (msg: BatchResult | { error: string }) => {
        if ('error' in msg) {
          void worker.terminate();
          reject(new Error(msg.error));
          return;
        }
        merged.push(msg);
        feed();
      });
      worker.on('error', reject);
      worker.on('online', feed);
    });
  await Promise.all(Array.from({ length: Math.min(workers, Math.max(1, batches.length)) }, runOne));
  const stats = newStats();
  const findings = merged.flatMap((m) => m.result.findings);
  for (const m of merged) {
    stats.files += m.result.stats.files;
    stats.bytes += m.result.stats.bytes;
    stats.skipped.push(...m.result.stats.skipped);
  }
  stats.skipped.sort(byPath);
  return {
    result: {
      findings: sortFindings(findings),
      suppressed: merged.flatMap((m) => m.result.suppressed).sort((a, b) => (a.finding.path < b.finding.path ? -1 : a.finding.path > b.finding.path ? 1 : a.finding.line - b.finding.line)),
      stats: { ...stats, durationMs: Date.now() - started },
      scanned: `working tree (${stats.files} files, ${workers} workers)`,
    },
    warnings: [...new Set(merged.flatMap((m) => m.warnings))],
  };
}
