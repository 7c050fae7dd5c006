import type { Context } from '../../context';
import { badInput } from '../../shared/errors';
import { Employee } from '../employee/employee.entity';
import { byRank, fitsFor, readinessOfFit } from '../fit/fit.service';
import type { ScoringPolicy } from '../fit/fit.policy';
import { Position } from '../position/position.entity';
import { AnalyticsScope, employeesInScope } from '../analytics/scope';
import { SUCCESSION_BOXES } from './talent-box';
import { placements } from './talent.service';
import type { BenchStrength, SuccessionCandidate } from './talent.types';

/** Categories whose positions are key positions for succession planning. */
export const KEY_CATEGORIES = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
];

/** Where successors of a position are looked for by default: its whole agency. */
async function agencyScopeOf(ctx: Context, position: Position): Promise<AnalyticsScope> {
  const agency = await ctx
    .knex('org_unit as u')
    .join('agency as a', 'a.id', 'u.agency_id')
    .where('u.id', position.orgUnit.id)
    .first<{ code: string }>('a.code');
  return Object.assign(new AnalyticsScope(), { agencyCode: agency.code, includeSubunits: true });
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
  const fits = await fitsFor(ctx, position, employees, policy);
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
    { orgUnit: { $in: unitIds }, category: { $in: KEY_CATEGORIES } } as never,
    { orderBy: { code: 'ASC' } },
  );
  // All positions at once, so the loaders batch their profiles into the same statements.
  return Promise.all(
    positions.map(async (position) => {
      const fits = await fitsFor(ctx, position, pool, policy);
      const readiness = await Promise.all(fits.map((f) => readinessOfFit(ctx, f)));
      const count = (r: string) => readiness.filter((x) => x === r).length;
      return {
        positionId: position.id,
        pool: pool.length,
        readyNow: count('READY_NOW'),
        afterTraining: count('AFTER_TRAINING'),
        needsAssessment: count('NEEDS_ASSESSMENT'),
        blocked: count('BLOCKED'),
      };
    }),
  );
}
