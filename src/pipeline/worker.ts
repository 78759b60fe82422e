import { parentPort, workerData, isMainThread } from 'node:worker_threads';
import { CONFIG_CHECKS, keepsBinary } from '../configs/index.js';
import { SecretEngine } from '../secrets/engine.js';
import { contextOf, detectSource } from './detect.js';
import { fileSource } from '../sources/tree.js';
import { WORKER_TAG, type BatchResult, type WorkerInit } from './pool.js';

/** True when this thread was started by the pool; the entry point then serves batches. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as WorkerInit | undefined)?.tag === WORKER_TAG;
}

/** The worker loop: a batch of paths in, findings (already redacted) out. */
export function serveScanBatches(): void {
  const init = workerData as WorkerInit;
  const engine = new SecretEngine(init.rules, { guarded: new Set(init.guarded) });
  // One context for the worker's life, not one per batch: checks index the whole tree once on it.
  const limits = { maxFileSize: init.maxFileSize, keepBinary: keepsBinary(CONFIG_CHECKS) };
  const ctx = contextOf(fileSource(init.root, [], limits, init.allPaths));
  parentPort!.on('message', (paths: string[]) => {
    const source = fileSource(init.root, paths, limits, init.allPaths);
    detectSource(source, { secrets: engine, configs: CONFIG_CHECKS }, ctx).then(
      ({ findings, suppressed, stats }) => {
        const out: BatchResult = { result: { findings, suppressed, stats }, warnings: engine.warnings };
        parentPort!.postMessage(out);
      },
      (e: Error) => parentPort!.postMessage({ error: e.message }),
    );
  });
}
