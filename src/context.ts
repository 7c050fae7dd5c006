import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import { Loaders } from './shared/loaders';

/** What every resolver gets: this request's EntityManager fork, loaders and clock. */
export interface Context {
  readonly em: EntityManager;
  readonly knex: Knex;
  readonly loaders: Loaders;
  /** The request's "today" (ISO date), so one request sees one date. */
  readonly today: string;
}

/** A fresh context per request: a new identity map and new loaders, never shared. */
export function createContext(orm: MikroORM): Context {
  const em = orm.em.fork();
  return {
    em,
    knex: em.getKnex(),
    loaders: new Loaders(em),
    today: new Date().toISOString().slice(0, 10),
  };
}
