import { actorOf, recordAudit } from '../audit/audit.service';
import type { Context } from '../../context';
import { employeesInScope, type AnalyticsScope, type ScopedEmployee } from '../analytics/scope';
import { DEFAULT_CUTOFFS, placeInBox, type Placement, type TalentCutoffs } from './talent-box';
import { TalentBoxAction } from './talent-box-action.entity';
import { TalentPolicy } from './talent-policy.entity';

/** Cut-offs per scope (`*` and agency codes), read once per request. */
export function cutoffsByScope(ctx: Context): Promise<Map<string, TalentCutoffs>> {
  return ctx.loaders
    .custom<'all', Map<string, TalentCutoffs>>('talent.cutoffs', async (keys) => {
      const rows = await ctx.em.find(TalentPolicy, {});
      const map = new Map<string, TalentCutoffs>(rows.map((r) => [r.scope, r]));
      return keys.map(() => map);
    })
    .load('all');
}

/** The cut-offs that apply to an agency: its own, else the default. */
export function cutoffsFor(all: Map<string, TalentCutoffs>, agency: string): TalentCutoffs {
  return all.get(agency) ?? all.get('*') ?? DEFAULT_CUTOFFS;
}

/** Box names and actions, read once per request. */
export function boxActions(ctx: Context): Promise<Map<number, TalentBoxAction>> {
  return ctx.loaders
    .custom<'all', Map<number, TalentBoxAction>>('talent.actions', async (keys) => {
      const rows = await ctx.em.find(TalentBoxAction, {}, { orderBy: { box: 'ASC' } });
      return keys.map(() => new Map(rows.map((r) => [r.box, r])));
    })
    .load('all');
}

interface TalentFacts {
  ratings: Map<number, { year: number; rating: string }[]>;
  assessedPotential: Map<number, number>;
}

/** Latest ratings up to a year and latest assessed potential up to its end, for many employees in two statements. */
async function talentFacts(
  ctx: Context,
  ids: readonly number[],
  year: number,
): Promise<TalentFacts> {
  const [ratingRows, potentialRows] = await Promise.all([
    ctx.knex.raw<{ rows: { employee_id: number; year: number; rating: string }[] }>(
      `select distinct on (employee_id) employee_id, year, rating from performance_record
        where employee_id = any(?) and year <= ? order by employee_id, year desc`,
      [ids as number[], year],
    ),
    ctx.knex.raw<{ rows: { employee_id: number; potential: string }[] }>(
      `select distinct on (employee_id) employee_id, potential from assessment
        where employee_id = any(?) and potential is not null and assessed_on <= ? order by employee_id, assessed_on desc, id desc`,
      [ids as number[], `${year}-12-31`],
    ),
  ]);
  return {
    ratings: new Map(
      ratingRows.rows.map((r) => [r.employee_id, [{ year: r.year, rating: r.rating }]]),
    ),
    assessedPotential: new Map(potentialRows.rows.map((r) => [r.employee_id, Number(r.potential)])),
  };
}

/**
 * Talent boxes of employees for a year: the latest rating up to the year, and the potential of
 * the latest assessment up to its end (else the employee's recorded potential score).
 */
export async function placements(
  ctx: Context,
  employees: readonly ScopedEmployee[],
  year: number,
): Promise<Map<number, Placement | null>> {
  const [facts, cutoffs] = await Promise.all([
    talentFacts(
      ctx,
      employees.map((e) => e.id),
      year,
    ),
    cutoffsByScope(ctx),
  ]);
  return new Map(
    employees.map((e) => {
      const potential = facts.assessedPotential.get(e.id) ?? e.potential;
      return [
        e.id,
        placeInBox(facts.ratings.get(e.id) ?? [], potential, year, cutoffsFor(cutoffs, e.agency)),
      ];
    }),
  );
}

/** One employee's box, batched across the employees of a request. */
export function placementOf(
  ctx: Context,
  employeeId: number,
  year: number,
): Promise<Placement | null> {
  return ctx.loaders
    .custom<number, Placement | null>(`talent.placement.${year}`, async (ids) => {
      const rows = await ctx.knex.raw<{ rows: ScopedEmployee[] }>(
        `select e.id, e.potential::float8 as potential, a.code as agency
           from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id
          where e.id = any(?)`,
        [ids as number[]],
      );
      const found = await placements(ctx, rows.rows, year);
      return ids.map((id) => found.get(id) ?? null);
    })
    .load(employeeId);
}

/** The 3×3 matrix of a scope for a year: per box, who is in it; and who cannot be placed. */
export async function talentMatrix(ctx: Context, scope: AnalyticsScope, year: number) {
  const employees = await employeesInScope(ctx, scope);
  const placed = await placements(ctx, employees, year);
  const byBox = new Map<number, number[]>(Array.from({ length: 9 }, (_, i) => [i + 1, []]));
  const unplaced: number[] = [];
  for (const e of employees) {
    const p = placed.get(e.id);
    if (p) byBox.get(p.box)!.push(e.id);
    else unplaced.push(e.id);
  }
  return { year, employees: employees.length, byBox, unplaced };
}

/**
 * Upserts one row of a talent setting table with its audit event (before and after) in one
 * transaction, then forgets what the request had cached.
 */
export async function auditedUpsert(
  ctx: Context,
  action: string,
  table: 'talent_policy' | 'talent_box_action',
  key: string,
  row: Record<string, unknown>,
  agency: string | null,
): Promise<void> {
  await ctx.knex.transaction(async (trx) => {
    const before: unknown =
      (await trx(table)
        .where(key, row[key] as string | number)
        .forUpdate()
        .first<Record<string, unknown> | undefined>()) ?? null;
    const [after] = await trx(table)
      .insert(row)
      .onConflict(key)
      .merge()
      .returning<Record<string, unknown>[]>('*');
    await recordAudit(trx, {
      actor: actorOf(ctx.access.viewer),
      action,
      section: table,
      recordKey: String(row[key]),
      agency,
      before,
      after,
    });
  });
  ctx.loaders.clear();
}
