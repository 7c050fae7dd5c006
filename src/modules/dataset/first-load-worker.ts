import { parentPort, workerData } from 'node:worker_threads';
import { FirstLoadReader, type CatalogueRefs, type FirstLoadSink } from '../../records/first-load';
import { DocumentFileError, readDocumentRecords } from './document-file';
import type { ThreadMessage, ThreadStart } from './first-load-thread';

/**
 * The thread that reads a first load's file (`first-load-thread.ts`): the records scanned and
 * parsed, validated, and made into COPY text, handed to the importing thread chunk by chunk.
 * Each message waits for its answer (the catalogue's ids; a chunk taken), so the reader is never
 * more than a chunk ahead of the writer.
 */
const port = parentPort!;
const { file, known, today, chunkSize } = workerData as ThreadStart;

let answer: ((value: unknown) => void) | null = null;
port.on('message', (value: unknown) => {
  const waiting = answer;
  answer = null;
  waiting?.(value);
});
const send = (message: ThreadMessage) => port.postMessage(message);
const ask = (message: ThreadMessage) =>
  new Promise<unknown>((resolve) => {
    answer = resolve;
    send(message);
  });

const sink: FirstLoadSink = {
  catalogue: async (data, valid) =>
    (await ask({ kind: 'catalogue', data, valid })) as CatalogueRefs,
  rows: async (copies) => void (await ask({ kind: 'rows', copies })),
};

async function read(): Promise<void> {
  const reader = new FirstLoadReader(known, today, sink, chunkSize);
  const records = readDocumentRecords(file, (bytes, total) =>
    send({ kind: 'progress', bytes, total }),
  );
  for await (const batch of records) await reader.take(batch);
  send({ kind: 'end', result: await reader.finish() });
}

read().catch((error: unknown) =>
  send({
    kind: 'error',
    message: error instanceof Error ? error.message : String(error),
    fileError: error instanceof DocumentFileError,
  }),
);
