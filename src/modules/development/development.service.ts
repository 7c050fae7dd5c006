import type { Context } from '../../platform/graphql/context';
import { UserErrorCode } from '../../shared/errors';
import type { UserError } from '../../shared/user-error';
import { actorOf, recordAudit } from '../../records/audit';
import type { Employee } from '../employee/employee.entity';
import { employeeByNip, fitOf, planOf, policyFrom, positionByCode } from '../fit/fit.service';
import { courseCatalogue } from '../fit/fit.specs';
import { agencyOfUnit, subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import { badInput } from '../../shared/errors';
import { YEARLY_DEVELOPMENT_HOURS } from '../../domain/reference.data';
import { DevelopmentPlan } from './development-plan.entity';
import { onTrack, scheduleCourses } from '../../domain/development.schedule';
import { allInOrder } from '../../domain/collections';

type Payload = { userErrors: UserError[]; developmentPlan: DevelopmentPlan | null };

/**
 * Turns an employee's training plan toward a position into a development plan: the courses in
 * plan order, each given a target year within the yearly hours (see `scheduleCourses`); in one
 * transaction with its audit event.
 */
export async function createDevelopmentPlan(
  ctx: Context,
  input: {
    nip: string;
    targetPositionCode: string;
    yearlyHours?: number | null;
    startYear?: number | null;
  },
): Promise<Payload> {
  const yearlyHours = input.yearlyHours ?? YEARLY_DEVELOPMENT_HOURS;
  const startYear = input.startYear ?? Number(ctx.today.slice(0, 4));
  const refuse = (field: string, code: UserErrorCode, message: string): Payload => ({
    userErrors: [{ field: ['input', field], code, message: `${field}: ${message}` }],
    developmentPlan: null,
  });
  if (!Number.isInteger(yearlyHours) || yearlyHours < 1 || yearlyHours > 1000)
    return refuse('yearlyHours', UserErrorCode.OUT_OF_RANGE, `must be 1–1000, got ${yearlyHours}`);
  if (startYear < 1950 || startYear > 2200)
    return refuse('startYear', UserErrorCode.OUT_OF_RANGE, `must be 1950–2200, got ${startYear}`);
  const [employee, position] = await allInOrder([
    employeeByNip(ctx, input.nip),
    positionByCode(ctx, input.targetPositionCode),
  ]);
  const fit = await fitOf(ctx, employee, position, policyFrom(ctx, null));
  const [plan, catalogue] = await Promise.all([planOf(ctx, fit), courseCatalogue(ctx)]);
  if (plan.steps.length === 0)
    return refuse(
      'targetPositionCode',
      UserErrorCode.INVALID,
      'the training plan toward this position is empty: no course is needed or none closes the gaps',
    );
  const inPlan = new Set(plan.steps.map((s) => s.courseId));
  const years = scheduleCourses(
    plan.steps.map((step) => {
      const course = catalogue.get(step.courseId)!;
      return {
        courseId: step.courseId,
        hours: course.hours,
        prerequisiteIds: course.prerequisiteIds.filter((id) => inPlan.has(id)),
      };
    }),
    yearlyHours,
    startYear,
  );
  const actor = actorOf(ctx);
  const id = await ctx.knex.transaction(async (trx) => {
    const [row] = await trx('development_plan')
      .insert({
        employee_id: employee.id,
        target_position_id: position.id,
        yearly_hours: yearlyHours,
        start_year: startYear,
        created_by: actor.subject,
      })
      .returning<{ id: number }[]>('id');
    await trx('development_plan_course').insert(
      plan.steps.map((step, ordinal) => ({
        plan_id: row.id,
        course_id: step.courseId,
        target_year: years.get(step.courseId)!,
        ordinal,
      })),
    );
    const agency = await agencyOfUnit(trx, employee.orgUnit.id);
    await recordAudit(trx, {
      actor,
      action: 'createDevelopmentPlan',
      section: 'developmentPlans',
      recordKey: `${input.nip} ${position.code}`,
      agency,
      after: {
        yearlyHours,
        startYear,
        courses: plan.steps.map((s) => ({
          course: catalogue.get(s.courseId)!.code,
          year: years.get(s.courseId),
        })),
      },
    });
    return row.id;
  });
  return { userErrors: [], developmentPlan: await ctx.em.findOneOrFail(DevelopmentPlan, id) };
}

export interface PlanCourseProgress {
  courseId: number;
  targetYear: number;
  completedOn: string | null;
}

/** The courses of plans with the date each was completed (null: not yet), batched per request. */
export function planProgress(ctx: Context, planId: number): Promise<PlanCourseProgress[]> {
  return ctx.loaders
    .custom<number, PlanCourseProgress[]>('development.progress', async (ids) => {
      const rows = await ctx.knex.raw<{
        rows: {
          plan_id: number;
          course_id: number;
          target_year: number;
          completed_on: string | null;
        }[];
      }>(
        `select c.plan_id, c.course_id, c.target_year,
                (select min(t.completed_on)::text from training_record t
                  where t.employee_id = p.employee_id and t.course_id = c.course_id) as completed_on
           from development_plan_course c join development_plan p on p.id = c.plan_id
          where c.plan_id = any(?) order by c.plan_id, c.ordinal`,
        [ids as number[]],
      );
      const byPlan = new Map<number, PlanCourseProgress[]>(ids.map((id) => [id, []]));
      for (const row of rows.rows)
        byPlan.get(row.plan_id)?.push({
          courseId: row.course_id,
          targetYear: row.target_year,
          completedOn: row.completed_on,
        });
      return ids.map((id) => byPlan.get(id)!);
    })
    .load(planId);
}

/** Whether a plan is on track this year (every course due earlier completed). */
export async function planOnTrack(ctx: Context, plan: DevelopmentPlan): Promise<boolean> {
  const courses = await planProgress(ctx, plan.id);
  return onTrack(
    courses.map((c) => ({ targetYear: c.targetYear, completed: c.completedOn !== null })),
    Number(ctx.today.slice(0, 4)),
  );
}

/** An employee's development plans, latest first. */
export function plansOf(ctx: Context, employee: Employee): Promise<DevelopmentPlan[]> {
  return ctx.loaders.childrenOf(DevelopmentPlan, 'employee', { id: 'DESC' }).load(employee.id);
}

/** The development plans of the people of a unit (and the units below it), with how many are on track. */
export async function unitPlans(ctx: Context, orgUnitCode: string, includeSubunits: boolean) {
  const unit = await ctx.loaders.byKey(OrgUnit, 'code').load(orgUnitCode);
  if (!unit) throw badInput(`No org unit has code "${orgUnitCode}".`, { argument: 'orgUnitCode' });
  const units = includeSubunits ? await subtreeIds(ctx, [unit.id]) : [unit.id];
  const plans = await ctx.em.find(
    DevelopmentPlan,
    { employee: { orgUnit: { $in: units } } },
    { orderBy: { id: 'DESC' } },
  );
  const tracks = await Promise.all(plans.map((plan) => planOnTrack(ctx, plan)));
  return { total: plans.length, onTrack: tracks.filter(Boolean).length, plans };
}
