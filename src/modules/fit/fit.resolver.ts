import { Role } from '../../platform/auth/auth.types';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Int,
  Query,
  Resolver,
  Root,
  Authorized,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { PageArgs } from '../../shared/pagination';
import { Competency } from '../competency/competency.entity';
import { Course } from '../course/course.entity';
import { Employee } from '../employee/employee.entity';
import { Position } from '../position/position.entity';
import { PositionCategory } from '../../domain/position.enums';
import {
  bestFitPositions,
  coursesClosing,
  employeeByNip,
  fitOf,
  planOf,
  policyFrom,
  positionByCode,
  readinessHorizonOfFit,
  readinessOfFit,
} from './fit.service';
import { courseCatalogue } from './fit.specs';
import { totalsByReason } from '../../domain/training-plan';
import { rangeArgument } from '../../shared/arguments';
import { YEARLY_DEVELOPMENT_HOURS } from '../../domain/reference.data';
import { rankCandidates, type CandidatePage } from './candidates.service';
import { assumedFrom, profileFrom } from './what-if.service';
import { RequirementInput } from '../position/position.mutations';
import {
  Assumptions,
  CandidateFilter,
  Fit,
  ReadinessHorizon,
  FitConnection,
  FitTerm,
  Gap,
  PlannedCourse,
  PlanReason,
  PlanReasonTotal,
  Readiness,
  ScoringPolicyInput,
  TrainingPlan,
} from './fit.types';
import { allInOrder } from '../../domain/collections';

const POLICY = {
  nullable: true,
  description: 'Scoring choices; defaults per the domain rules.',
} as const;

@Resolver(() => Fit)
export class FitResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @Query(() => Fit, {
    nullable: true,
    description:
      'How one employee fits one position: JPM, each term, gaps, unmet requirements, plan.',
  })
  async fit(
    @Arg('nip', () => String, { description: 'NIP of the employee.' }) nip: string,
    @Arg('positionCode', () => String, { description: 'Code of the position.' })
    positionCode: string,
    @Arg('policy', () => ScoringPolicyInput, POLICY) policy: ScoringPolicyInput | null,
    @Arg('assume', () => Assumptions, {
      nullable: true,
      description: 'What-if: answer as if these courses were completed and levels assessed.',
    })
    assume: Assumptions | null,
    @Ctx() ctx: Context,
  ) {
    // A query writes nothing: the index is brought up to date alongside the lookups.
    const ranking = ctx.ranking.current();
    const [employee, position, assumed] = await allInOrder([
      employeeByNip(ctx, nip),
      positionByCode(ctx, positionCode),
      assume ? assumedFrom(ctx, assume) : Promise.resolve(undefined),
      ranking,
    ]);
    return fitOf(ctx, employee, position, policyFrom(ctx, policy), { assumed, ranking });
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => FitConnection, {
    nullable: true,
    description:
      'Employees ranked for a position, best first: qualified before not, then JPM, fewer unmet conditions, fewer missing levels, higher uncapped JPM, then internal id.',
  })
  async candidates(
    @Arg('positionCode', () => String, { description: 'Code of the position.' })
    positionCode: string,
    @Arg('filter', () => CandidateFilter, {
      nullable: true,
      description: 'Which candidates to include.',
    })
    filter: CandidateFilter | null,
    @Arg('policy', () => ScoringPolicyInput, POLICY) policy: ScoringPolicyInput | null,
    @Arg('profile', () => [RequirementInput], {
      nullable: true,
      description:
        'What-if: rank against these required competencies instead of the stored ones (conditions stay); nothing is written.',
    })
    profile: RequirementInput[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const ranking = ctx.ranking.current();
    const [position, requirements] = await allInOrder([
      positionByCode(ctx, positionCode),
      profile ? profileFrom(ctx, profile) : Promise.resolve(undefined),
      ranking,
    ]);
    return rankCandidates(ctx, position, filter, policyFrom(ctx, policy), page, {
      profile: requirements,
      ranking,
    });
  }

  @FieldResolver(() => Employee, { description: 'The employee.' })
  employee(@Root() fit: Fit, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(fit.employeeId);
  }

  @FieldResolver(() => Position, { description: 'The position.' })
  position(@Root() fit: Fit, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Position).load(fit.positionId);
  }

  @FieldResolver(() => TrainingPlan, {
    description:
      'The cheapest set of courses (in JP) that closes the gaps and supplies missing required courses.',
  })
  async trainingPlan(@Root() fit: Fit, @Ctx() ctx: Context): Promise<TrainingPlan> {
    const [plan, catalogue] = await Promise.all([planOf(ctx, fit), courseCatalogue(ctx)]);
    const uncovered = new Set(plan.uncovered);
    return {
      courses: plan.steps.map((s) =>
        Object.assign(new PlannedCourse(), {
          courseId: s.courseId,
          closesIds: s.closes,
          raisesIds: s.raises,
          prerequisiteOfIds: s.prerequisiteOf,
          reason: s.reason as PlanReason,
          required: s.required,
        }),
      ),
      byReason: totalsByReason(plan.steps, catalogue).map((total) =>
        Object.assign(new PlanReasonTotal(), total),
      ),
      totalHours: plan.totalHours,
      totalCost: plan.totalCost,
      closesAllGaps: plan.closesAllGaps,
      uncoveredGaps: fit.result.gaps
        .filter((g) => uncovered.has(g.competencyId))
        .map((x) => Gap.of(x)),
    };
  }

  @FieldResolver(() => Readiness, {
    description: 'Ready now, after the training plan, after a new assessment, or blocked.',
  })
  readiness(@Root() fit: Fit, @Ctx() ctx: Context) {
    return readinessOfFit(ctx, fit);
  }

  @FieldResolver(() => ReadinessHorizon, {
    description:
      'Ready now, in 1–2 years or later: the readiness cause with the training plan’s hours against the yearly development hours.',
  })
  readinessHorizon(
    @Root() fit: Fit,
    @Arg('yearlyHours', () => Int, {
      defaultValue: YEARLY_DEVELOPMENT_HOURS,
      description: 'Development hours (JP) a year; the right of every ASN is 20.',
    })
    yearlyHours: number,
    @Ctx() ctx: Context,
  ) {
    return readinessHorizonOfFit(ctx, fit, rangeArgument('yearlyHours', yearlyHours, 1, 1000));
  }
}

@Resolver(() => FitTerm)
export class FitTermResolver {
  @FieldResolver(() => Competency, { description: 'The required competency.' })
  competency(@Root() term: FitTerm, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(term.competencyId);
  }
}

@Resolver(() => Gap)
export class GapResolver {
  @FieldResolver(() => Competency, { description: 'The competency lacking.' })
  competency(@Root() gap: Gap, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(gap.competencyId);
  }

  @FieldResolver(() => [Course], {
    description:
      'Courses that close this gap on their own, fewest JP first (chains appear in the plan).',
  })
  courses(@Root() gap: Gap, @Ctx() ctx: Context) {
    return coursesClosing(ctx, gap);
  }
}

@Resolver(() => PlannedCourse)
export class PlannedCourseResolver {
  @FieldResolver(() => Course, { description: 'The course.' })
  course(@Root() planned: PlannedCourse, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Course).load(planned.courseId);
  }

  @FieldResolver(() => [Competency], {
    description: 'Gap competencies that reach their required level with this course.',
  })
  async closes(@Root() planned: PlannedCourse, @Ctx() ctx: Context) {
    const found = await ctx.loaders.byId(Competency).loadMany(planned.closesIds);
    return found.filter((c): c is Competency => c instanceof Competency);
  }

  @FieldResolver(() => [Competency], {
    description:
      'Gap competencies it raises short of their required level (a later course closes them).',
  })
  async raises(@Root() planned: PlannedCourse, @Ctx() ctx: Context) {
    const found = await ctx.loaders.byId(Competency).loadMany(planned.raisesIds);
    return found.filter((c): c is Competency => c instanceof Competency);
  }

  @FieldResolver(() => [Course], {
    description: 'The planned courses that need this one first.',
  })
  async prerequisiteOf(@Root() planned: PlannedCourse, @Ctx() ctx: Context) {
    const found = await ctx.loaders.byId(Course).loadMany(planned.prerequisiteOfIds);
    return found.filter((c): c is Course => c instanceof Course);
  }
}

@Resolver(() => Employee)
export class EmployeeFitResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @FieldResolver(() => Fit, { nullable: true, description: 'How this employee fits a position.' })
  async fit(
    @Root() employee: Employee,
    @Arg('positionCode', () => String, { description: 'Code of the position.' })
    positionCode: string,
    @Arg('policy', () => ScoringPolicyInput, POLICY) policy: ScoringPolicyInput | null,
    @Ctx() ctx: Context,
  ) {
    return fitOf(ctx, employee, await positionByCode(ctx, positionCode), policyFrom(ctx, policy));
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @FieldResolver(() => [Fit], {
    nullable: true,
    description:
      'The positions this employee fits best (a career view): qualified first, then JPM, then the more demanding profile.',
  })
  bestFitPositions(
    @Root() employee: Employee,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many positions, 1–100.' })
    first: number,
    @Arg('categories', () => [PositionCategory], {
      nullable: true,
      description: 'Only positions of these categories.',
    })
    categories: PositionCategory[] | null,
    @Arg('policy', () => ScoringPolicyInput, POLICY) policy: ScoringPolicyInput | null,
    @Ctx() ctx: Context,
  ) {
    return bestFitPositions(ctx, employee, policyFrom(ctx, policy), first, categories);
  }
}

@Resolver(() => Position)
export class PositionCandidatesResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @FieldResolver(() => FitConnection, {
    nullable: true,
    description: 'Employees ranked for this position (as the `candidates` query).',
  })
  candidates(
    @Root() position: Position,
    @Arg('filter', () => CandidateFilter, {
      nullable: true,
      description: 'Which candidates to include.',
    })
    filter: CandidateFilter | null,
    @Arg('policy', () => ScoringPolicyInput, POLICY) policy: ScoringPolicyInput | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return rankCandidates(ctx, position, filter, policyFrom(ctx, policy), page);
  }
}

@Resolver(() => FitConnection)
export class CandidateRankingResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'How many of the ranking (within the filter) qualify; null on lists that are not a ranking.',
  })
  qualifiedCount(@Root() ranking: Partial<CandidatePage>) {
    return ranking.qualifiedCount?.() ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'With a what-if `profile`: how many would qualify against the stored profile, for before and after; null otherwise.',
  })
  storedProfileQualifiedCount(@Root() ranking: Partial<CandidatePage>) {
    return ranking.storedProfileQualifiedCount?.() ?? null;
  }
}
