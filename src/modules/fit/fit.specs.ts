import type { Context } from '../../context';
import { Employee } from '../employee/employee.entity';
import { Course } from '../course/course.entity';
import { Position } from '../position/position.entity';
import { PositionRequirement } from '../position/position-requirement.entity';
import { requiredCourseIds } from '../position/position.service';
import { EDUCATION_LEVELS, RANKS } from '../reference/reference.data';
import { candidateSpecOf, loadEmployeeFacts, type EmployeeFacts } from './candidate-facts';
import type { CandidateSpec, PositionSpec } from './fit.scoring';
import type { PlanCourse } from './training-plan';

/**
 * What the pure scoring reads, made from the database: a position's job profile, an
 * employee's candidate spec, the course catalogue. Each is built one way, in batches.
 */

const rankOf = (code: string | null | undefined) => RANKS.find((r) => r.code === code) ?? null;
const educationOf = (code: string) => EDUCATION_LEVELS.find((e) => e.code === code)!;

/** The job profile of positions, batched: requirements and required courses in one statement each. */
export async function positionSpec(ctx: Context, position: Position): Promise<PositionSpec> {
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

/** The facts of employees, many in one batch (four statements), for this request. */
function employeeFacts(ctx: Context) {
  return ctx.loaders.custom<number, EmployeeFacts | undefined>('fit.facts', async (ids) => {
    const facts = await loadEmployeeFacts(ctx.knex, { ids });
    const byId = new Map(facts.map((f) => [f.id, f]));
    return ids.map((id) => byId.get(id));
  });
}

/** What scoring may know of an employee as of a date (the same facts the ranking index keeps). */
export async function candidateSpec(
  ctx: Context,
  employee: Employee,
  asOf: string,
): Promise<CandidateSpec> {
  const facts = await employeeFacts(ctx).load(employee.id);
  if (!facts) throw new Error(`employee ${employee.id} has no facts`);
  return candidateSpecOf(facts, asOf);
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
