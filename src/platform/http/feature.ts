import type { EntityClass } from '@mikro-orm/core';
import type { Access } from '../auth/access';
import type { Companion, Loaders } from '../db/loaders';
import type { FeatureCost } from '../graphql/cost';
import type { AppRoute, RouteDeps } from './routes/route';
import type { EventSize } from './routes/subscriptions';

/**
 * What the viewer may see of the rows of one entity that a loader brings. Every loaded object
 * passes its entity's rule, so root lookups, nested fields, connections and `node` answer alike.
 */
export interface VisibilityRule<E extends object = object> {
  readonly entity: EntityClass<E>;
  readonly visible: (rows: E[], access: Access, loaders: Loaders) => Promise<E[]> | E[];
}

/** A rule of one entity's rows, as a feature lists it among rules of other entities. */
export function visibilityOf<E extends object>(rule: VisibilityRule<E>): VisibilityRule {
  return rule as unknown as VisibilityRule;
}

/**
 * A feature as it declares itself (`src/modules/<feature>/index.ts`): the server, the schema,
 * the ORM, the loaders, the visibility of rows and the cost of a query are assembled from these
 * declarations (`src/app/features.ts`), not from lists kept by hand.
 */
export interface Feature {
  readonly name: string;
  /** The resolver classes of the GraphQL schema. */
  readonly resolvers?: readonly Function[];
  /** The entities of the ORM. */
  readonly entities?: readonly EntityClass<object>[];
  /**
   * Entities the loaders read without the ORM: one raw statement, rows into plain objects
   * (nothing loaded through a loader is written back; writes read their own records).
   */
  readonly leanEntities?: readonly EntityClass<object>[];
  /** Many-to-ones that come in the same statement as their owner (an org unit's agency). */
  readonly companions?: ReadonlyMap<EntityClass<object>, readonly Companion[]>;
  /** What a viewer may see of the feature's loaded rows. */
  readonly visibility?: readonly VisibilityRule[];
  /** The feature's entries in the cost of a query: list bounds, work per field, inputs. */
  readonly cost?: FeatureCost;
  /** The size of a subscription event, for the fields whose events carry lists. */
  readonly eventSize?: EventSize;
  /** HTTP routes of the feature, beside `/graphql` (each a door of the pipeline). */
  readonly routes?: (deps: RouteDeps) => AppRoute[];
}
