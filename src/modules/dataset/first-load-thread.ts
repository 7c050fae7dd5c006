import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  CatalogueRefs,
  CopyChunk,
  FirstLoadSink,
  ReadResult,
  ValidCatalogue,
} from '../../records/first-load';
import type { KnownKeys } from '../../records/known-keys';
import { DocumentFileError } from './document-file';

/** What the reading thread is given. */
export interface ThreadStart {
  file: string;
  known: KnownKeys;
  today: string;
  chunkSize?: number;
}

/** What the reading thread says: each `catalogue` and `rows` waits for its answer. */
export type ThreadMessage =
  | { kind: 'progress'; bytes: number; total: number }
  | { kind: 'catalogue'; data: ValidCatalogue; valid: boolean }
  | { kind: 'rows'; copies: CopyChunk[] }
  | { kind: 'end'; result: ReadResult }
  | { kind: 'error'; message: string; fileError: boolean };

/**
 * A first load's file read in a thread of its own, its catalogue and rows handed to `sink` (the
 * writer, on this thread): the file is scanned, parsed, validated and made into COPY text there,
 * and this thread only sends the rows. The reading is the load's critical path either way (at a
 * million employees, 99 s of 137, a third of it collecting garbage); what this split gives is a
 * writer with nothing else to do. A fault of the file comes back as the reader's
 * `DocumentFileError`.
 */
export async function readInThread(
  start: ThreadStart,
  sink: FirstLoadSink,
  onProgress: (bytesRead: number, bytesTotal: number) => void = () => undefined,
): Promise<ReadResult> {
  const worker = newWorker(start);
  try {
    return await new Promise<ReadResult>((resolve, reject) => {
      const answer = async (message: ThreadMessage) => {
        switch (message.kind) {
          case 'progress':
            return onProgress(message.bytes, message.total);
          case 'catalogue': {
            const refs: CatalogueRefs = await sink.catalogue(message.data, message.valid);
            return worker.postMessage(refs);
          }
          case 'rows':
            await sink.rows(message.copies);
            return worker.postMessage(null);
          case 'end':
            return resolve(message.result);
          case 'error':
            return reject(
              message.fileError
                ? new DocumentFileError(message.message)
                : new Error(message.message),
            );
        }
      };
      worker.on('message', (message: ThreadMessage) => void answer(message).catch(reject));
      worker.on('error', reject);
      worker.on('exit', (code) =>
        reject(new Error(`The thread reading ${start.file} stopped (exit code ${code}).`)),
      );
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * The reading thread, from its compiled file beside this one; under tsx (the CLI, the tests),
 * from its source through tsx's loader.
 */
function newWorker(start: ThreadStart): Worker {
  const file = path.join(__dirname, `first-load-worker${path.extname(__filename)}`);
  return path.extname(file) === '.ts'
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, {
        eval: true,
        workerData: start,
      })
    : new Worker(file, { workerData: start });
}
