/** Items grouped by a key, each group in the items' order (one pass, no list copied). */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * `Promise.all`, with the failure it answers chosen by position rather than by time: all run
 * at once (so their loaders batch), and when several fail, the first in the list is the one
 * reported. An unknown NIP and an unknown position code are then always reported as the NIP.
 */
export async function allInOrder<T extends readonly unknown[]>(
  promises: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(promises as readonly Promise<unknown>[]);
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
  return settled.map((o) => (o as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
