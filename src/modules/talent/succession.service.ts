import type { Context } from '../../platform/graphql/context';
import { AppError, badInput, ErrorCode } from '../../shared/errors';
import { Employee } from '../employee/employee.entity';
import { byRank, indexedFitsFor, readinessHorizonOfFit, readinessOfFit } from '../fit/fit.service';
import { YEARLY_DEVELOPMENT_HOURS } from '../../domain/reference.data';
import { addYears, birthDateOf } from '../../domain/employee.dates';
import type { ScoringPolicy } from '../../domain/fit.policy';
import { agencyOfUnit } from '../org/org.service';
import { Position } from '../position/position.entity';
import { AnalyticsScope, employeesInScope } from '../org/scope';
import { SUCCESSION_BOXES } from '../../domain/talent-box';
import { placements } from './talent.service';
import { KEY_CATEGORIES } from './key-positions';
import { approvedBenches } from './talent-review.service';
import { approvedBench } from '../../domain/talent-review';
import {
  Vacancy as VacancyType,
  type BenchStrength,
  type SuccessionCandidate,
  type Vacancy,
} from './talent.types';

export { KEY_CATEGORIES };

/** Where successors of a position are looked for by default: its whole agency. */
async function agencyScopeOf(ctx: Context, position: Position): Promise<AnalyticsScope> {
  const agencyCode = await agencyOfUnit(ctx.knex, position.orgUnit.id);
  return Object.assign(new AnalyticsScope(), { agencyCode, includeSubunits: true });
}

/**
 * A succession list: the talent pool of the scope (the position's agency by default; boxes
 * 9, 8, 7, in that order), each by fit within the box; with `includeOutsidePool`, everyone
 * else follows by fit.
 */
export async function successionList(
  ctx: Context,
  position: Position,
  scopeAsked: AnalyticsScope | null,
  year: number,
  policy: ScoringPolicy,
  options: { includeOutsidePool: boolean; first: number },
): Promise<SuccessionCandidate[]> {
  if (options.first < 1 || options.first > 100)
    throw badInput(`\`first\` must be between 1 and 100, got ${options.first}.`);
  const scope = scopeAsked ?? (await agencyScopeOf(ctx, position));
  const scoped = await employeesInScope(ctx, scope);
  const boxes = await placements(ctx, scoped, year);
  const boxOf = (id: number) => boxes.get(id)?.box ?? null;
  const chosen = scoped.filter(
    (e) => options.includeOutsidePool || SUCCESSION_BOXES.includes(boxOf(e.id) ?? 0),
  );
  const employees = (await ctx.loaders.byId(Employee).loadMany(chosen.map((e) => e.id))).filter(
    (e): e is Employee => e instanceof Employee,
  );
  const fits = await indexedFitsFor(ctx, position, employees, policy);
  const poolRank = (id: number) => {
    const index = SUCCESSION_BOXES.indexOf(boxOf(id) ?? 0);
    return index < 0 ? SUCCESSION_BOXES.length : index;
  };
  fits.sort((a, b) => poolRank(a.employeeId) - poolRank(b.employeeId) || byRank(a, b));
  const page = fits.slice(0, options.first);
  const readiness = await Promise.all(page.map((f) => readinessOfFit(ctx, f)));
  return page.map((fit, i) => ({ box: boxOf(fit.employeeId), fit, readiness: readiness[i] }));
}

/** For every key position of the scope's units: how many of its talent pool are ready, and how. */
export async function benchStrength(
  ctx: Context,
  scope: AnalyticsScope,
  year: number,
  policy: ScoringPolicy,
  /** Only these key positions (by id), when not all of the scope's are wanted. */
  positionIds?: readonly number[],
): Promise<BenchStrength[]> {
  const scoped = await employeesInScope(ctx, scope);
  const unitIds = [...new Set(scoped.map((e) => e.orgUnitId))];
  const boxes = await placements(ctx, scoped, year);
  const poolIds = scoped
    .filter((e) => SUCCESSION_BOXES.includes(boxes.get(e.id)?.box ?? 0))
    .map((e) => e.id);
  const pool = (await ctx.loaders.byId(Employee).loadMany(poolIds)).filter(
    (e): e is Employee => e instanceof Employee,
  );
  const positions = await ctx.em.find(
    Position,
    {
      orgUnit: { $in: unitIds },
      category: { $in: [...KEY_CATEGORIES] },
      ...(positionIds ? { id: { $in: [...positionIds] } } : {}),
    } as never,
    { orderBy: { code: 'ASC' } },
  );
  const approved = await approvedBenches(
    ctx,
    positions.map((p) => p.id),
  );
  // All positions at once, so the loaders batch their profiles into the same statements.
  return Promise.all(
    positions.map(async (position) => {
      const fits = await indexedFitsFor(ctx, position, pool, policy);
      const [readiness, horizons] = await Promise.all([
        Promise.all(fits.map((f) => readinessOfFit(ctx, f))),
        Promise.all(fits.map((f) => readinessHorizonOfFit(ctx, f, YEARLY_DEVELOPMENT_HOURS))),
      ]);
      const count = (list: string[], value: string) => list.filter((x) => x === value).length;
      return {
        positionId: position.id,
        pool: pool.length,
        readyNow: count(readiness, 'READY_NOW'),
        afterTraining: count(readiness, 'AFTER_TRAINING'),
        needsAssessment: count(readiness, 'NEEDS_ASSESSMENT'),
        blocked: count(readiness, 'BLOCKED'),
        readyInOneToTwoYears: count(horizons, 'ONE_TO_TWO_YEARS'),
        readyLater: count(horizons, 'LATER'),
        // The committee's approved successors stand beside the computed bench.
        ...(approved.get(position.id) ?? approvedBench([])),
      };
    }),
  );
}

/**
 * Key positions of an agency whose holders reach the position's retirement age (BUP: birth
 * date plus the position's retirement age) by `asOf` plus `within` years, soonest first, each
 * with its bench (the agency's talent pool by readiness).
 */
export async function vacanciesAhead(
  ctx: Context,
  agencyCode: string,
  within: number,
  year: number,
  policy: ScoringPolicy,
): Promise<Vacancy[]> {
  const until = addYears(policy.asOf, within);
  const holders = await ctx
    .knex('employee as e')
    .join('position as p', 'p.id', 'e.position_id')
    .join('org_unit as u', 'u.id', 'p.org_unit_id')
    .join('agency as a', 'a.id', 'u.agency_id')
    .where('a.code', agencyCode)
    .whereIn('p.category', [...KEY_CATEGORIES])
    .select<
      {
        employee_id: number;
        nip: string | null;
        birth_date: string | null;
        position_id: number;
        retirement_age: number;
      }[]
    >(
      'e.id as employee_id',
      'e.nip',
      ctx.knex.raw('e.birth_date::text as birth_date'),
      'p.id as position_id',
      'p.retirement_age',
    );
  const leaving = holders
    .map((h) => {
      const born = birthDateOf({ nip: h.nip, birthDate: h.birth_date });
      return { ...h, retiresOn: born ? addYears(born, h.retirement_age) : null };
    })
    .filter(
      (h): h is typeof h & { retiresOn: string } => h.retiresOn !== null && h.retiresOn <= until,
    )
    .sort((a, b) =>
      a.retiresOn < b.retiresOn
        ? -1
        : a.retiresOn > b.retiresOn
          ? 1
          : a.position_id - b.position_id,
    );
  if (leaving.length === 0) return [];
  const scope = Object.assign(new AnalyticsScope(), { agencyCode, includeSubunits: true });
  const benches = new Map(
    (
      await benchStrength(
        ctx,
        scope,
        year,
        policy,
        leaving.map((h) => h.position_id),
      )
    ).map((bench) => [bench.positionId, bench]),
  );
  return leaving.map((h) =>
    Object.assign(new VacancyType(), {
      positionId: h.position_id,
      holderId: h.employee_id,
      retiresOn: h.retiresOn,
      bench: benches.get(h.position_id) ?? emptyBench(h.position_id),
    }),
  );
}

function emptyBench(positionId: number): BenchStrength {
  return {
    positionId,
    pool: 0,
    readyNow: 0,
    afterTraining: 0,
    needsAssessment: 0,
    blocked: 0,
    readyInOneToTwoYears: 0,
    readyLater: 0,
    ...approvedBench([]),
  };
}

/**
 * The agency an agency-wide question is about: a caller bound to one (HR, COMMITTEE) asks
 * about its own (another answers NOT_FOUND, as it would not exist); ADMIN names one.
 */
export function agencyArgument(ctx: Context, agencyCode: string | null): string {
  const bound = ctx.access.agency;
  if (bound && agencyCode && agencyCode !== bound)
    throw new AppError(ErrorCode.NOT_FOUND, `No agency has code "${agencyCode}".`, {
      argument: 'agencyCode',
    });
  const agency = bound ?? agencyCode;
  if (!agency) throw badInput('`agencyCode` is required.', { argument: 'agencyCode' });
  return agency;
}
