import type { Context } from '../../platform/graphql/context';
import { requireGroup, shownRows } from '../../platform/graphql/personal-facts';
import { groupBy } from '../../domain/collections';
import { isStale } from '../../domain/staleness';
import { courseCatalogue } from '../fit/fit.specs';
import type { ScoringPolicy } from '../../domain/fit.policy';
import type { Position } from '../position/position.entity';
import { bestProgramme, courseImpacts, type Budget, type Need } from '../../domain/programme';
import {
  DEFAULT_PROFESSIONALISM_RULES,
  professionalismIndex,
  rulesProblems,
  type ProfessionalismRules,
  type ProfessionalismScore,
} from '../../domain/professionalism';
import { ProfessionalismRulesEntity } from '../talent/professionalism-rules.entity';
import { employeesInScope, type AnalyticsScope, type ScopedEmployee } from '../org/scope';
import type {
  CompetencyHeatMap,
  CourseNeedRank,
  EmployeeTrainingHours,
  ProfessionalismIndexType,
  TrainingCompliance,
  TrainingNeeds,
} from './analytics.types';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** JP per employee in a year, for many employees in one statement. */
async function hoursByEmployee(
  ctx: Context,
  ids: readonly number[],
  year: number,
): Promise<Map<number, number>> {
  const rows: { employee_id: number; hours: string }[] = await ctx
    .knex('training_record')
    .whereIn('employee_id', ids as number[])
    .andWhere('completed_on', '>=', `${year}-01-01`)
    .andWhere('completed_on', '<=', `${year}-12-31`)
    .groupBy('employee_id')
    .select('employee_id', ctx.knex.raw('sum(hours) as hours'));
  return new Map(rows.map((r) => [r.employee_id, Number(r.hours)]));
}

/** Who reached the yearly JP target in a scope; those below (with none first) listed by JP. */
export async function trainingCompliance(
  ctx: Context,
  scope: AnalyticsScope,
  year: number,
  target: number,
): Promise<TrainingCompliance> {
  const employees = await employeesInScope(ctx, scope);
  requireGroup(ctx, employees.length, 'the training compliance of this scope');
  const hours = await hoursByEmployee(
    ctx,
    employees.map((e) => e.id),
    year,
  );
  const all = employees.map((e) => ({ employeeId: e.id, hours: hours.get(e.id) ?? 0 }));
  const below: EmployeeTrainingHours[] = all
    .filter((e) => e.hours < target)
    .sort((a, b) => a.hours - b.hours || a.employeeId - b.employeeId)
    .map((e) => ({ ...e, shortfall: target - e.hours }));
  const total = all.reduce((s, e) => s + e.hours, 0);
  return {
    year,
    target,
    employees: all.length,
    reachedTarget: all.length - below.length,
    belowTarget: below.length,
    withoutTraining: all.filter((e) => e.hours === 0).length,
    totalHours: total,
    averageHours: all.length ? round(total / all.length) : 0,
    belowIds: below,
  };
}

interface Measured {
  employee: ScopedEmployee;
  requirements: { competencyId: number; level: number }[];
  levels: ReadonlyMap<number, { level: number; assessedOn: string }>;
}

/** Employees of a scope against a target position (or each their own), with current levels from the index: two statements and the index check. */
async function measure(
  ctx: Context,
  scope: AnalyticsScope,
  asOf: string,
  target: Position | null,
): Promise<{ measured: Measured[]; withoutPosition: number }> {
  const employees = await employeesInScope(ctx, scope);
  const positionIds = target
    ? [target.id]
    : [...new Set(employees.flatMap((e) => (e.positionId ? [e.positionId] : [])))];
  const rows: { position_id: number; competency_id: number; level: number }[] = positionIds.length
    ? await ctx
        .knex('position_requirement')
        .whereIn('position_id', positionIds)
        .orderBy(['position_id', 'ordinal', 'id'])
        .select('position_id', 'competency_id', 'level')
    : [];
  const requirements = new Map(
    [...groupBy(rows, (r) => r.position_id)].map(([id, list]) => [
      id,
      list.map((r) => ({ competencyId: r.competency_id, level: r.level })),
    ]),
  );
  const required = new Map(
    [...requirements].map(([id, list]) => [id, list.map((r) => r.competencyId)]),
  );
  const withPosition = employees.filter((e) => target || e.positionId);
  // Current levels from the ranking index (kept exact from the change log): no scan of results.
  const ranking = await ctx.ranking.current();
  // Only the levels of the competencies each one's position requires: the analyses read no others.
  const measured = withPosition.map((employee) => {
    const positionId = target ? target.id : employee.positionId!;
    return {
      employee,
      requirements: requirements.get(positionId) ?? [],
      levels: ranking.levelsOf(employee.id, asOf, required.get(positionId) ?? []),
    };
  });
  return { measured, withoutPosition: employees.length - withPosition.length };
}

/** Org unit × competency for a scope: who meets their own position's requirement, mean gap, unassessed, stale. */
export async function competencyHeatMap(
  ctx: Context,
  scope: AnalyticsScope,
  policy: ScoringPolicy,
): Promise<CompetencyHeatMap> {
  const { measured } = await measure(ctx, scope, policy.asOf, null);
  requireGroup(ctx, measured.length, 'the competency heat map of this scope');
  const competencyIds = [
    ...new Set(measured.flatMap((m) => m.requirements.map((r) => r.competencyId))),
  ];
  const codes = competencyIds.length
    ? new Map(
        (
          await ctx
            .knex('competency')
            .whereIn('id', competencyIds)
            .select<{ id: number; code: string }[]>('id', 'code')
        ).map((c) => [c.id, c.code]),
      )
    : new Map<number, string>();
  competencyIds.sort((a, b) => (codes.get(a)! < codes.get(b)! ? -1 : 1));
  const units = groupBy(measured, (m) => m.employee.orgUnitId);
  const unitCodes = units.size
    ? new Map(
        (
          await ctx
            .knex('org_unit')
            .whereIn('id', [...units.keys()])
            .select<{ id: number; code: string }[]>('id', 'code')
        ).map((u) => [u.id, u.code]),
      )
    : new Map<number, string>();
  // To an ANALYST, units and cells of fewer than MIN_GROUP_SIZE people are left out.
  const shownUnits = shownRows(ctx, [...units.entries()], ([, people]) => people.length);
  const rows = shownUnits
    .sort(([a], [b]) => (unitCodes.get(a)! < unitCodes.get(b)! ? -1 : 1))
    .map(([orgUnitId, people]) => ({
      orgUnitId,
      employees: people.length,
      cells: shownRows(
        ctx,
        competencyIds.map((competencyId) => {
          let required = 0;
          let meeting = 0;
          let gapSum = 0;
          let unassessed = 0;
          let stale = 0;
          for (const person of people) {
            const requirement = person.requirements.find((r) => r.competencyId === competencyId);
            if (!requirement) continue;
            const current = person.levels.get(competencyId);
            required++;
            if ((current?.level ?? 0) >= requirement.level) meeting++;
            gapSum += (current?.level ?? 0) - requirement.level;
            if (!current) unassessed++;
            else if (isStale(current.assessedOn, policy.asOf, policy.validityYears)) stale++;
          }
          return {
            competencyId,
            required,
            meeting,
            share: required ? round(meeting / required, 4) : 0,
            meanGap: required ? round(gapSum / required) : 0,
            unassessed,
            stale,
          };
        }),
        (cell) => cell.required,
      ),
    }));
  return { asOf: policy.asOf, competencyIds, rows };
}

/**
 * Training needs of a scope against each employee's own position (or a target position): gaps
 * by competency, courses ranked by gap levels closed per JP, and the best programme within a
 * budget of JP or rupiah.
 */
export async function trainingNeeds(
  ctx: Context,
  scope: AnalyticsScope,
  asOf: string,
  target: Position | null,
  budget: Budget | null,
): Promise<TrainingNeeds> {
  const [{ measured, withoutPosition }, catalogue] = await Promise.all([
    measure(ctx, scope, asOf, target),
    courseCatalogue(ctx),
  ]);
  requireGroup(ctx, measured.length, 'the training needs of this scope');
  const needs: Need[] = measured.flatMap((m) =>
    m.requirements.flatMap((r) => {
      const from = m.levels.get(r.competencyId)?.level ?? 0;
      return from < r.level
        ? [{ personId: m.employee.id, competencyId: r.competencyId, from, to: r.level }]
        : [];
    }),
  );
  const competencies = [...groupBy(needs, (need) => need.competencyId)]
    .map(([competencyId, list]) => {
      const gapLevels = list.reduce((s, n) => s + n.to - n.from, 0);
      return {
        competencyId,
        people: list.length,
        gapLevels,
        averageGap: round(gapLevels / list.length),
        maxGap: list.reduce((most, n) => Math.max(most, n.to - n.from), 0),
      };
    })
    .sort((a, b) => b.gapLevels - a.gapLevels || a.competencyId - b.competencyId);
  const courses = [...catalogue.values()];
  const codeOf = new Map(courses.map((c) => [c.id, c.code]));
  const ranked: CourseNeedRank[] = courseImpacts(needs, courses)
    .filter((i) => i.gapLevels > 0)
    .map((i) => ({
      ...i,
      gapLevelsPerJp: round(i.gapLevels / i.hours, 4),
      gapLevelsPerMillionRupiah: i.cost > 0 ? round(i.gapLevels / (i.cost / 1_000_000), 4) : null,
    }))
    .sort(
      (a, b) =>
        b.gapLevelsPerJp - a.gapLevelsPerJp ||
        (codeOf.get(a.courseId)! < codeOf.get(b.courseId)! ? -1 : 1),
    );
  const programme = budget ? bestProgramme(needs, courses, budget) : null;
  return {
    employees: measured.length,
    withoutPosition,
    gapLevels: needs.reduce((s, n) => s + n.to - n.from, 0),
    // To an ANALYST, needs of fewer than MIN_GROUP_SIZE people are left out.
    competencies: shownRows(ctx, competencies, (need) => need.people),
    courses: shownRows(ctx, ranked, (course) => course.participants),
    programme,
  };
}

/** The professionalism rules in force per agency (its own, else the default), read once per request. */
function rulesFor(ctx: Context): Promise<(agency: string) => ProfessionalismRules> {
  return ctx.loaders
    .custom<'all', (agency: string) => ProfessionalismRules>('analytics.rules', async (keys) => {
      const rows = await ctx.em.find(ProfessionalismRulesEntity, {});
      // Rules are data: inconsistent ones would give wrong indices, so they stop the analysis.
      for (const row of rows) {
        const problems = rulesProblems(row.rules);
        if (problems.length > 0)
          throw new Error(
            `The professionalism rules of scope "${row.scope}" are inconsistent: ${problems.join('; ')}.`,
          );
      }
      const map = new Map(rows.map((r) => [r.scope, r.rules]));
      const pick = (agency: string) =>
        map.get(agency) ?? map.get('*') ?? DEFAULT_PROFESSIONALISM_RULES;
      return keys.map(() => pick);
    })
    .load('all');
}

/** Professionalism index of many employees for a year: two statements whatever their number. */
export async function professionalismScores(
  ctx: Context,
  employees: readonly ScopedEmployee[],
  year: number,
): Promise<Map<number, ProfessionalismScore>> {
  const ids = employees.map((e) => e.id);
  const [training, ratings, rules] = await Promise.all([
    ctx.knex.raw<{
      rows: {
        employee_id: number;
        leadership: boolean;
        functional: boolean;
        hours: string;
        seminar: boolean;
      }[];
    }>(
      `select t.employee_id,
              bool_or(c.type = 'LEADERSHIP') as leadership,
              bool_or(c.type = 'FUNCTIONAL') as functional,
              coalesce(sum(t.hours) filter (where t.completed_on >= ?), 0) as hours,
              coalesce(bool_or(c.type in ('SEMINAR', 'WORKSHOP') and t.completed_on >= ?), false) as seminar
         from training_record t join course c on c.id = t.course_id
        where t.employee_id = any(?) and t.completed_on <= ?
        group by t.employee_id`,
      [`${year}-01-01`, `${year}-01-01`, ids, `${year}-12-31`],
    ),
    ctx.knex.raw<{ rows: { employee_id: number; rating: string }[] }>(
      `select distinct on (employee_id) employee_id, rating from performance_record
        where employee_id = any(?) and year <= ? order by employee_id, year desc`,
      [ids, year],
    ),
    rulesFor(ctx),
  ]);
  const facts = new Map(training.rows.map((r) => [r.employee_id, r]));
  const rating = new Map(ratings.rows.map((r) => [r.employee_id, r.rating]));
  return new Map(
    employees.map((e) => {
      const f = facts.get(e.id);
      return [
        e.id,
        professionalismIndex(
          {
            education: e.education,
            heldLeadershipCourse: f?.leadership ?? false,
            heldFunctionalCourse: f?.functional ?? false,
            hoursInYear: Number(f?.hours ?? 0),
            attendedSeminar: f?.seminar ?? false,
            rating: rating.get(e.id) ?? null,
          },
          rules(e.agency),
        ),
      ];
    }),
  );
}

/** The mean index of a scope, its dimensions, and how many fall in each band. */
/** The professionalism index of one employee for a year, many employees in one batch. */
export function professionalismIndexOf(ctx: Context, employeeId: number, year: number) {
  return ctx.loaders
    .custom<number, ProfessionalismIndexType>(`analytics.ip.${year}`, async (ids) => {
      const rows = await ctx.knex.raw<{
        rows: { id: number; education: string; agency: string }[];
      }>(
        `select e.id, e.education_code as education, a.code as agency
           from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id
          where e.id = any(?)`,
        [ids as number[]],
      );
      const scores = await professionalismScores(
        ctx,
        rows.rows.map((r) => ({ ...r, orgUnitId: 0, positionId: null, potential: null })),
        year,
      );
      return ids.map((id) => scores.get(id)!);
    })
    .load(employeeId);
}

export async function professionalismSummary(ctx: Context, scope: AnalyticsScope, year: number) {
  const employees = await employeesInScope(ctx, scope);
  const scores = [...(await professionalismScores(ctx, employees, year)).values()];
  requireGroup(ctx, scores.length, 'the professionalism index of this scope');
  const mean = (pick: (s: ProfessionalismScore) => number) =>
    scores.length ? round(scores.reduce((sum, s) => sum + pick(s), 0) / scores.length) : 0;
  const bands = DEFAULT_PROFESSIONALISM_RULES.bands.map((b) => ({
    band: b.band,
    count: scores.filter((s) => s.band === b.band).length,
  }));
  return {
    year,
    employees: scores.length,
    average: mean((s) => s.total),
    qualification: mean((s) => s.qualification),
    competency: mean((s) => s.competency),
    performance: mean((s) => s.performance),
    discipline: mean((s) => s.discipline),
    // To an ANALYST, bands of fewer than MIN_GROUP_SIZE people are left out.
    bands: shownRows(ctx, bands, (band) => band.count),
  };
}
