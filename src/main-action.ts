import { runAction } from './action.js';
import { tuneHeapForStreaming } from './pipeline/heap-tuning.js';
import { enableWorkers } from './pipeline/pool.js';
import { isScanWorker, serveScanBatches } from './pipeline/worker.js';

// Entry of dist/index.js, the file action.yml runs. Like the CLI's, it doubles as the scan
// worker for tree scans (scheduled runs of a whole repository).
if (isScanWorker()) serveScanBatches();
else {
  tuneHeapForStreaming();
  enableWorkers(new URL(import.meta.url));
  void runAction();
}
