import type { Context } from '../../platform/graphql/context';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import { Employee } from '../employee/employee.entity';
import { Position } from '../position/position.entity';
import { Course } from '../course/course.entity';
import { scoringPolicy, type ScoringPolicy } from '../../domain/fit.policy';
import { scoreFit, type CandidateSpec, type PositionSpec } from '../../domain/fit.scoring';
import { candidateSpec, courseCatalogue, positionsByCode, positionSpec } from './fit.specs';
import { Fit, type Readiness, type ReadinessHorizon, type ScoringPolicyInput } from './fit.types';
import type { CurrentRanking } from '../../engine/ranking';
import { compareFits } from '../../domain/ranking';
import { readinessHorizon, readinessOf } from '../../domain/readiness';
import { assumeCandidate, type Assumed } from '../../domain/what-if';
import { TrainingPlanner, type TrainingPlanResult } from '../../domain/training-plan';

/** The policy of a request: the input's choices over the defaults, validated. */
export function policyFrom(
  ctx: Context,
  input: ScoringPolicyInput | null | undefined,
): ScoringPolicy {
  const asOf = input?.asOf
    ? input.asOf instanceof Date
      ? input.asOf.toISOString().slice(0, 10)
      : String(input.asOf).slice(0, 10)
    : ctx.today;
  const threshold = input?.minJobPersonMatch;
  if (threshold != null && (threshold < 0 || threshold > 100)) {
    throw badInput(`policy.minJobPersonMatch must be 0–100, got ${threshold}.`, {
      argument: 'policy.minJobPersonMatch',
    });
  }
  const validity = input?.validityYears;
  if (validity != null && (validity < 0 || validity > 50)) {
    throw badInput(`policy.validityYears must be 0–50, got ${validity}.`, {
      argument: 'policy.validityYears',
    });
  }
  return scoringPolicy(asOf, {
    scale: input?.scale ?? undefined,
    capPerCompetency: input?.capPerCompetency ?? undefined,
    capTotal: input?.capTotal ?? undefined,
    minJobPersonMatch: threshold ?? undefined,
    validityYears: validity ?? undefined,
  });
}

/** A position by code (its job profile read in the same statement), or a NOT_FOUND error naming it. */
export async function positionByCode(ctx: Context, code: string): Promise<Position> {
  const position = await positionsByCode(ctx).load(code);
  if (!position)
    throw new AppError(ErrorCode.NOT_FOUND, `No position has code "${code}".`, {
      argument: 'positionCode',
    });
  return position;
}

/** An employee by NIP, or a NOT_FOUND error naming it. */
export async function employeeByNip(ctx: Context, nip: string): Promise<Employee> {
  const employee = await ctx.loaders.byKey(Employee, 'nip').load(nip.trim());
  if (!employee)
    throw new AppError(ErrorCode.NOT_FOUND, `No employee has NIP ${nip}.`, { argument: 'nip' });
  return employee;
}

/** The one way a `Fit` is made: the pure scoring of a candidate against a job profile. */
export function newFit(
  employeeId: number,
  positionId: number,
  spec: PositionSpec,
  candidate: CandidateSpec,
  policy: ScoringPolicy,
): Fit {
  return Object.assign(new Fit(), {
    employeeId,
    positionId,
    position: spec,
    candidate,
    policy,
    result: scoreFit(spec, candidate, policy),
  });
}

/** How many employees fit one position, with their data loaded in batches. */
export async function fitsFor(
  ctx: Context,
  position: Position,
  employees: readonly Employee[],
  policy: ScoringPolicy,
): Promise<Fit[]> {
  const spec = await positionSpec(ctx, position);
  const candidates = await Promise.all(employees.map((e) => candidateSpec(ctx, e, policy.asOf)));
  return employees.map((e, i) => newFit(e.id, position.id, spec, candidates[i], policy));
}

/**
 * The same fits, with the candidates from the ranking index (kept exact from the change log)
 * instead of read afresh: for analyses of whole pools (bench strength, succession).
 */
export async function indexedFitsFor(
  ctx: Context,
  position: Position,
  employees: readonly Employee[],
  policy: ScoringPolicy,
): Promise<Fit[]> {
  const [spec, ranking] = await Promise.all([positionSpec(ctx, position), ctx.ranking.current()]);
  const candidates = await Promise.all(
    employees.map(
      async (e) =>
        ranking.candidate(e.id, policy.asOf) ?? (await candidateSpec(ctx, e, policy.asOf)),
    ),
  );
  return employees.map((e, i) => newFit(e.id, position.id, spec, candidates[i], policy));
}

/** Orders fits as `candidates` ranks them. */
export function byRank(a: Fit, b: Fit): number {
  return compareFits(
    { ...a.result, employeeId: a.employeeId },
    { ...b.result, employeeId: b.employeeId },
  );
}

/** How one employee fits one position. */
export async function fitOf(
  ctx: Context,
  employee: Employee,
  position: Position,
  policy: ScoringPolicy,
  options: {
    assumed?: Assumed;
    /** The ranking brought up to date by the caller (a query's, started with its lookups). */
    ranking?: Promise<CurrentRanking>;
  } = {},
): Promise<Fit> {
  const { assumed } = options;
  // The candidate from the in-memory index (one statement to bring it up to date).
  const [spec, ranking] = await Promise.all([
    positionSpec(ctx, position),
    options.ranking ?? ctx.ranking.current(),
  ]);
  const candidate =
    ranking.candidate(employee.id, policy.asOf) ??
    (await candidateSpec(ctx, employee, policy.asOf));
  // A what-if scores the candidate as if; nothing is written.
  const scored = assumed ? assumeCandidate(candidate, assumed, policy.asOf) : candidate;
  return newFit(employee.id, position.id, spec, scored, policy);
}

const planners = new WeakMap<object, TrainingPlanner>();

/** One planner per catalogue read, so candidates with the same gaps share one plan computation. */
async function trainingPlanner(ctx: Context): Promise<TrainingPlanner> {
  const catalogue = await courseCatalogue(ctx);
  let planner = planners.get(catalogue);
  if (!planner) {
    planner = new TrainingPlanner(catalogue);
    planners.set(catalogue, planner);
  }
  return planner;
}

/** The plan of a fit, computed once and shared by `trainingPlan` and `readiness`. */
export function planOf(ctx: Context, fit: Fit): Promise<TrainingPlanResult> {
  fit.plan ??= trainingPlanner(ctx).then((planner) => {
    const gaps = fit.result.gaps.map((g) => ({
      competencyId: g.competencyId,
      from: g.actual ?? 0,
      to: g.required,
    }));
    const mandatory = fit.position.requiredCourses.map((c) => c.id);
    return planner.plan(gaps, fit.candidate.completedCourseIds, mandatory);
  });
  return fit.plan;
}

/** READY_NOW, AFTER_TRAINING, NEEDS_ASSESSMENT or BLOCKED (see `readinessOf`). */
export async function readinessOfFit(ctx: Context, fit: Fit): Promise<Readiness> {
  // A frozen fit (a selection's) answers what was computed when it was frozen.
  if (fit.frozenReadiness) return fit.frozenReadiness;
  const [plan, catalogue] = await Promise.all([planOf(ctx, fit), courseCatalogue(ctx)]);
  const planned = plan.steps.map((s) => catalogue.get(s.courseId)!);
  return readinessOf(fit.result, plan, planned, fit.policy) as Readiness;
}

/** Ready now, in 1–2 years or later, against `yearlyHours` of development a year (see `readinessHorizon`). */
export async function readinessHorizonOfFit(
  ctx: Context,
  fit: Fit,
  yearlyHours: number,
): Promise<ReadinessHorizon> {
  const [readiness, plan] = await Promise.all([readinessOfFit(ctx, fit), planOf(ctx, fit)]);
  return readinessHorizon(readiness, plan.totalHours, yearlyHours) as ReadinessHorizon;
}

/** Courses that close a gap on their own: reaching the level, entry level at most the current one. */
export async function coursesClosing(
  ctx: Context,
  gap: { competencyId: number; actual: number | null; required: number },
): Promise<Course[]> {
  const catalogue = await courseCatalogue(ctx);
  const ids = [...catalogue.values()]
    .filter((c) =>
      c.outcomes.some(
        (o) =>
          o.competencyId === gap.competencyId &&
          o.toLevel >= gap.required &&
          (o.minLevel === null || o.minLevel <= (gap.actual ?? 0)),
      ),
    )
    .sort((a, b) => a.hours - b.hours || a.cost - b.cost || (a.code < b.code ? -1 : 1))
    .map((c) => c.id);
  return (await ctx.loaders.byId(Course).loadMany(ids)).filter(
    (c): c is Course => c instanceof Course,
  );
}

/**
 * The positions an employee fits best (a career view): qualified first, then higher JPM, fewer
 * unmet conditions, and among equals the more demanding profile (higher Σ weight × level).
 */
export async function bestFitPositions(
  ctx: Context,
  employee: Employee,
  policy: ScoringPolicy,
  first: number,
  categories: readonly string[] | null | undefined,
): Promise<Fit[]> {
  if (first < 1 || first > 100)
    throw badInput(`\`first\` must be between 1 and 100, got ${first}.`, { argument: 'first' });
  const where: Record<string, unknown> = categories?.length
    ? { category: { $in: categories } }
    : {};
  const visible = await ctx.access.positionCondition();
  if (visible) where.$and = [visible];
  const positions = await ctx.em.find(Position, where, {
    orderBy: { id: 'ASC' },
  });
  const candidate = await candidateSpec(ctx, employee, policy.asOf);
  const specs = await Promise.all(positions.map((p) => positionSpec(ctx, p)));
  const fits = positions.map((p, i) => newFit(employee.id, p.id, specs[i], candidate, policy));
  const demand = (f: Fit) =>
    f.position.requirements.reduce((sum, r) => sum + r.weight * r.level, 0);
  fits.sort(
    (a, b) =>
      Number(b.result.qualified) - Number(a.result.qualified) ||
      b.result.jobPersonMatch - a.result.jobPersonMatch ||
      a.result.unmetConditions.length - b.result.unmetConditions.length ||
      demand(b) - demand(a) ||
      a.positionId - b.positionId,
  );
  return fits.slice(0, first);
}
