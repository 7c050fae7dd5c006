import { Role } from '../auth/auth.types';
import {
  Arg,
  Args,
  Ctx,
  Field,
  Float,
  FieldResolver,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Authorized,
} from 'type-graphql';
import type { Context } from '../../context';
import { badInput, UserErrorCode } from '../../shared/errors';
import { PageArgs, pageOfList } from '../../shared/pagination';
import { UserError } from '../../shared/user-error';
import { AnalyticsScope } from '../analytics/scope';
import { Employee } from '../employee/employee.entity';
import { EmployeeConnection } from '../employee/employee.resolver';
import { policyFrom, positionByCode } from '../fit/fit.service';
import { ScoringPolicyInput } from '../fit/fit.types';
import { Agency } from '../org/agency.entity';
import { Position } from '../position/position.entity';
import { PerformanceRating } from '../position/position.enums';
import { axesOf, cutoffProblems, SUCCESSION_BOXES } from './talent-box';
import { TalentBoxAction } from './talent-box-action.entity';
import { TalentPolicy } from './talent-policy.entity';
import { benchStrength, successionList } from './succession.service';
import {
  auditedUpsert,
  boxActions,
  cutoffsByScope,
  cutoffsFor,
  placementOf,
  talentMatrix,
} from './talent.service';
import {
  BenchStrength,
  PerformanceLevel,
  PotentialLevel,
  SuccessionCandidate,
  TalentCell,
  TalentMatrix,
  TalentPlacement,
} from './talent.types';

const YEAR = { description: 'The year; default: the current year.', nullable: true } as const;

function yearOf(ctx: Context, year: number | null | undefined): number {
  const y = year ?? Number(ctx.today.slice(0, 4));
  if (y < 1950 || y > 2200)
    throw badInput(`\`year\` must be 1950–2200, got ${y}.`, { argument: 'year' });
  return y;
}

/** Employees of an id list as a connection, in id order. */
async function employeePage(ctx: Context, ids: readonly number[], page: PageArgs) {
  const result = pageOfList(
    [...ids].sort((a, b) => a - b),
    page,
    (id) => [id],
    (id, cursor) => id > Number(cursor[0]),
  );
  const employees = await ctx.loaders.byId(Employee).loadMany(result.nodes);
  const byId = new Map(
    employees.filter((e): e is Employee => e instanceof Employee).map((e) => [e.id, e]),
  );
  return {
    ...result,
    nodes: result.nodes.map((id) => byId.get(id)!),
    edges: result.edges.map((e) => ({ cursor: e.cursor, node: byId.get(e.node)! })),
  };
}

@Resolver(() => Employee)
export class EmployeeTalentResolver {
  @FieldResolver(() => TalentPlacement, {
    nullable: true,
    description: 'Talent box for a year; null without a rating or potential score.',
  })
  async talentBox(
    @Root() employee: Employee,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<TalentPlacement | null> {
    const y = yearOf(ctx, year);
    const [placement, actions] = await Promise.all([
      placementOf(ctx, employee.id, y),
      boxActions(ctx),
    ]);
    if (!placement) return null;
    return {
      year: y,
      ...placement,
      performance: placement.performance as PerformanceLevel,
      potential: placement.potential as PotentialLevel,
      inSuccessionPool: SUCCESSION_BOXES.includes(placement.box),
      label: actions.get(placement.box)?.label ?? '',
      action: actions.get(placement.box)?.action ?? '',
    };
  }
}

@Resolver(() => TalentCell)
export class TalentCellResolver {
  @FieldResolver(() => EmployeeConnection, {
    description: 'The employees in the box, in registration order.',
  })
  employees(@Root() cell: TalentCell, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return employeePage(ctx, cell.employeeIds, page);
  }
}

@Resolver(() => TalentMatrix)
export class TalentMatrixResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.ANALYST)
  @Query(() => TalentMatrix, {
    description:
      'The 3×3 talent matrix of an org unit (with the units below) or an agency, for a year.',
  })
  async talentMatrix(
    @Arg('scope', () => AnalyticsScope, { description: 'Whose employees.' }) scope: AnalyticsScope,
    @Arg('year', () => Int, YEAR) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<TalentMatrix> {
    const [matrix, actions] = await Promise.all([
      talentMatrix(ctx, scope, yearOf(ctx, year)),
      boxActions(ctx),
    ]);
    const cells = [...matrix.byBox.entries()].map(([box, ids]) => {
      const axes = axesOf(box);
      return Object.assign(new TalentCell(), {
        box,
        performance: axes.performance as PerformanceLevel,
        potential: axes.potential as PotentialLevel,
        count: ids.length,
        employeeIds: ids,
        label: actions.get(box)?.label ?? '',
        action: actions.get(box)?.action ?? '',
      });
    });
    return Object.assign(new TalentMatrix(), {
      year: matrix.year,
      employees: matrix.employees,
      unplaced: matrix.unplaced.length,
      unplacedIds: matrix.unplaced,
      cells,
    });
  }

  @FieldResolver(() => EmployeeConnection, {
    description: 'Employees who cannot be placed (no rating or potential score).',
  })
  unplacedEmployees(
    @Root() matrix: TalentMatrix,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return employeePage(ctx, matrix.unplacedIds, page);
  }
}

@Resolver(() => BenchStrength)
export class SuccessionResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => [SuccessionCandidate], {
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
    let where = scope;
    if (!where) {
      const agency = await ctx
        .knex('org_unit as u')
        .join('agency as a', 'a.id', 'u.agency_id')
        .where('u.id', position.orgUnit.id)
        .first<{ code: string }>('a.code');
      where = Object.assign(new AnalyticsScope(), {
        agencyCode: agency.code,
        includeSubunits: true,
      });
    }
    return successionList(ctx, position, where, yearOf(ctx, year), policyFrom(ctx, policy), {
      includeOutsidePool,
      first,
    });
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => [BenchStrength], {
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
    return benchStrength(ctx, scope, yearOf(ctx, year), policyFrom(ctx, policy));
  }

  @FieldResolver(() => Position, { description: 'The key position.' })
  position(@Root() bench: BenchStrength, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Position).load(bench.positionId);
  }
}

@InputType({ description: 'Talent-matrix cut-offs for an agency, or the default.' })
export class SetTalentPolicyInput {
  @Field(() => String, { nullable: true, description: 'The agency; leave out for the default.' })
  agencyCode?: string | null;
  @Field(() => Float, { description: 'Potential at or above this is MEDIUM.' })
  potentialMediumFrom!: number;
  @Field(() => Float, { description: 'Potential at or above this is HIGH.' })
  potentialHighFrom!: number;
  @Field(() => [PerformanceRating], { description: 'Ratings above expectation.' })
  aboveRatings!: PerformanceRating[];
  @Field(() => [PerformanceRating], {
    description: 'Ratings meeting expectation; others are below.',
  })
  meetsRatings!: PerformanceRating[];
}

@ObjectType({ description: 'Result of setting talent cut-offs.' })
export class TalentPolicyPayload {
  @Field(() => TalentPolicy, {
    nullable: true,
    description: 'The cut-offs now in force for the scope.',
  })
  talentPolicy!: TalentPolicy | null;
  @Field(() => [UserError], { description: 'Empty when saved.' }) userErrors!: UserError[];
}

@InputType({ description: 'The name and suggested action of a box.' })
export class SetTalentBoxActionInput {
  @Field(() => Int, { description: 'Box 1–9.' }) box!: number;
  @Field(() => String, { description: 'Short name.' }) label!: string;
  @Field(() => String, { description: 'Suggested action.' }) action!: string;
}

@ObjectType({ description: 'Result of setting a box action.' })
export class TalentBoxActionPayload {
  @Field(() => TalentBoxAction, { nullable: true, description: 'The box as saved.' })
  talentBoxAction!: TalentBoxAction | null;
  @Field(() => [UserError], { description: 'Empty when saved.' }) userErrors!: UserError[];
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
    description: 'Sets the talent cut-offs of an agency, or the default.',
  })
  async setTalentPolicy(
    @Arg('input', () => SetTalentPolicyInput, { description: 'The cut-offs.' })
    input: SetTalentPolicyInput,
    @Ctx() ctx: Context,
  ) {
    const userErrors: UserError[] = cutoffProblems(input).map((message) => ({
      field: ['input'],
      code: UserErrorCode.INVALID,
      message,
    }));
    const bound = ctx.access.agency;
    if (bound && input.agencyCode !== bound) {
      userErrors.push({
        field: ['input', 'agencyCode'],
        code: input.agencyCode ? UserErrorCode.NOT_FOUND : UserErrorCode.REQUIRED,
        message: input.agencyCode
          ? `no agency has code "${input.agencyCode}"`
          : `agencyCode is required: the ${ctx.access.role} role sets its own agency's policy (${bound}) only`,
      });
    } else if (
      input.agencyCode &&
      !(await ctx.loaders.byKey(Agency, 'code').load(input.agencyCode))
    ) {
      userErrors.push({
        field: ['input', 'agencyCode'],
        code: UserErrorCode.NOT_FOUND,
        message: `no agency has code "${input.agencyCode}"`,
      });
    }
    if (userErrors.length > 0) return { userErrors, talentPolicy: null };
    const row = {
      scope: input.agencyCode ?? '*',
      potentialMediumFrom: input.potentialMediumFrom,
      potentialHighFrom: input.potentialHighFrom,
      aboveRatings: input.aboveRatings,
      meetsRatings: input.meetsRatings,
    };
    await auditedUpsert(
      ctx,
      'setTalentPolicy',
      'talent_policy',
      'scope',
      {
        scope: row.scope,
        potential_medium_from: row.potentialMediumFrom,
        potential_high_from: row.potentialHighFrom,
        above_ratings: row.aboveRatings,
        meets_ratings: row.meetsRatings,
      },
      input.agencyCode ?? null,
    );
    return { userErrors, talentPolicy: Object.assign(new TalentPolicy(), row) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TalentBoxActionPayload, {
    description: 'Sets the name and suggested action of a box.',
  })
  async setTalentBoxAction(
    @Arg('input', () => SetTalentBoxActionInput, { description: 'The box.' })
    input: SetTalentBoxActionInput,
    @Ctx() ctx: Context,
  ) {
    const userErrors: UserError[] = [];
    if (!Number.isInteger(input.box) || input.box < 1 || input.box > 9)
      userErrors.push({
        field: ['input', 'box'],
        code: UserErrorCode.OUT_OF_RANGE,
        message: `box must be 1–9, got ${input.box}`,
      });
    if (!input.label.trim())
      userErrors.push({
        field: ['input', 'label'],
        code: UserErrorCode.REQUIRED,
        message: 'label is required',
      });
    if (input.label.length > 100)
      userErrors.push({
        field: ['input', 'label'],
        code: UserErrorCode.OUT_OF_RANGE,
        message: 'label must be at most 100 characters',
      });
    if (userErrors.length > 0) return { userErrors, talentBoxAction: null };
    const row = { box: input.box, label: input.label.trim(), action: input.action.trim() };
    await auditedUpsert(ctx, 'setTalentBoxAction', 'talent_box_action', 'box', row, null);
    return { userErrors, talentBoxAction: Object.assign(new TalentBoxAction(), row) };
  }
}
