import type { Knex } from '@mikro-orm/knex';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Access } from '../auth/access';
import type { Viewer } from '../auth/auth.types';
import { leanReaderOf, type LeanReader } from '../db/lean';
import type { Lsn } from '../db/lsn';
import { Loaders, type Companion, type Guard } from '../db/loaders';
import { DEFAULT_MIN_GROUP_SIZE } from '../../domain/groups';
import { SetSizes } from './set-sizes';
import { WorkMeter } from '../../shared/work-meter';
import { DEFAULT_LANGUAGE, type Language } from '../../domain/language';

/** What every resolver gets: this request's EntityManager fork, loaders, viewer and clock. */
export interface Context {
  readonly em: EntityManager;
  readonly knex: Knex;
  readonly loaders: Loaders;
  readonly access: Access;
  /** The request's "today" (ISO date), so one request sees one date. */
  readonly today: string;
  /** How long a write waits for another write of the same record, or an import (ms). */
  readonly writeWaitMs: number;
  /**
   * The primary database, which the ranking index follows (the same as `knex` unless this
   * request reads from a replica).
   */
  readonly primaryKnex: Knex;
  /**
   * Resolves once this request's reads see the primary's WAL position `lsn` (what the ranking
   * index has read): a replica behind it is waited for, briefly.
   */
  readonly readsSee: (lsn: Lsn | null) => Promise<void>;
  /** The request's id, in its log lines, its response headers and the audit trail. */
  readonly requestId: string | null;
  /** What the response's `extensions` should say besides the answer (e.g. a ranking's age). */
  readonly extensions: Record<string, unknown>;
  /** Aborted when the client goes away (subscriptions end their streams on it). */
  readonly signal?: AbortSignal;
  /** The fewest people an ANALYST may single out (`MIN_GROUP_SIZE`). */
  readonly minGroupSize: number;
  /** The sizes of the lists of people answered so far, by response path (`personal-facts.ts`). */
  readonly sets: SetSizes;
  /** This request's synchronous work in the ranking index: limited, and paced between callers. */
  readonly work: WorkMeter;
  /** The language the request prefers (`Accept-Language`), for labels asked without one. */
  readonly language: Language;
}

/** Settings of the process that every request's context carries. */
export interface ContextSettings {
  readonly writeWaitMs: number;
  /** The primary, when `orm` is a replica's. */
  readonly primary?: MikroORM;
  readonly readsSee?: (lsn: Lsn | null) => Promise<void>;
  readonly requestId?: string;
  readonly signal?: AbortSignal;
  /** The fewest people an ANALYST may single out; default 5 (`DEFAULT_MIN_GROUP_SIZE`). */
  readonly minGroupSize?: number;
  /** The language the request prefers (`preferredLanguage` of its `Accept-Language`). */
  readonly language?: Language;
}

export const DEFAULT_CONTEXT_SETTINGS: ContextSettings = { writeWaitMs: 10_000 };

/** What the features bring to every context: how their rows are read and who sees them. */
export interface ContextParts {
  /** Entities the loaders read without the ORM: one raw statement, rows into plain objects. */
  readonly lean: ReadonlySet<EntityClass<object>>;
  /** Many-to-ones that come in the same statement as their owner: an org unit's agency. */
  readonly companions: ReadonlyMap<EntityClass<object>, readonly Companion[]>;
  /**
   * What the application adds to every context besides the platform's, from the primary
   * database (the ranking engine, `ctx.ranking`).
   */
  readonly extend?: (primaryKnex: Knex) => object;
  /** What a viewer may see of loaded rows, by entity (rows of other entities pass). */
  readonly visibility: ReadonlyMap<
    EntityClass<object>,
    (rows: object[], access: Access, loaders: Loaders) => Promise<object[]> | object[]
  >;
}

/** Makes a request's context (`src/app/context.ts` holds the application's). */
export type ContextFactory = (
  orm: MikroORM,
  viewer?: Viewer | null,
  settings?: ContextSettings,
) => Context;

/**
 * The context factory of an application: a fresh context per request, with a new identity map
 * and new loaders, never shared. Loaded rows pass through the viewer's visibility, so every
 * path to them (root, nested, `node`) answers the same.
 */
export function contextFactory(parts: ContextParts): ContextFactory {
  const readers = new WeakMap<
    MikroORM,
    (entity: EntityClass<object>) => LeanReader<object> | undefined
  >();
  const leanOf = (orm: MikroORM) => {
    let lean = readers.get(orm);
    if (!lean) {
      const metadata = orm.em.getMetadata();
      lean = (entity) =>
        parts.lean.has(entity) ? leanReaderOf(metadata.get(entity.name)) : undefined;
      readers.set(orm, lean);
    }
    return lean;
  };
  return (orm, viewer = null, settings = DEFAULT_CONTEXT_SETTINGS) => {
    // Forked on first use: the lean reads (most requests) need no identity map.
    let em: EntityManager | undefined;
    const emOf = () => (em ??= orm.em.fork());
    const knex = orm.em.getKnex();
    const access = new Access(viewer, knex);
    const guard: Guard = async (entity, rows) => {
      const visible = parts.visibility.get(entity);
      return visible ? visible(rows, access, loaders) : rows;
    };
    const loaders: Loaders = new Loaders(emOf, guard, parts.companions, leanOf(orm), orm.em);
    const primaryKnex = settings.primary ? settings.primary.em.getKnex() : knex;
    const context = new RequestContext(emOf, knex, loaders, access, primaryKnex, settings);
    return (parts.extend
      ? Object.assign(context, parts.extend(primaryKnex))
      : context) as unknown as Context;
  };
}

/**
 * A request's context. `em` is a getter on the prototype, so that Apollo's copy of a context (its
 * own properties over the same prototype) copies the function that forks, not a fork.
 */
class RequestContext {
  readonly today = today();
  readonly writeWaitMs: number;
  readonly readsSee: (lsn: Lsn | null) => Promise<void>;
  readonly requestId: string | null;
  readonly extensions: Record<string, unknown> = {};
  readonly signal: AbortSignal | undefined;
  readonly minGroupSize: number;
  readonly sets = new SetSizes();
  readonly work = new WorkMeter();
  readonly language: Language;

  constructor(
    readonly emOf: () => EntityManager,
    readonly knex: Knex,
    readonly loaders: Loaders,
    readonly access: Access,
    readonly primaryKnex: Knex,
    settings: ContextSettings,
  ) {
    this.writeWaitMs = settings.writeWaitMs;
    this.readsSee = settings.readsSee ?? seesAll;
    this.requestId = settings.requestId ?? null;
    this.signal = settings.signal;
    this.minGroupSize = settings.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
    this.language = settings.language ?? DEFAULT_LANGUAGE;
  }

  get em(): EntityManager {
    return this.emOf();
  }
}

const seesAll = async () => undefined;

/** Today's date (ISO, UTC), worked out again only when the clock leaves the day it was made for. */
let dayStarts = 0;
let dayEnds = 0;
let day = '';
function today(): string {
  const now = Date.now();
  if (now < dayStarts || now >= dayEnds) {
    dayStarts = now - (now % 86_400_000);
    dayEnds = dayStarts + 86_400_000;
    day = new Date(dayStarts).toISOString().slice(0, 10);
  }
  return day;
}
