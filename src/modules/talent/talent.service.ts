import { actorOf, recordAudit } from '../../records/audit';
import type { Context } from '../../platform/graphql/context';
import { requireGroup, shownRows } from '../../platform/graphql/personal-facts';
import { employeesInScope, type AnalyticsScope, type ScopedEmployee } from '../org/scope';
import { UserErrorCode } from '../../shared/errors';
import type { UserError } from '../../shared/user-error';
import { Agency } from '../org/agency.entity';
import {
  axesOf,
  cutoffProblems,
  DEFAULT_CUTOFFS,
  placeInBox,
  SUCCESSION_BOXES,
  type TalentCutoffs,
} from '../../domain/talent-box';
import {
  calibrationKey,
  calibrationsInForce,
  reviewedPlacement,
  type Calibration,
  type ReviewedPlacement,
} from '../../domain/talent-review';
import type {
  SetTalentBoxActionInput,
  SetTalentPolicyInput,
  TalentBoxActionPayload,
  TalentPolicyPayload,
} from './talent.inputs';
import {
  TalentCell,
  TalentMatrix,
  type PerformanceLevel,
  type PotentialLevel,
  type TalentPlacement,
} from './talent.types';
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
 * the latest assessment up to its end (else the employee's recorded potential score); the box in
 * force is the talent committee's calibration for the year when there is one. Every reader of
 * boxes (the matrix, the pool, succession, bench strength, actions per box) comes through here.
 */
export async function placements(
  ctx: Context,
  employees: readonly Pick<ScopedEmployee, 'id' | 'potential' | 'agency'>[],
  year: number,
): Promise<Map<number, ReviewedPlacement | null>> {
  const ids = employees.map((e) => e.id);
  const [facts, cutoffs, calibrated] = await Promise.all([
    talentFacts(ctx, ids, year),
    cutoffsByScope(ctx),
    calibrationsOf(ctx, ids, year),
  ]);
  return new Map(
    employees.map((e) => {
      const potential = facts.assessedPotential.get(e.id) ?? e.potential;
      const computed = placeInBox(
        facts.ratings.get(e.id) ?? [],
        potential,
        year,
        cutoffsFor(cutoffs, e.agency),
      );
      // The committee's calibration for the year, when there is one, is the box in force.
      const calibration = calibrated.get(calibrationKey(e.id, year));
      return [e.id, computed ? reviewedPlacement(computed, calibration) : null];
    }),
  );
}

/** The calibrations in force for employees and a year (their history read in one statement). */
async function calibrationsOf(
  ctx: Context,
  ids: readonly number[],
  year: number,
): Promise<Map<string, Calibration>> {
  const rows = await ctx.knex.raw<{ rows: Calibration[] }>(
    `select id, employee_id as "employeeId", year, box, reason
       from talent_calibration where employee_id = any(?) and year = ?`,
    [ids as number[], year],
  );
  return calibrationsInForce(rows.rows);
}

/** One employee's box, batched across the employees of a request. */
export function placementOf(
  ctx: Context,
  employeeId: number,
  year: number,
): Promise<ReviewedPlacement | null> {
  return ctx.loaders
    .custom<number, ReviewedPlacement | null>(`talent.placement.${year}`, async (ids) => {
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
      actor: actorOf(ctx),
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

/** An employee's talent box for a year, with its name and suggested action; null when unplaceable. */
export async function talentBoxOf(
  ctx: Context,
  employeeId: number,
  year: number,
): Promise<TalentPlacement | null> {
  const [placement, actions] = await Promise.all([
    placementOf(ctx, employeeId, year),
    boxActions(ctx),
  ]);
  if (!placement) return null;
  return {
    year,
    ...placement,
    performance: placement.performance as PerformanceLevel,
    potential: placement.potential as PotentialLevel,
    inSuccessionPool: SUCCESSION_BOXES.includes(placement.box),
    label: actions.get(placement.box)?.label ?? '',
    action: actions.get(placement.box)?.action ?? '',
  };
}

/** The talent matrix of a scope as the API answers it: nine named cells and the unplaced. */
export async function talentMatrixOf(
  ctx: Context,
  scope: AnalyticsScope,
  year: number,
): Promise<TalentMatrix> {
  const [matrix, actions] = await Promise.all([talentMatrix(ctx, scope, year), boxActions(ctx)]);
  requireGroup(ctx, matrix.employees, 'the talent matrix of this scope');
  // To an ANALYST, boxes of fewer than MIN_GROUP_SIZE people are left out.
  const boxes = shownRows(ctx, [...matrix.byBox.entries()], ([, ids]) => ids.length);
  const cells = boxes.map(([box, ids]) => {
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

/**
 * Sets the talent cut-offs of an agency (HR: its own only) or the default, refusing
 * disordered ones; audited.
 */
export async function setTalentPolicy(
  ctx: Context,
  input: SetTalentPolicyInput,
): Promise<TalentPolicyPayload> {
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

/** Sets the name and suggested action of a box; audited. */
export async function setTalentBoxAction(
  ctx: Context,
  input: SetTalentBoxActionInput,
): Promise<TalentBoxActionPayload> {
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
