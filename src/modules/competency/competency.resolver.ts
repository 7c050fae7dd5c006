import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Competency } from './competency.entity';
import { CompetencyFilter, CompetencyOrder } from './competency.inputs';
import { CompetencyLevel } from './competency-level.entity';
import { listCompetencies } from './competency.service';

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
}
