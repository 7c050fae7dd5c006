import { Role } from '../../platform/auth/auth.types';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Authorized,
  Info,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import type { GraphQLResolveInfo } from 'graphql';
import { PersonalFact, recordSet } from '../../platform/graphql/personal-facts';
import { rangeArgument, yearArgument } from '../../shared/arguments';
import { PageArgs } from '../../shared/pagination';
import { AnalyticsScope } from '../org/scope';
import { Employee } from '../employee/employee.entity';
import { EmployeeConnection } from '../employee/employee.resolver';
import { employeesPage } from '../employee/employee.service';
import { policyFrom, positionByCode } from '../fit/fit.service';
import { ScoringPolicyInput } from '../fit/fit.types';
import { Position } from '../position/position.entity';
import { TalentBoxAction } from './talent-box-action.entity';
import { TalentPolicy } from './talent-policy.entity';
import {
  agencyArgument,
  benchStrength,
  successionList,
  vacanciesAhead,
} from './succession.service';
import {
  SetTalentBoxActionInput,
  SetTalentPolicyInput,
  TalentBoxActionPayload,
  TalentPolicyPayload,
} from './talent.inputs';
import {
  boxActions,
  cutoffsByScope,
  cutoffsFor,
  setTalentBoxAction,
  setTalentPolicy,
  talentBoxOf,
  talentMatrixOf,
} from './talent.service';
import {
  BenchStrength,
  SuccessionCandidate,
  TalentCell,
  TalentMatrix,
  TalentPlacement,
  Vacancy,
} from './talent.types';

const YEAR = { description: 'The year; default: the current year.', nullable: true } as const;

@Resolver(() => Employee)
export class EmployeeTalentResolver {
  @PersonalFact()
  @FieldResolver(() => TalentPlacement, {
    nullable: true,
    description: 'Talent box for a year; null without a rating or potential score.',
  })
  async talentBox(
    @Root() employee: Employee,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<TalentPlacement | null> {
    return talentBoxOf(ctx, employee.id, yearArgument(ctx.today, year));
  }
}

@Resolver(() => TalentCell)
export class TalentCellResolver {
  @FieldResolver(() => EmployeeConnection, {
    description: 'The employees in the box, in registration order.',
  })
  async employees(
    @Root() cell: TalentCell,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return recordSet(
      ctx,
      info,
      cell.employeeIds.length,
      await employeesPage(ctx, cell.employeeIds, page),
    );
  }
}

@Resolver(() => TalentMatrix)
export class TalentMatrixResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.ANALYST)
  @Query(() => TalentMatrix, {
    nullable: true,
    description:
      'The 3×3 talent matrix of an org unit (with the units below) or an agency, for a year.',
  })
  async talentMatrix(
    @Arg('scope', () => AnalyticsScope, { description: 'Whose employees.' }) scope: AnalyticsScope,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<TalentMatrix> {
    return talentMatrixOf(ctx, scope, yearArgument(ctx.today, year));
  }

  @FieldResolver(() => EmployeeConnection, {
    description: 'Employees who cannot be placed (no rating or potential score).',
  })
  async unplacedEmployees(
    @Root() matrix: TalentMatrix,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const unplaced = await employeesPage(ctx, matrix.unplacedIds, page);
    return recordSet(ctx, info, matrix.unplacedIds.length, unplaced);
  }
}

@Resolver(() => BenchStrength)
export class SuccessionResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => [SuccessionCandidate], {
    nullable: true,
    description:
      'Succession list for a position: the talent pool (boxes 9, 8, 7 in that order), each box by fit, with readiness.',
  })
  async succession(
    @Arg('positionCode', () => String, { description: 'Code of the position.' })
    positionCode: string,
    @Arg('scope', () => AnalyticsScope, {
      nullable: true,
      description: 'Where to look; default: the agency of the position.',
    })
    scope: AnalyticsScope | null,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Arg('includeOutsidePool', () => Boolean, {
      defaultValue: false,
      description: 'Append everyone else, by fit.',
    })
    includeOutsidePool: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1–100.' }) first: number,
    @Arg('policy', () => ScoringPolicyInput, { nullable: true, description: 'Scoring choices.' })
    policy: ScoringPolicyInput | null,
    @Ctx() ctx: Context,
  ) {
    const position = await positionByCode(ctx, positionCode);
    return successionList(
      ctx,
      position,
      scope,
      yearArgument(ctx.today, year),
      policyFrom(ctx, policy),
      {
        includeOutsidePool,
        first,
      },
    );
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => [BenchStrength], {
    nullable: true,
    description:
      'For every key position (JPT, Administrator, Pengawas) of the scope: successors by readiness.',
  })
  benchStrength(
    @Arg('scope', () => AnalyticsScope, { description: 'Whose positions and talent pool.' })
    scope: AnalyticsScope,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Arg('policy', () => ScoringPolicyInput, { nullable: true, description: 'Scoring choices.' })
    policy: ScoringPolicyInput | null,
    @Ctx() ctx: Context,
  ) {
    return benchStrength(ctx, scope, yearArgument(ctx.today, year), policyFrom(ctx, policy));
  }

  @FieldResolver(() => Position, { description: 'The key position.' })
  position(@Root() bench: BenchStrength, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Position).load(bench.positionId);
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => [Vacancy], {
    nullable: true,
    description:
      'Key positions whose holders reach the retirement age (BUP) within the horizon, soonest first, each with its bench.',
  })
  vacancies(
    @Arg('within', () => Int, { description: 'The horizon in years, 1–10.' }) within: number,
    @Arg('agencyCode', () => String, {
      nullable: true,
      description: 'The agency (HR and COMMITTEE: their own, the default).',
    })
    agencyCode: string | null,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Arg('policy', () => ScoringPolicyInput, { nullable: true, description: 'Scoring choices.' })
    policy: ScoringPolicyInput | null,
    @Ctx() ctx: Context,
  ) {
    return vacanciesAhead(
      ctx,
      agencyArgument(ctx, agencyCode),
      rangeArgument('within', within, 1, 10),
      yearArgument(ctx.today, year),
      policyFrom(ctx, policy),
    );
  }
}

@Resolver(() => Vacancy)
export class VacancyResolver {
  @FieldResolver(() => Position, { description: 'The key position.' })
  position(@Root() vacancy: Vacancy, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Position).load(vacancy.positionId);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Its holder, who retires.' })
  holder(@Root() vacancy: Vacancy, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(vacancy.holderId);
  }
}

@Resolver(() => TalentPolicy)
export class TalentPolicyResolver {
  @Query(() => TalentPolicy, {
    description: 'The cut-offs in force for an agency (its own, else the default).',
  })
  async talentPolicy(
    @Arg('agencyCode', () => String, { nullable: true, description: 'Leave out for the default.' })
    agencyCode: string | null,
    @Ctx() ctx: Context,
  ) {
    const all = await cutoffsByScope(ctx);
    const scope = agencyCode && all.has(agencyCode) ? agencyCode : '*';
    return Object.assign(new TalentPolicy(), { scope, ...cutoffsFor(all, agencyCode ?? '*') });
  }

  @Query(() => [TalentBoxAction], { description: 'Names and suggested actions of the nine boxes.' })
  async talentBoxActions(@Ctx() ctx: Context) {
    return [...(await boxActions(ctx)).values()];
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => TalentPolicyPayload, {
    nullable: true,
    description: 'Sets the talent cut-offs of an agency, or the default.',
  })
  async setTalentPolicy(
    @Arg('input', () => SetTalentPolicyInput, { description: 'The cut-offs.' })
    input: SetTalentPolicyInput,
    @Ctx() ctx: Context,
  ) {
    return setTalentPolicy(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TalentBoxActionPayload, {
    nullable: true,
    description: 'Sets the name and suggested action of a box.',
  })
  async setTalentBoxAction(
    @Arg('input', () => SetTalentBoxActionInput, { description: 'The box.' })
    input: SetTalentBoxActionInput,
    @Ctx() ctx: Context,
  ) {
    return setTalentBoxAction(ctx, input);
  }
}
