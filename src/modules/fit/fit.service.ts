import type { Context } from '../../context';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import { forwardPageRequest, toPage, type Page, type PageArgs } from '../../shared/pagination';
import { Role } from '../auth/auth.types';
import { appointmentDateOf, birthDateOf } from '../employee/employee.dates';
import { Employee } from '../employee/employee.entity';
import { currentLevels } from '../employee/employee.loaders';
import { PerformanceRecord } from '../employee/performance-record.entity';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import { Position } from '../position/position.entity';
import { PositionRequirement } from '../position/position-requirement.entity';
import { requiredCourseIds } from '../position/position.service';
import { Course } from '../course/course.entity';
import { EDUCATION_LEVELS, RANKS } from '../reference/reference.data';
import { scoringPolicy, type ScoringPolicy } from './fit.policy';
import { compareFits, scoreFit, type CandidateSpec, type PositionSpec } from './fit.scoring';
import { Fit, type CandidateFilter, type Readiness, type ScoringPolicyInput } from './fit.types';
import { candidateIndex, type CandidateIndex } from './candidate-index';
import { readinessOf } from './readiness';
import { TrainingPlanner, type PlanCourse, type TrainingPlanResult } from './training-plan';

const rankOf = (code: string | null | undefined) => RANKS.find((r) => r.code === code) ?? null;
const educationOf = (code: string) => EDUCATION_LEVELS.find((e) => e.code === code)!;

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

/** A position by code, or a NOT_FOUND error naming it. */
export async function positionByCode(ctx: Context, code: string): Promise<Position> {
  const position = await ctx.loaders.byKey(Position, 'code').load(code);
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

/** The job profile of positions, batched: requirements and required courses in one statement each. */
async function positionSpec(ctx: Context, position: Position): Promise<PositionSpec> {
  const [requirements, courseIds] = await Promise.all([
    ctx.loaders
      .childrenOf(PositionRequirement, 'position', { ordinal: 'ASC', id: 'ASC' })
      .load(position.id),
    requiredCourseIds(ctx).load(position.id),
  ]);
  const courses = (await ctx.loaders.byId(Course).loadMany(courseIds)).filter(
    (c): c is Course => c instanceof Course,
  );
  const minRank = rankOf(position.minRank?.code);
  const minEducation = position.minEducation ? educationOf(position.minEducation.code) : null;
  return {
    id: position.id,
    requirements: requirements.map((r) => ({
      competencyId: r.competency.id,
      level: r.level,
      weight: r.weight,
      critical: r.critical,
    })),
    minRank: minRank && { code: minRank.code, ordinal: minRank.ordinal },
    minEducation: minEducation && { code: minEducation.code, ordinal: minEducation.ordinal },
    requiredCourses: courses.map((c) => ({ id: c.id, code: c.code })),
    minYearsOfService: position.minYearsOfService ?? null,
    minPerformance: position.minPerformance ?? null,
    performanceYears: position.performanceYears,
    retirementAge: position.retirementAge,
  };
}

/** Courses each employee completed up to a date, for many employees in one statement. */
function completedCourses(ctx: Context, asOf: string) {
  return ctx.loaders.custom<number, Set<number>>(`fit.completed.${asOf}`, async (ids) => {
    const rows: { employee_id: number; course_id: number }[] = await ctx
      .knex('training_record')
      .whereIn('employee_id', ids as number[])
      .andWhere('completed_on', '<=', asOf)
      .distinct('employee_id', 'course_id');
    const groups = new Map<number, Set<number>>(ids.map((id) => [id, new Set()]));
    for (const row of rows) groups.get(row.employee_id)?.add(row.course_id);
    return ids.map((id) => groups.get(id)!);
  });
}

/** What scoring may know of an employee, loaded in batches (levels, courses, ratings). */
async function candidateSpec(
  ctx: Context,
  employee: Employee,
  asOf: string,
): Promise<CandidateSpec> {
  const [levels, completed, performance] = await Promise.all([
    currentLevels(ctx, asOf).load(employee.id),
    completedCourses(ctx, asOf).load(employee.id),
    ctx.loaders.childrenOf(PerformanceRecord, 'employee', { year: 'DESC' }).load(employee.id),
  ]);
  const rank = rankOf(employee.rank?.code);
  const education = educationOf(employee.education.code);
  return {
    id: employee.id,
    employmentType: employee.employmentType,
    rank: rank && { code: rank.code, ordinal: rank.ordinal },
    pppkGrade: employee.pppkGrade ?? null,
    education: { code: education.code, ordinal: education.ordinal },
    birthDate: birthDateOf(employee),
    appointedOn: appointmentDateOf(employee),
    levels: new Map(
      levels.map((l) => [l.competencyId, { level: l.level, assessedOn: l.assessedOn }]),
    ),
    completedCourseIds: completed,
    performance: performance.map((p) => ({ year: p.year, rating: p.rating })),
  };
}

/** The whole course catalogue as the planner needs it, once per request (three statements). */
export function courseCatalogue(ctx: Context): Promise<Map<number, PlanCourse>> {
  return ctx.loaders
    .custom<'all', Map<number, PlanCourse>>('fit.catalogue', async (keys) => {
      const [courses, outcomes, prerequisites] = await Promise.all([
        ctx
          .knex('course')
          .select<{ id: number; code: string; hours: number; cost: string }[]>(
            'id',
            'code',
            'hours',
            'cost',
          ),
        ctx.knex('course_outcome').select<
          {
            course_id: number;
            competency_id: number;
            min_level: number | null;
            to_level: number;
          }[]
        >('course_id', 'competency_id', 'min_level', 'to_level'),
        ctx
          .knex('course_prerequisite')
          .select<{ course_id: number; prerequisite_id: number }[]>('course_id', 'prerequisite_id'),
      ]);
      const catalogue = new Map<
        number,
        PlanCourse & { outcomes: PlanCourse['outcomes'][number][]; prerequisiteIds: number[] }
      >(
        courses.map((c) => [
          c.id,
          {
            id: c.id,
            code: c.code,
            hours: c.hours,
            cost: Number(c.cost),
            outcomes: [],
            prerequisiteIds: [],
          },
        ]),
      );
      for (const o of outcomes)
        catalogue.get(o.course_id)?.outcomes.push({
          competencyId: o.competency_id,
          minLevel: o.min_level,
          toLevel: o.to_level,
        });
      for (const p of prerequisites)
        catalogue.get(p.course_id)?.prerequisiteIds.push(p.prerequisite_id);
      return keys.map(() => catalogue as Map<number, PlanCourse>);
    })
    .load('all');
}

function makeFit(
  employee: Employee,
  position: Position,
  spec: PositionSpec,
  candidate: CandidateSpec,
  policy: ScoringPolicy,
): Fit {
  return Object.assign(new Fit(), {
    employeeId: employee.id,
    positionId: position.id,
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
  return employees.map((e, i) => makeFit(e, position, spec, candidates[i], policy));
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
): Promise<Fit> {
  // The candidate from the in-memory index (one statement to bring it up to date).
  const [spec, index] = await Promise.all([
    positionSpec(ctx, position),
    candidateIndex(ctx.knex).current(),
  ]);
  const candidate =
    index.spec(employee.id, policy.asOf) ?? (await candidateSpec(ctx, employee, policy.asOf));
  return makeFit(employee, position, spec, candidate, policy);
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
  const [plan, catalogue] = await Promise.all([planOf(ctx, fit), courseCatalogue(ctx)]);
  const planned = plan.steps.map((s) => catalogue.get(s.courseId)!);
  return readinessOf(fit.result, plan, planned, fit.policy) as Readiness;
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

type RankKey = [
  qualified: number,
  jpm: number,
  unmet: number,
  missing: number,
  uncapped: number,
  employeeId: number,
];

/** Whether key `a` ranks after key `b` (the order of `compareFits`). */
function after(a: RankKey, b: readonly unknown[]): boolean {
  const [bq, bj, bu, bm, bx, bi] = b as RankKey;
  return a[0] !== bq
    ? a[0] < bq
    : a[1] !== bj
      ? a[1] < bj
      : a[2] !== bu
        ? a[2] > bu
        : a[3] !== bm
          ? a[3] > bm
          : a[4] !== bx
            ? a[4] < bx
            : a[5] > bi;
}

/**
 * Employees ranked for a position, best first (`compareFits`), within the filter. The cursor
 * holds the ranking key of the last item, so the next page starts right after it even when
 * others have moved in between: no item is shown twice.
 */
export async function rankCandidates(
  ctx: Context,
  position: Position,
  filter: CandidateFilter | null | undefined,
  policy: ScoringPolicy,
  page: PageArgs,
): Promise<Page<Fit>> {
  const units = await candidateUnits(ctx, filter);
  const [spec, index] = await Promise.all([
    positionSpec(ctx, position),
    candidateIndex(ctx.knex).current(),
  ]);
  const minJpm = filter?.minJobPersonMatch;
  const unfiltered = !units && !filter?.qualifiedOnly && minJpm == null;
  const wanted = (qualified: number, jpm: number, unit: number) =>
    (!units || units.has(unit)) &&
    (!filter?.qualifiedOnly || qualified === 1) &&
    (minJpm == null || jpm >= minJpm);
  const fitOfEntry = (e: RankedEntry) => {
    const candidate = index.spec(e.key[5], policy.asOf)!;
    return Object.assign(new Fit(), {
      employeeId: e.key[5],
      positionId: position.id,
      position: spec,
      candidate,
      policy,
      result: scoreFit(spec, candidate, policy),
    });
  };
  let ranking = rankingOf(index, spec, policy);
  if (filter?.readiness?.length) {
    const ready = new Set(filter.readiness);
    const matching: RankedEntry[] = [];
    for (let i = 0; i < ranking.length; i++) {
      const entry = ranking.entry(i);
      if (wanted(entry.key[0], entry.key[1], entry.unit)) matching.push(entry);
    }
    const readiness = await Promise.all(matching.map((e) => readinessOfFit(ctx, fitOfEntry(e))));
    ranking = PackedRanking.sorted(
      ranking.generation,
      matching.filter((_, i) => ready.has(readiness[i])),
    );
  }
  // The ranking is kept sorted: a page is a binary search for the cursor and a short scan.
  const request = forwardPageRequest(page, 6);
  const cursor = request.cursor;
  let start = 0;
  if (cursor) {
    let hi = ranking.length;
    while (start < hi) {
      const mid = (start + hi) >> 1;
      if (after(ranking.key(mid), cursor)) hi = mid;
      else start = mid + 1;
    }
  }
  const rows: RankedEntry[] = [];
  for (let i = start; i < ranking.length && rows.length <= request.limit; i++) {
    if (ranking.matches(i, wanted)) rows.push(ranking.entry(i));
  }
  const list = ranking;
  const count = () => {
    // Without a filter every ranked employee counts (readiness filtering made a new list).
    if (unfiltered) return Promise.resolve(list.length);
    let n = 0;
    for (let i = 0; i < list.length; i++) if (list.matches(i, wanted)) n++;
    return Promise.resolve(n);
  };
  const ranked = toPage(rows, request, (e) => e.key, count);
  const nodes = ranked.nodes.map(fitOfEntry);
  return {
    ...ranked,
    nodes,
    edges: ranked.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })),
  };
}

interface RankedEntry {
  readonly key: RankKey;
  readonly unit: number;
}

/**
 * A ranking of every employee for one position profile and policy, as of an index generation,
 * best first, packed into typed arrays (56 bytes an employee): six key numbers and the org unit.
 */
class PackedRanking {
  private constructor(
    readonly generation: number,
    private readonly keys: Float64Array,
    private readonly units: Int32Array,
  ) {}

  static sorted(generation: number, entries: RankedEntry[]): PackedRanking {
    entries.sort((a, b) => (after(a.key, b.key) ? 1 : after(b.key, a.key) ? -1 : 0));
    const keys = new Float64Array(entries.length * 6);
    const units = new Int32Array(entries.length);
    entries.forEach((e, i) => {
      keys.set(e.key, i * 6);
      units[i] = e.unit;
    });
    return new PackedRanking(generation, keys, units);
  }

  get length(): number {
    return this.units.length;
  }

  key(i: number): RankKey {
    const k = this.keys;
    const o = i * 6;
    return [k[o], k[o + 1], k[o + 2], k[o + 3], k[o + 4], k[o + 5]];
  }

  entry(i: number): RankedEntry {
    return { key: this.key(i), unit: this.units[i] };
  }

  /** `test` on entry `i` without making it (a scan of 100,000 allocates nothing). */
  matches(i: number, test: (qualified: number, jpm: number, unit: number) => boolean): boolean {
    return test(this.keys[i * 6], this.keys[i * 6 + 1], this.units[i]);
  }

  employeeId(i: number): number {
    return this.keys[i * 6 + 5];
  }
}

/** Rankings kept per process (each ~6 MB at 100,000 employees), the least recently used dropped. */
const RANKINGS_KEPT = 64;
const rankings = new WeakMap<object, Map<string, PackedRanking>>();

/**
 * The rank keys of every employee for a position profile and policy. Kept per process and
 * brought up to date from the index's change log (only changed employees are scored again),
 * so a committee paging through a ranking, or asking again after a write, does not pay for
 * scoring everyone each time. The words of each verdict are made only for the page shown.
 */
function rankingOf(
  index: CandidateIndex,
  spec: PositionSpec,
  policy: ScoringPolicy,
): PackedRanking {
  let cache = rankings.get(index);
  if (!cache) {
    cache = new Map();
    rankings.set(index, cache);
  }
  const key = JSON.stringify([spec, policy]);
  let ranking = cache.get(key);
  cache.delete(key);
  const score = (id: number): RankedEntry | undefined => {
    const candidate = index.spec(id, policy.asOf);
    if (!candidate) return undefined;
    const result = scoreFit(spec, candidate, policy, false);
    return {
      key: [
        Number(result.qualified),
        result.jobPersonMatch,
        result.unmetConditions.length,
        result.gaps.reduce((sum, g) => sum - g.gap, 0),
        result.jobPersonMatchUncapped,
        id,
      ],
      unit: index.orgUnitOf(id)!,
    };
  };
  const changed = ranking ? index.changedSince(ranking.generation) : null;
  if (!ranking || !changed) {
    const entries: RankedEntry[] = [];
    for (const id of index.ids()) entries.push(score(id)!);
    ranking = PackedRanking.sorted(index.generation, entries);
  } else if (changed.length > 0) {
    // Changed employees are scored again (or dropped when gone), the rest kept as they are.
    const gone = new Set(changed);
    const kept: RankedEntry[] = [];
    for (let i = 0; i < ranking.length; i++) {
      if (!gone.has(ranking.employeeId(i))) kept.push(ranking.entry(i));
    }
    for (const id of changed) {
      const entry = score(id);
      if (entry) kept.push(entry);
    }
    ranking = PackedRanking.sorted(index.generation, kept);
  }
  cache.set(key, ranking);
  if (cache.size > RANKINGS_KEPT) cache.delete(cache.keys().next().value!);
  return ranking;
}

/**
 * The org units whose people a ranking covers (null: all): the filter's unit subtree and
 * agency, within the agency the viewer is bound to.
 */
async function candidateUnits(
  ctx: Context,
  filter: CandidateFilter | null | undefined,
): Promise<Set<number> | null> {
  const sets: Set<number>[] = [];
  if (filter?.orgUnitCode) {
    const unit = await ctx.loaders.byKey(OrgUnit, 'code').load(filter.orgUnitCode);
    if (!unit) {
      throw badInput(`No org unit has code "${filter.orgUnitCode}".`, {
        argument: 'filter.orgUnitCode',
      });
    }
    sets.push(new Set(await subtreeIds(ctx, [unit.id])));
  }
  if (filter?.agencyCode) {
    const ids = (await ctx
      .knex('org_unit as u')
      .join('agency as a', 'a.id', 'u.agency_id')
      .where('a.code', filter.agencyCode)
      .pluck('u.id')) as number[];
    sets.push(new Set(ids));
  }
  // Only the people the viewer may see: the agency's, for HR and COMMITTEE. Rankings are not
  // open to other roles (an EMPLOYEE's visibility is not a set of units).
  ctx.access.require(Role.ADMIN, Role.HR, Role.COMMITTEE);
  if (ctx.access.agency) sets.push(await ctx.access.agencyUnitIds());
  if (sets.length === 0) return null;
  const [first, ...rest] = sets;
  return new Set([...first].filter((id) => rest.every((s) => s.has(id))));
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
  const fits = positions.map((p, i) => makeFit(employee, p, specs[i], candidate, policy));
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
