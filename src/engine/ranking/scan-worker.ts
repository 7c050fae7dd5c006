import { parentPort } from 'node:worker_threads';
import { scanSlots } from './column-scan';
import type { ScanRequest } from './scan-workers';

/**
 * A worker thread of the column scan (scan-workers.ts): scans the range of slots each request
 * names into the shared keys, and says when it is done. It holds nothing between requests:
 * each names the columns it reads (shared memory, handed over without a copy).
 */
parentPort!.on(
  'message',
  ({ id, columns, position, policy, barred, from, to, keys }: ScanRequest) => {
    try {
      scanSlots(columns, position, policy, barred, from, to, keys);
      parentPort!.postMessage({ id });
    } catch (error) {
      parentPort!.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  },
);
