import { Role } from '../../platform/auth/auth.types';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Float,
  Int,
  Query,
  Resolver,
  Root,
  Authorized,
  Info,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import type { GraphQLResolveInfo } from 'graphql';
import { PersonalFact, recordSet } from '../../platform/graphql/personal-facts';

import { PageArgs, pageOfList } from '../../shared/pagination';
import { Competency } from '../competency/competency.entity';
import { Course } from '../course/course.entity';
import { Employee } from '../employee/employee.entity';
import { YEARLY_JP_TARGET } from '../employee/employee.resolver';
import { policyFrom, positionByCode } from '../fit/fit.service';
import { ScoringPolicyInput } from '../fit/fit.types';
import { OrgUnit } from '../org/org-unit.entity';
import {
  CompetencyHeatMap,
  CompetencyNeed,
  CourseNeedRank,
  EmployeeTrainingHours,
  EmployeeTrainingHoursConnection,
  HeatMapCell,
  HeatMapRow,
  ProfessionalismIndexType,
  ProfessionalismSummary,
  TrainingCompliance,
  TrainingNeeds,
  TrainingProgramme,
} from './analytics.types';
import {
  competencyHeatMap,
  professionalismIndexOf,
  professionalismSummary,
  trainingCompliance,
  trainingNeeds,
} from './analytics.service';
import { AnalyticsScope } from '../org/scope';
import { budgetArguments, rangeArgument, yearArgument } from '../../shared/arguments';

const YEAR = { nullable: true, description: 'The year; default: the current year.' } as const;

async function loadAll<T extends object>(
  ctx: Context,
  entity: new () => T,
  ids: readonly number[],
): Promise<T[]> {
  const found = await ctx.loaders.byId(entity).loadMany(ids);
  return found.filter((x): x is T => x instanceof entity);
}

@Resolver(() => TrainingCompliance)
export class TrainingComplianceResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.ANALYST)
  @Query(() => TrainingCompliance, {
    nullable: true,
    description:
      'The 20 JP monitoring of an org unit (with the units below) or an agency for a year.',
  })
  trainingCompliance(
    @Arg('scope', () => AnalyticsScope, { description: 'Whose employees.' }) scope: AnalyticsScope,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Arg('target', () => Int, {
      defaultValue: YEARLY_JP_TARGET,
      description: 'The yearly target in JP.',
    })
    target: number,
    @Ctx() ctx: Context,
  ) {
    return trainingCompliance(
      ctx,
      scope,
      yearArgument(ctx.today, year),
      rangeArgument('target', target, 0, 10_000),
    );
  }

  @FieldResolver(() => EmployeeTrainingHoursConnection, {
    description: 'Employees below the target, fewest JP first (those with none first).',
  })
  employeesBelowTarget(
    @Root() compliance: TrainingCompliance,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const below = pageOfList(
      compliance.belowIds,
      page,
      (e) => [e.hours, e.employeeId],
      (e, [hours, id]) =>
        e.hours > Number(hours) || (e.hours === Number(hours) && e.employeeId > Number(id)),
    );
    return recordSet(ctx, info, compliance.belowIds.length, below);
  }
}

@Resolver(() => EmployeeTrainingHours)
export class EmployeeTrainingHoursResolver {
  @PersonalFact()
  @FieldResolver(() => Employee, { nullable: true, description: 'The employee.' })
  employee(@Root() item: EmployeeTrainingHours, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(item.employeeId);
  }
}

@Resolver(() => CompetencyHeatMap)
export class HeatMapResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.ANALYST)
  @Query(() => CompetencyHeatMap, {
    nullable: true,
    description:
      'Org unit × competency: the share meeting their own position’s requirement, the mean gap, unassessed and stale.',
  })
  competencyHeatMap(
    @Arg('scope', () => AnalyticsScope, { description: 'Whose employees.' }) scope: AnalyticsScope,
    @Arg('policy', () => ScoringPolicyInput, {
      nullable: true,
      description: 'The date (`asOf`) and assessment validity used.',
    })
    policy: ScoringPolicyInput | null,
    @Ctx() ctx: Context,
  ) {
    return competencyHeatMap(ctx, scope, policyFrom(ctx, policy));
  }

  @FieldResolver(() => [Competency], {
    description: 'The columns: every competency required in the scope, by code.',
  })
  competencies(@Root() map: CompetencyHeatMap, @Ctx() ctx: Context) {
    return loadAll(ctx, Competency, map.competencyIds);
  }
}

@Resolver(() => HeatMapRow)
export class HeatMapRowResolver {
  @FieldResolver(() => OrgUnit, { description: 'The org unit.' })
  orgUnit(@Root() row: HeatMapRow, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).load(row.orgUnitId);
  }
}

@Resolver(() => HeatMapCell)
export class HeatMapCellResolver {
  @FieldResolver(() => Competency, { description: 'The competency.' })
  competency(@Root() cell: HeatMapCell, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(cell.competencyId);
  }
}

@Resolver(() => TrainingNeeds)
export class TrainingNeedsResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.ANALYST)
  @Query(() => TrainingNeeds, {
    nullable: true,
    description:
      'Training-needs analysis: gaps by competency, courses by gap levels per JP and per rupiah, and the best programme within a budget.',
  })
  async trainingNeeds(
    @Arg('scope', () => AnalyticsScope, { description: 'Whose employees.' }) scope: AnalyticsScope,
    @Arg('targetPositionCode', () => String, {
      nullable: true,
      description: 'Measure everyone against this position instead of their own.',
    })
    targetPositionCode: string | null,
    @Arg('budgetHours', () => Int, {
      nullable: true,
      description: 'Budget in JP (participants × course JP).',
    })
    budgetHours: number | null,
    @Arg('budgetCost', () => Float, { nullable: true, description: 'Budget in rupiah.' })
    budgetCost: number | null,
    @Arg('policy', () => ScoringPolicyInput, {
      nullable: true,
      description: 'The date (`asOf`) of the levels.',
    })
    policy: ScoringPolicyInput | null,
    @Ctx() ctx: Context,
  ) {
    const budget = budgetArguments(budgetHours, budgetCost);
    const target = targetPositionCode ? await positionByCode(ctx, targetPositionCode) : null;
    return trainingNeeds(ctx, scope, policyFrom(ctx, policy).asOf, target, budget);
  }
}

@Resolver(() => CompetencyNeed)
export class CompetencyNeedResolver {
  @FieldResolver(() => Competency, { description: 'The competency.' })
  competency(@Root() need: CompetencyNeed, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(need.competencyId);
  }
}

@Resolver(() => CourseNeedRank)
export class CourseNeedRankResolver {
  @FieldResolver(() => Course, { description: 'The course.' })
  course(@Root() rank: CourseNeedRank, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Course).load(rank.courseId);
  }
}

@Resolver(() => TrainingProgramme)
export class TrainingProgrammeResolver {
  @FieldResolver(() => [Course], { description: 'The courses of the programme.' })
  courses(@Root() programme: TrainingProgramme, @Ctx() ctx: Context) {
    return loadAll(ctx, Course, programme.courseIds);
  }
}

@Resolver(() => ProfessionalismSummary)
export class ProfessionalismResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.ANALYST)
  @Query(() => ProfessionalismSummary, {
    nullable: true,
    description:
      'The professionalism index (IP ASN) of an org unit (with the units below) or an agency.',
  })
  professionalismIndex(
    @Arg('scope', () => AnalyticsScope, { description: 'Whose employees.' }) scope: AnalyticsScope,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Ctx() ctx: Context,
  ) {
    return professionalismSummary(ctx, scope, yearArgument(ctx.today, year));
  }
}

@Resolver(() => Employee)
export class EmployeeProfessionalismResolver {
  @PersonalFact()
  @FieldResolver(() => ProfessionalismIndexType, {
    nullable: true,
    description: 'Professionalism index (IP ASN) for a year.',
  })
  async professionalismIndex(
    @Root() employee: Employee,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Ctx() ctx: Context,
  ) {
    return professionalismIndexOf(ctx, employee.id, yearArgument(ctx.today, year));
  }
}
