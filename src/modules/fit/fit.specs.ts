import type { Context } from '../../platform/graphql/context';
import { Employee } from '../employee/employee.entity';
import { Position } from '../position/position.entity';
import { EDUCATION_LEVELS, RANKS } from '../../domain/reference.data';
import { candidateSpecOf, loadEmployeeFacts, type EmployeeFacts } from '../../engine/ranking';
import type { CandidateSpec, PositionSpec } from '../../domain/fit.scoring';
import type { PlanCourse } from '../../domain/training-plan';
import { prepared } from '../../platform/db/prepared';
import type { LeanReader } from '../../platform/db/lean';
import { Competency } from '../competency/competency.entity';

/**
 * What the pure scoring reads, made from the database: a position's job profile, an
 * employee's candidate spec, the course catalogue. Each is built one way, in batches.
 */

const rankOf = (code: string | null | undefined) => RANKS.find((r) => r.code === code) ?? null;
const educationOf = (code: string) => EDUCATION_LEVELS.find((e) => e.code === code)!;

/** A position's requirements and required courses, as one statement reads them. */
interface ProfileRow {
  id: number;
  requirements: { c: number; l: number; w: number; k: boolean }[];
  courses: { id: number; code: string }[];
}

/** The same, with the required competencies as their lean reader selects them. */
type ProfileColumns = Omit<ProfileRow, 'id'> & { competencies: Record<string, unknown>[] };

/**
 * The requirements (in their order) and the required courses (by code) of many positions in
 * one statement, for this request.
 */
function positionProfiles(ctx: Context) {
  return ctx.loaders.custom<number, ProfileRow>('fit.positionProfile', async (ids) => {
    const sql = `select p.id, ${profileColumns(ctx.loaders.readerOf(Competency))}
                   from unnest(?::int[]) as p(id)`;
    const { rows } = await ctx.knex
      .raw<{ rows: (ProfileColumns & { id: number })[] }>(sql, [ids as number[]])
      .options(prepared(sql));
    const byId = new Map<number, ProfileRow>();
    for (const row of rows) byId.set(row.id, await profileOf(ctx, row.id, row));
    return ids.map((id) => byId.get(id) ?? { id, requirements: [], courses: [] });
  });
}

/**
 * Positions by code, each with its job profile in the same statement: the profile goes to
 * `positionSpec`'s loader and the position to the position loaders (after the viewer's
 * visibility), so a fit or a ranking of a position named by code waits for one statement.
 */
export function positionsByCode(ctx: Context) {
  return ctx.loaders.custom<string, Position | null>('fit.positionByCode', async (codes) => {
    const position = ctx.loaders.readerOf(Position);
    const sql = `select ${position.select('p')}, ${profileColumns(ctx.loaders.readerOf(Competency))}
                   from ${position.table} as p where p.code = any(?)`;
    const { rows } = await ctx.knex
      .raw<{ rows: (ProfileColumns & Record<string, unknown>)[] }>(sql, [codes as string[]])
      .options(prepared(sql));
    const read = rows.map((row) => position.map(row));
    const visible = new Set(await ctx.loaders.primeByKey(Position, 'code', read));
    const byCode = new Map<string, Position>();
    for (const [i, row] of rows.entries()) {
      if (!visible.has(read[i])) continue;
      byCode.set(read[i].code, read[i]);
      positionProfiles(ctx).prime(read[i].id, await profileOf(ctx, read[i].id, row));
    }
    return codes.map((code) => byCode.get(code) ?? null);
  });
}

/** A profile as read, its required competencies handed to their loader. */
async function profileOf(ctx: Context, id: number, row: ProfileColumns): Promise<ProfileRow> {
  // The required competencies go to their loader: a fit's gaps name them without a statement.
  const competency = ctx.loaders.readerOf(Competency);
  await ctx.loaders.primeById(
    Competency,
    row.competencies.map((c) => competency.map(c)),
  );
  return { id, requirements: row.requirements, courses: row.courses };
}

/** The profile's columns of the position aliased `p`, the competencies as `competency` selects them. */
const profileColumns = (competency: LeanReader<Competency>) => `
              coalesce((select json_agg(json_build_object('c', r.competency_id, 'l', r.level,
                                          'w', r.weight, 'k', r.critical)
                                        order by r.ordinal, r.id)
                          from position_requirement r where r.position_id = p.id), '[]') as requirements,
              coalesce((select json_agg(json_build_object('id', c.id, 'code', c.code) order by c.code)
                          from position_required_course pc join course c on c.id = pc.course_id
                         where pc.position_id = p.id), '[]') as courses,
              coalesce((select json_agg(x) from (select ${competency.select('c')} from competency c
                         where c.id in (select r.competency_id from position_requirement r
                                         where r.position_id = p.id)) x), '[]') as competencies`;

/** The job profile of a position (batched with the others of the request: one statement). */
export async function positionSpec(ctx: Context, position: Position): Promise<PositionSpec> {
  const profile = await positionProfiles(ctx).load(position.id);
  const minRank = rankOf(position.minRank?.code);
  const minEducation = position.minEducation ? educationOf(position.minEducation.code) : null;
  return {
    id: position.id,
    requirements: profile.requirements.map((r) => ({
      competencyId: r.c,
      level: r.l,
      weight: r.w,
      critical: r.k,
    })),
    minRank: minRank && { code: minRank.code, ordinal: minRank.ordinal },
    minEducation: minEducation && { code: minEducation.code, ordinal: minEducation.ordinal },
    requiredCourses: profile.courses.map((c) => ({ id: c.id, code: c.code })),
    minYearsOfService: position.minYearsOfService ?? null,
    minPerformance: position.minPerformance ?? null,
    performanceYears: position.performanceYears,
    retirementAge: position.retirementAge,
    disciplineLevel: position.disciplineLevel ?? null,
    disciplineYears: position.disciplineYears,
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
