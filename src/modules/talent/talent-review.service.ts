import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../../platform/graphql/context';
import { actorOf, recordAudit } from '../../records/audit';
import { UserErrorCode } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import type { UserError } from '../../shared/user-error';
import {
  approvalProblems,
  approvedBench,
  calibrationProblems,
  draftFor,
  nominationProblems,
  type ApprovedBench,
  type FieldProblem,
  type Nominee,
  type PlanVersion,
} from '../../domain/talent-review';
import { Employee } from '../employee/employee.entity';
import { positionsByCode } from '../fit/fit.specs';
import type { ReadinessHorizon } from '../fit/fit.types';
import { agencyOfUnit } from '../org/org.service';
import { Position } from '../position/position.entity';
import { KEY_CATEGORIES } from './key-positions';
import { SuccessionNominee, SuccessionPlan, SuccessionPlanStatus } from './succession-plan.entity';
import { placements } from './talent.service';

type EmployeeResult = { userErrors: UserError[]; employee: Employee | null };
type PositionResult = { userErrors: UserError[]; position: Position | null };

const asUserErrors = (problems: readonly FieldProblem[]): UserError[] =>
  problems.map((p) => ({
    field: ['input', p.field],
    code: UserErrorCode[p.code],
    message: p.message,
  }));

const refusal = (field: string, code: UserErrorCode, message: string): UserError[] => [
  { field: ['input', field], code, message },
];

/** An employee the viewer sees, by global ID; null for any other (another agency's too). */
async function visibleEmployee(ctx: Context, globalId: string): Promise<Employee | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.typeName !== 'Employee') return null;
  const employee = await ctx.loaders.byId(Employee).load(parsed.id);
  return employee instanceof Employee ? employee : null;
}

/** How an employee is named in messages: NIP, else PPPK number, else global ID. */
function labelOf(employee: Employee, globalId: string): string {
  return employee.nip ?? employee.pppkNumber ?? globalId;
}

/**
 * Calibrates an employee's talent box for a year (the COMMITTEE of the employee's agency): the
 * box and the reason are appended beside the computed box; a later calibration of the same year
 * supersedes this one, which stays. Calibrating back to the computed box is a decision too (it
 * overrides an earlier calibration, with its reason). Audited in the same transaction.
 */
export async function calibrateTalentBox(
  ctx: Context,
  input: { employee: string; year: number; box: number; reason: string },
): Promise<EmployeeResult> {
  const currentYear = Number(ctx.today.slice(0, 4));
  const problems = asUserErrors(calibrationProblems(input, currentYear));
  const employee = await visibleEmployee(ctx, input.employee);
  if (!employee)
    problems.unshift(
      ...refusal(
        'employee',
        UserErrorCode.NOT_FOUND,
        `employee: no employee has ID ${input.employee}`,
      ),
    );
  if (problems.length > 0 || !employee) return { userErrors: problems, employee: null };
  const agency = await agencyOfUnit(ctx.knex, employee.orgUnit.id);
  const label = labelOf(employee, input.employee);
  const placed = (
    await placements(
      ctx,
      [{ id: employee.id, potential: employee.potential ?? null, agency }],
      input.year,
    )
  ).get(employee.id);
  if (!placed)
    return {
      userErrors: refusal(
        'employee',
        UserErrorCode.INVALID,
        `employee ${label} cannot be placed for ${input.year} (no rating up to that year, or no potential score), so there is no box to calibrate`,
      ),
      employee: null,
    };
  const actor = actorOf(ctx);
  const reason = input.reason.trim();
  await ctx.knex.transaction(async (trx) => {
    // One calibration of an employee at a time, so "the one it supersedes" is well defined.
    await trx('employee').where('id', employee.id).forUpdate().first('id');
    const before = await trx('talent_calibration')
      .where({ employee_id: employee.id, year: input.year })
      .orderBy('id', 'desc')
      .first<{ id: number; box: number; reason: string } | undefined>('id', 'box', 'reason');
    const [row] = await trx('talent_calibration')
      .insert({
        employee_id: employee.id,
        year: input.year,
        box: input.box,
        computed_box: placed.computedBox,
        reason,
        calibrated_by: actor.subject,
      })
      .returning<{ id: number }[]>('id');
    await recordAudit(trx, {
      actor,
      action: 'calibrateTalentBox',
      section: 'talent_calibration',
      recordKey: `${label} ${input.year}`,
      agency,
      before: before ?? null,
      after: { id: row.id, box: input.box, computedBox: placed.computedBox, reason },
    });
  });
  ctx.loaders.clear();
  return { userErrors: [], employee: await ctx.loaders.byId(Employee).load(employee.id) };
}

/** A key position the viewer sees, by code, or the user errors that say why not. */
async function keyPosition(
  ctx: Context,
  code: string,
): Promise<{ position: Position; agency: string } | UserError[]> {
  const position = await positionsByCode(ctx).load(code.trim());
  if (!position)
    return refusal(
      'positionCode',
      UserErrorCode.NOT_FOUND,
      `positionCode: no position has code "${code}"`,
    );
  if (!KEY_CATEGORIES.includes(position.category))
    return refusal(
      'positionCode',
      UserErrorCode.INVALID,
      `positionCode: ${position.code} is a ${position.category} position; succession plans are for key positions (${KEY_CATEGORIES.join(', ')})`,
    );
  return { position, agency: await agencyOfUnit(ctx.knex, position.orgUnit.id) };
}

/** The latest version of a position's plan and its successors, read under the caller's lock. */
async function latestPlan(
  trx: Knex.Transaction | Knex,
  positionId: number,
): Promise<(PlanVersion & { id: number }) | null> {
  const plan = await trx('succession_plan')
    .where('position_id', positionId)
    .orderBy('version', 'desc')
    .first<{ id: number; version: number; status: SuccessionPlanStatus } | undefined>(
      'id',
      'version',
      'status',
    );
  if (!plan) return null;
  const successors = await trx('succession_nominee')
    .where('plan_id', plan.id)
    .orderBy('id')
    .select<{ employee_id: number; readiness: Nominee['readiness']; emergency: boolean }[]>(
      'employee_id',
      'readiness',
      'emergency',
    );
  return {
    ...plan,
    successors: successors.map((s) => ({
      employeeId: s.employee_id,
      readiness: s.readiness,
      emergency: s.emergency,
    })),
  };
}

/**
 * Nominates a successor of a key position (COMMITTEE of its agency) into the position's draft
 * plan, opening the next version when there is none (after an approval). Refused: a position
 * that is not key, someone of another agency, outside the talent pool of the year, the holder,
 * a second nomination of the same person, a second emergency successor. Audited.
 */
export async function nominateSuccessor(
  ctx: Context,
  input: {
    positionCode: string;
    employee: string;
    readiness: ReadinessHorizon;
    emergency?: boolean | null;
  },
): Promise<PositionResult> {
  const found = await keyPosition(ctx, input.positionCode);
  if (Array.isArray(found)) return { userErrors: found, position: null };
  const { position, agency } = found;
  const employee = await visibleEmployee(ctx, input.employee);
  if (!employee)
    return {
      userErrors: refusal(
        'employee',
        UserErrorCode.NOT_FOUND,
        `employee: no employee has ID ${input.employee}`,
      ),
      position: null,
    };
  const label = labelOf(employee, input.employee);
  const year = Number(ctx.today.slice(0, 4));
  const employeeAgency = await agencyOfUnit(ctx.knex, employee.orgUnit.id);
  const placed = (
    await placements(
      ctx,
      [{ id: employee.id, potential: employee.potential ?? null, agency: employeeAgency }],
      year,
    )
  ).get(employee.id);
  const emergency = input.emergency ?? false;
  const actor = actorOf(ctx);
  const userErrors = await ctx.knex.transaction(async (trx) => {
    // The position's row is the lock of its plan: nominations and approvals never cross.
    await trx('position').where('id', position.id).forUpdate().first('id');
    const latest = await latestPlan(trx, position.id);
    const draft = latest?.status === SuccessionPlanStatus.DRAFT ? latest.successors : [];
    const holderIds = await trx('employee').where('position_id', position.id).pluck<number[]>('id');
    const problems = nominationProblems(
      draft,
      {
        employeeId: employee.id,
        label,
        agency: employeeAgency,
        box: placed?.box ?? null,
        emergency,
      },
      { code: position.code, agency, holderIds },
      year,
    );
    if (problems.length > 0) return asUserErrors(problems);
    const next = draftFor(latest);
    const planId = next.opens
      ? (
          await trx('succession_plan')
            .insert({
              position_id: position.id,
              version: next.version,
              status: SuccessionPlanStatus.DRAFT,
              created_by: actor.subject,
            })
            .returning<{ id: number }[]>('id')
        )[0].id
      : latest!.id;
    await trx('succession_nominee').insert({
      plan_id: planId,
      employee_id: employee.id,
      readiness: input.readiness,
      emergency,
      nominated_by: actor.subject,
    });
    await recordAudit(trx, {
      actor,
      action: 'nominateSuccessor',
      section: 'succession_plan',
      recordKey: `${position.code} v${next.version}`,
      agency,
      after: { employee: label, readiness: input.readiness, emergency, opened: next.opens },
    });
    return [];
  });
  return finish(ctx, position.id, userErrors);
}

/**
 * Approves a key position's draft plan as a whole (COMMITTEE of its agency): from then on it is
 * the plan in force and does not change. An empty draft, or none, is refused. Audited.
 */
export async function approveSuccession(
  ctx: Context,
  input: { positionCode: string },
): Promise<PositionResult> {
  const found = await keyPosition(ctx, input.positionCode);
  if (Array.isArray(found)) return { userErrors: found, position: null };
  const { position, agency } = found;
  const actor = actorOf(ctx);
  const userErrors = await ctx.knex.transaction(async (trx) => {
    await trx('position').where('id', position.id).forUpdate().first('id');
    const latest = await latestPlan(trx, position.id);
    const problems = approvalProblems(latest, position.code);
    if (problems.length > 0 || !latest) return asUserErrors(problems);
    const approvedAt = new Date();
    await trx('succession_plan').where('id', latest.id).update({
      status: SuccessionPlanStatus.APPROVED,
      approved_at: approvedAt,
      approved_by: actor.subject,
    });
    await recordAudit(trx, {
      actor,
      action: 'approveSuccession',
      section: 'succession_plan',
      recordKey: `${position.code} v${latest.version}`,
      agency,
      before: { status: SuccessionPlanStatus.DRAFT },
      after: {
        status: SuccessionPlanStatus.APPROVED,
        approvedAt: approvedAt.toISOString(),
        successors: latest.successors,
      },
    });
    return [];
  });
  return finish(ctx, position.id, userErrors);
}

async function finish(
  ctx: Context,
  positionId: number,
  userErrors: UserError[],
): Promise<PositionResult> {
  if (userErrors.length > 0) return { userErrors, position: null };
  ctx.loaders.clear();
  ctx.em.clear();
  return { userErrors, position: await ctx.loaders.byId(Position).load(positionId) };
}

/** The versions of positions' succession plans, newest first, batched across a request. */
export function plansOf(ctx: Context, positionId: number): Promise<SuccessionPlan[]> {
  return ctx.loaders
    .custom<number, SuccessionPlan[]>('talent.successionPlans', async (ids) => {
      const rows = await ctx.em.find(
        SuccessionPlan,
        { position: { $in: [...ids] } },
        { orderBy: { version: 'DESC' } },
      );
      return ids.map((id) => rows.filter((r) => r.position.id === id));
    })
    .load(positionId);
}

/** The successors of plan versions, in nomination order, batched across a request. */
export function successorsOf(ctx: Context, planId: number): Promise<SuccessionNominee[]> {
  return ctx.loaders
    .custom<number, SuccessionNominee[]>('talent.successors', async (ids) => {
      const rows = await ctx.em.find(
        SuccessionNominee,
        { plan: { $in: [...ids] } },
        { orderBy: { id: 'ASC' } },
      );
      return ids.map((id) => rows.filter((r) => r.plan.id === id));
    })
    .load(planId);
}

/** Approved successors of positions by readiness: the latest approved version of each. */
export async function approvedBenches(
  ctx: Context,
  positionIds: readonly number[],
): Promise<Map<number, ApprovedBench>> {
  const rows = await ctx.knex.raw<{
    rows: {
      position_id: number;
      employee_id: number;
      readiness: Nominee['readiness'];
      emergency: boolean;
    }[];
  }>(
    `with approved as (
       select distinct on (position_id) id, position_id from succession_plan
        where status = 'APPROVED' and position_id = any(?) order by position_id, version desc)
     select a.position_id, n.employee_id, n.readiness, n.emergency
       from approved a join succession_nominee n on n.plan_id = a.id`,
    [positionIds as number[]],
  );
  return new Map(
    positionIds.map((id) => [
      id,
      approvedBench(
        rows.rows
          .filter((r) => r.position_id === id)
          .map((r) => ({
            employeeId: r.employee_id,
            readiness: r.readiness,
            emergency: r.emergency,
          })),
      ),
    ]),
  );
}
