import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { JSONParser } from '@streamparser/json';

/** Why a dataset file could not be read as a document (the file's fault, not the system's). */
export class DocumentFileError extends Error {}

/** The document is larger than its reader allows. */
export class DocumentTooLargeError extends DocumentFileError {}

/**
 * A dataset document read from a JSON file as a stream: the file is never one string (a
 * national file is well over the largest string a JavaScript engine holds), and each section
 * is built as its bytes arrive. `onProgress` hears the bytes read so far and the file's size.
 */
export async function readDocumentFile(
  file: string,
  onProgress: (bytesRead: number, bytesTotal: number) => void = () => undefined,
): Promise<Record<string, unknown>> {
  const size = await stat(file).then(
    (s) => s.size,
    (error: NodeJS.ErrnoException) => {
      throw new DocumentFileError(
        `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      );
    },
  );
  return readDocumentStream(createReadStream(file) as AsyncIterable<Buffer>, file, (read) =>
    onProgress(read, size),
  );
}

/**
 * A dataset document read from a stream of bytes (a file, a request body) as it arrives; the
 * stream ends early with an error past `maxBytes`. `name` says what is read, in errors.
 */
export async function readDocumentStream(
  stream: AsyncIterable<Buffer>,
  name: string,
  onChunk: (bytesRead: number) => void = () => undefined,
  maxBytes = Infinity,
): Promise<Record<string, unknown>> {
  const document: Record<string, unknown> = {};
  // Each top-level member whole (sections are lists of records); nothing above it is kept.
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  parser.onValue = ({ value, key }) => {
    document[String(key)] = value;
  };
  let read = 0;
  let first = true;
  try {
    for await (const chunk of stream) {
      if (first) {
        const start = chunk
          .toString('utf8', 0, 64)
          .replace(/^\uFEFF/, '')
          .trimStart();
        if (start.length > 0 && !start.startsWith('{'))
          throw new DocumentFileError(`${name} is not a dataset: it must be one JSON object.`);
        first = false;
      }
      read += chunk.length;
      if (read > maxBytes)
        throw new DocumentTooLargeError(`${name} is larger than ${maxBytes} bytes.`);
      // A byte-order mark (some editors write one) is not part of the JSON.
      const bom =
        read === chunk.length && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      parser.write(bom ? chunk.subarray(3) : chunk);
      onChunk(read);
    }
    if (!parser.isEnded) parser.end();
  } catch (error) {
    if (error instanceof DocumentFileError) throw error;
    throw new DocumentFileError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  return document;
}

/** "45% (120 of 260 MB), about 12 s left": how far a long job is, and how long it still takes. */
export function progressText(
  done: number,
  total: number,
  startedAt: number,
  unit: { name: string; divisor: number } = { name: '', divisor: 1 },
  now = Date.now(),
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const shown = (n: number) => Math.round(n / unit.divisor).toLocaleString('en');
  const amount = `${shown(done)} of ${shown(total)}${unit.name ? ` ${unit.name}` : ''}`;
  const elapsed = (now - startedAt) / 1000;
  let left = '';
  if (fraction > 0 && fraction < 1 && elapsed >= 1) {
    const seconds = Math.round((elapsed / fraction) * (1 - fraction));
    left = `, about ${seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`} left`;
  }
  return `${Math.floor(fraction * 100)}% (${amount})${left}`;
}
