import { parentPort, workerData, isMainThread } from 'node:worker_threads';
import { CONFIG_CHECKS } from '../configs/index.js';
import { SecretEngine } from '../secrets/engine.js';
import { runScan } from '../scan.js';
import { fileSource } from '../sources/tree.js';
import { commitsSource } from '../sources/history.js';
import { pathFilter } from '../policy/apply.js';
import { WORKER_TAG, type BatchResult, type WorkerInit } from './pool.js';

/** True when this thread was started by the pool; the entry point then serves batches. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as WorkerInit | undefined)?.tag === WORKER_TAG;
}

/** The worker loop: a batch of paths in, findings (already redacted) out; or one share of a history. */
export function serveScanBatches(): void {
  const init = workerData as WorkerInit;
  const engine = new SecretEngine(init.rules, { guarded: new Set(init.guarded) });
  if (init.history) {
    const { range, commits, ignore, only } = init.history;
    const include = pathFilter({ ignore: [...ignore], only: [...only] });
    runScan(commitsSource(init.root, range, commits, include), { secrets: engine, configs: [] }).then(
      ({ findings, suppressed, stats }) => parentPort!.postMessage({ result: { findings, suppressed, stats }, warnings: engine.warnings } satisfies BatchResult),
      (e: Error) => parentPort!.postMessage({ error: e.message }),
    );
    return;
  }
  parentPort!.on('message', (paths: string[]) => {
    const source = fileSource(init.root, paths, init.maxFileSize, init.allPaths);
    runScan(source, { secrets: engine, configs: CONFIG_CHECKS }).then(
      ({ findings, suppressed, stats }) => {
        const out: BatchResult = { result: { findings, suppressed, stats }, warnings: engine.warnings };
        parentPort!.postMessage(out);
      },
      (e: Error) => parentPort!.postMessage({ error: e.message }),
    );
  });
}
