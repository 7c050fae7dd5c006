import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { PageArgs } from '../../shared/pagination';
import { Competency } from '../competency/competency.entity';
import { EmployeeFilter } from './employee.inputs';
import { EmployeeConnection } from './employee.resolver';
import { listEmployees } from './employee.service';
import { skillTests } from './filter-codes';

/** `Competency.holders`: the skill search from the competency's side, answered by employees. */
@Resolver(() => Competency)
export class CompetencyHoldersResolver {
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
    const skills = await skillTests(ctx, [skill], 'minLevel', () => 'minLevel');
    return listEmployees(ctx, filter, null, page, { skills });
  }
}
