import type { Knex } from '@mikro-orm/knex';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Access } from '../auth/access';
import type { Viewer } from '../auth/auth.types';
import { Agency } from '../../modules/org/agency.entity';
import { OrgUnit } from '../../modules/org/org-unit.entity';
import { Employee } from '../../modules/employee/employee.entity';
import { Competency } from '../../modules/competency/competency.entity';
import { Position } from '../../modules/position/position.entity';
import { PositionRequirement } from '../../modules/position/position-requirement.entity';
import { leanReaderOf } from '../db/lean';
import type { Lsn } from '../db/lsn';
import { visibilityGuard } from '../../app/visibility';
import { Loaders, type Companion } from '../db/loaders';
import { DEFAULT_MIN_GROUP_SIZE } from '../../domain/groups';
import { SetSizes } from '../auth/set-sizes';
import { WorkMeter } from '../../shared/work-meter';
import { rankingOf } from '../../engine/ranking';

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
}

export const DEFAULT_CONTEXT_SETTINGS: ContextSettings = { writeWaitMs: 10_000 };

/** Many-to-ones that come in the same statement as their owner: an org unit's agency. */
const COMPANIONS = new Map<EntityClass<object>, Companion[]>([
  [OrgUnit, [{ relation: 'agency', entity: Agency }]],
]);

/**
 * Entities the loaders read without the ORM (nothing loaded through a loader is written back;
 * writes read their own records): one raw statement, rows into plain objects.
 */
const LEAN = new Set<EntityClass<object>>([
  Employee,
  OrgUnit,
  Agency,
  Position,
  PositionRequirement,
  Competency,
]);

/**
 * A fresh context per request: a new identity map and new loaders, never shared. Loaded
 * employees, and the assessments and trainings of employees, pass through the viewer's
 * visibility, so every path to them (root, nested, `node`) answers the same.
 */
export function createContext(
  orm: MikroORM,
  viewer: Viewer | null = null,
  settings: ContextSettings = DEFAULT_CONTEXT_SETTINGS,
): Context {
  // Forked on first use: the lean reads (most requests) need no identity map.
  let em: EntityManager | undefined;
  const emOf = () => (em ??= orm.em.fork());
  const knex = orm.em.getKnex();
  const access = new Access(viewer, knex);
  const guard = visibilityGuard(access, () => loaders);
  const lean = (entity: EntityClass<object>) =>
    LEAN.has(entity) ? leanReaderOf(orm.em.getMetadata().get(entity.name)) : undefined;
  const loaders: Loaders = new Loaders(emOf, guard, COMPANIONS, lean, orm.em);
  return Object.assign(Object.create(LAZY_EM), {
    emOf,
    knex,
    loaders,
    access,
    today: new Date().toISOString().slice(0, 10),
    writeWaitMs: settings.writeWaitMs,
    primaryKnex: settings.primary ? settings.primary.em.getKnex() : knex,
    ranking: rankingOf(settings.primary ? settings.primary.em.getKnex() : knex),
    readsSee: settings.readsSee ?? (async () => undefined),
    requestId: settings.requestId ?? null,
    extensions: {},
    signal: settings.signal,
    minGroupSize: settings.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
    sets: new SetSizes(),
    work: new WorkMeter(),
  }) as Context;
}

/**
 * `em` of every context: a getter on the prototype, so that Apollo's copy of a context (an
 * `Object.assign` of its own properties) copies the function that forks, not a fork.
 */
const LAZY_EM = Object.defineProperty({}, 'em', {
  get(this: { emOf: () => EntityManager }) {
    return this.emOf();
  },
});
