import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Competency } from '../competency/competency.entity';
import { Course } from '../course/course.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { EducationLevel } from '../reference/education-level.entity';
import { Rank } from '../reference/rank.entity';
import { Position } from './position.entity';
import { POSITION_CATEGORY_INFO } from '../../domain/position.enums';
import { PositionFilter, PositionOrder } from './position.inputs';
import { PositionRequirement } from './position-requirement.entity';
import { listPositions, REQUIREMENT_ORDER, requiredCourseIds } from './position.service';
import { PositionConditions } from './position.types';

export const PositionConnection = connectionType(Position);

@Resolver(() => Position)
export class PositionResolver {
  @Query(() => PositionConnection, { description: 'Positions (jabatan) with their job profiles.' })
  positions(
    @Arg('filter', () => PositionFilter, {
      nullable: true,
      description: 'Conditions the items must meet.',
    })
    filter: PositionFilter | null,
    @Arg('orderBy', () => PositionOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: PositionOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listPositions(ctx, filter, orderBy, page);
  }

  @Query(() => Position, { nullable: true, description: 'A position by its code.' })
  position(
    @Arg('code', () => String, { description: 'The natural key (code).' }) code: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.byKey(Position, 'code').load(code);
  }

  @FieldResolver(() => String, {
    description: 'Name (nama jabatan), e.g. "Kepala Bidang Pengembangan Kompetensi".',
  })
  name(@Root() position: Position) {
    return position.title;
  }

  @FieldResolver(() => String, { description: 'Indonesian name of the category.' })
  categoryName(@Root() position: Position) {
    return POSITION_CATEGORY_INFO[position.category].name;
  }

  @FieldResolver(() => OrgUnit, { description: 'The org unit the position belongs to.' })
  orgUnit(@Root() position: Position, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).load(position.orgUnit.id);
  }

  @FieldResolver(() => [PositionRequirement], {
    description: 'Required competencies, in the job profile order.',
  })
  requirements(@Root() position: Position, @Ctx() ctx: Context) {
    return ctx.loaders
      .childrenOf(PositionRequirement, 'position', REQUIREMENT_ORDER)
      .get(position.id);
  }

  @FieldResolver(() => PositionConditions, { description: 'Hard requirements (persyaratan).' })
  conditions(@Root() position: Position) {
    return new PositionConditions(position);
  }
}

@Resolver(() => PositionConditions)
export class PositionConditionsResolver {
  @FieldResolver(() => Rank, { nullable: true, description: 'Minimum rank (PNS).' })
  minRank(@Root() conditions: PositionConditions, @Ctx() ctx: Context) {
    const rank = conditions.position.minRank;
    return rank ? ctx.loaders.reference(Rank, 'code').load(rank.code) : null;
  }

  @FieldResolver(() => EducationLevel, { nullable: true, description: 'Minimum education.' })
  minEducation(@Root() conditions: PositionConditions, @Ctx() ctx: Context) {
    const level = conditions.position.minEducation;
    return level ? ctx.loaders.reference(EducationLevel, 'code').load(level.code) : null;
  }

  @FieldResolver(() => [Course], { description: 'Courses the holder must have completed.' })
  async requiredCourses(@Root() conditions: PositionConditions, @Ctx() ctx: Context) {
    const ids = await requiredCourseIds(ctx).load(conditions.position.id);
    const courses = await ctx.loaders.byId(Course).loadMany(ids);
    return courses.filter((c): c is Course => c instanceof Course);
  }
}

@Resolver(() => PositionRequirement)
export class PositionRequirementResolver {
  @FieldResolver(() => Competency, { description: 'The required competency.' })
  competency(@Root() requirement: PositionRequirement, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).get(requirement.competency.id);
  }

  @FieldResolver(() => Position, { description: 'The position requiring it.' })
  position(@Root() requirement: PositionRequirement, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Position).load(requirement.position.id);
  }
}

@Resolver(() => Competency)
export class CompetencyPositionsResolver {
  @FieldResolver(() => [PositionRequirement], {
    description: 'Requirements of positions that need this competency, highest level first.',
  })
  async requiredBy(@Root() competency: Competency, @Ctx() ctx: Context) {
    const requirements = await ctx.loaders
      .childrenOf(PositionRequirement, 'competency', { level: 'DESC', id: 'ASC' })
      .load(competency.id);
    if (!ctx.access.agency) return requirements;
    // Only requirements of positions the viewer sees (HR and COMMITTEE: their agency's).
    const positions = await ctx.loaders
      .byId(Position)
      .loadMany(requirements.map((r) => r.position.id));
    return requirements.filter((_, i) => positions[i] instanceof Position);
  }
}
