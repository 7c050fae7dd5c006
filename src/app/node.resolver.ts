import { AuditEvent } from '../records/audit-event.entity';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EntityClass } from '@mikro-orm/core';
import type { Context } from '../platform/graphql/context';
import { Assessment } from '../modules/assessment/assessment.entity';
import { Competency } from '../modules/competency/competency.entity';
import { Course } from '../modules/course/course.entity';
import { Employee } from '../modules/employee/employee.entity';
import { Agency } from '../modules/org/agency.entity';
import { OrgUnit } from '../modules/org/org-unit.entity';
import { Position } from '../modules/position/position.entity';
import { TrainingRecord } from '../modules/training/training-record.entity';
import { Selection } from '../modules/selection/selection.entity';
import { badInput } from '../shared/errors';
import { fromGlobalId } from '../shared/global-id';
import { Node } from '../shared/node.type';

const NODE_TYPES = new Map<string, EntityClass<Node>>(
  [
    Agency,
    OrgUnit,
    Competency,
    Course,
    Position,
    Employee,
    Assessment,
    TrainingRecord,
    AuditEvent,
    Selection,
  ].map((t) => [t.name, t]),
);

/** Fetches any node by global ID; unknown or malformed IDs give null, never an error. */
function loadNode(ctx: Context, id: string): Promise<Node | null> {
  const parsed = fromGlobalId(id);
  const entity = parsed && NODE_TYPES.get(parsed.typeName);
  if (!parsed || !entity) return Promise.resolve(null);
  return ctx.loaders.byId(entity).load(parsed.id);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID.' })
  node(@Arg('id', () => ID, { description: 'A global ID.' }) id: string, @Ctx() ctx: Context) {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Objects by global IDs, in order; null where none.',
  })
  nodes(
    @Arg('ids', () => [ID], { description: 'Global IDs (at most 100).' }) ids: string[],
    @Ctx() ctx: Context,
  ) {
    if (ids.length > 100) throw badInput(`At most 100 ids at once, got ${ids.length}.`);
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
