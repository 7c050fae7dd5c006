import type { EntityClass } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import { analyticsFeature } from '../modules/analytics';
import { assessmentFeature } from '../modules/assessment';
import { auditFeature } from '../modules/audit';
import { changesFeature } from '../modules/changes';
import { competencyFeature } from '../modules/competency';
import { courseFeature } from '../modules/course';
import { datasetFeature } from '../modules/dataset';
import { developmentFeature } from '../modules/development';
import { employeeFeature } from '../modules/employee';
import { fitFeature } from '../modules/fit';
import { orgFeature } from '../modules/org';
import { positionFeature } from '../modules/position';
import { referenceFeature } from '../modules/reference';
import { selectionFeature } from '../modules/selection';
import { talentFeature } from '../modules/talent';
import { trainingFeature } from '../modules/training';
import type { ContextParts } from '../platform/graphql/context';
import { costModelOf } from '../platform/graphql/cost';
import type { CostModel } from '../platform/graphql/limits';
import type { Feature } from '../platform/http/feature';
import type { AppRoute, RouteDeps } from '../platform/http/routes/route';
import type { EventSize } from '../platform/http/routes/subscriptions';
import { NodeResolver } from './node.resolver';

/** The features of the application, lower ones first (the order the ORM meets the entities). */
export const FEATURES: readonly Feature[] = [
  orgFeature,
  referenceFeature,
  competencyFeature,
  courseFeature,
  positionFeature,
  employeeFeature,
  assessmentFeature,
  trainingFeature,
  talentFeature,
  auditFeature,
  selectionFeature,
  developmentFeature,
  fitFeature,
  analyticsFeature,
  datasetFeature,
  changesFeature,
];

/** Every entity of the domain graph, for the ORM's discovery. */
export const ENTITIES: readonly EntityClass<object>[] = FEATURES.flatMap((f) => f.entities ?? []);

/** The resolver classes of the schema: `node` and the features'. */
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  ...FEATURES.flatMap((f) => f.resolvers ?? []),
];

/** How each request's context reads and guards the features' rows. */
export const CONTEXT_PARTS: ContextParts = {
  lean: new Set(FEATURES.flatMap((f) => f.leanEntities ?? [])),
  companions: new Map(FEATURES.flatMap((f) => [...(f.companions ?? [])])),
  visibility: oneEach(
    FEATURES.flatMap((f) => f.visibility ?? []).map((rule) => [rule.entity, rule.visible]),
    (entity) => `${entity.name} has two visibility rules.`,
  ),
};

/** The cost of a query, from every feature's entries. */
export const COST_MODEL: CostModel = costModelOf(FEATURES.map((f) => f.cost));

/** The size of a subscription event (a feature's, for the events it publishes). */
export const eventSize: EventSize = (event) =>
  FEATURES.reduce((size, f) => size + (f.eventSize?.(event) ?? 0), 0);

/** The routes features bring beside the server's own. */
export function featureRoutes(deps: RouteDeps): AppRoute[] {
  return FEATURES.flatMap((f) => f.routes?.(deps) ?? []);
}

/** A map of pairs whose keys are each given once: a second rule for a key is a mistake, refused. */
function oneEach<K, V>(pairs: readonly (readonly [K, V])[], twice: (key: K) => string): Map<K, V> {
  const map = new Map<K, V>();
  for (const [key, value] of pairs) {
    if (map.has(key)) throw new Error(twice(key));
    map.set(key, value);
  }
  return map;
}
