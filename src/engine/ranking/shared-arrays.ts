/**
 * Typed arrays on `SharedArrayBuffer`s: the columns are made on them, so the scan's worker
 * threads (scan-workers.ts) read the very memory the main thread loaded, and are handed it in a
 * message without a copy.
 */

type SharedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Float64Array;
type SharedArrayType<T extends SharedArray> = new (buffer: SharedArrayBuffer) => T;

/** A zeroed array of a type and length, on shared memory. */
export function sharedArray<T extends SharedArray>(
  type: SharedArrayType<T> & { BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}

/** The array itself when it is on shared memory already, else a copy on shared memory. */
export function shared<T extends SharedArray>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new (array.constructor as SharedArrayType<T>)(
    new SharedArrayBuffer(array.byteLength),
  );
  copy.set(array);
  return copy;
}
