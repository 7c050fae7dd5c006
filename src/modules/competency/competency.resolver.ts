import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Competency } from './competency.entity';
import { CompetencyFilter, CompetencyOrder } from './competency.inputs';
import { CompetencyLevel } from './competency-level.entity';
import { listCompetencies } from './competency.service';
import { EmployeeFilter } from '../employee/employee.inputs';
import { EmployeeConnection } from '../employee/employee.resolver';
import { listEmployees, skillCondition } from '../employee/employee.service';

export const CompetencyConnection = connectionType(Competency);

@Resolver(() => Competency)
export class CompetencyResolver {
  @Query(() => CompetencyConnection, { description: 'The competency dictionary.' })
  competencies(
    @Arg('filter', () => CompetencyFilter, {
      nullable: true,
      description: 'Conditions the items must meet.',
    })
    filter: CompetencyFilter | null,
    @Arg('orderBy', () => CompetencyOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: CompetencyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listCompetencies(ctx, filter, orderBy, page);
  }

  @Query(() => Competency, { nullable: true, description: 'A competency by its code.' })
  competency(
    @Arg('code', () => String, { description: 'The natural key (code).' }) code: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.byKey(Competency, 'code').load(code);
  }

  @FieldResolver(() => [CompetencyLevel], { description: 'Proficiency levels 1–5, in order.' })
  levels(@Root() competency: Competency, @Ctx() ctx: Context) {
    return ctx.loaders
      .childrenOf(CompetencyLevel, 'competency', { level: 'ASC' })
      .load(competency.id);
  }

  @FieldResolver(() => EmployeeConnection, {
    description:
      'Employees whose current level of this competency is at least `minLevel` (a skill search from the competency’s side), within `filter`; in the order of `employees`.',
  })
  async holders(
    @Root() competency: Competency,
    @Arg('minLevel', () => Int, { defaultValue: 1, description: 'At least this level (1–5).' })
    minLevel: number,
    @Arg('filter', () => EmployeeFilter, {
      nullable: true,
      description: 'Conditions the holders must also meet.',
    })
    filter: EmployeeFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    // The competency's own condition comes apart from the filter's, which it does not count in.
    const skill = { code: competency.code, minLevel, includeStale: true };
    const held = await skillCondition(ctx, [skill], 'minLevel', () => 'minLevel');
    return listEmployees(ctx, filter, null, page, held);
  }
}
