import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from '@mikro-orm/knex';

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();
const watched = new WeakSet<object>();

/** Counts every SQL statement that `knex` sends, against the request it runs for. */
export function watchStatements(knex: Knex): void {
  if (watched.has(knex)) return;
  watched.add(knex);
  knex.on('query', () => {
    const counter = storage.getStore();
    if (counter) counter.statements++;
  });
}

/** Runs `work` with a fresh statement counter. */
export function withStatementCounter<T>(work: () => Promise<T>): Promise<T> {
  return storage.run({ statements: 0 }, work);
}

/** Statements sent so far in the current counter's scope (undefined outside one). */
export function statementCount(): number | undefined {
  return storage.getStore()?.statements;
}
