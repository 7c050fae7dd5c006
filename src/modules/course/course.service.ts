import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../platform/graphql/context';
import { paginate } from '../../platform/db/keyset';
import { containsPattern, sortKeys } from '../../shared/order';
import type { PageArgs } from '../../shared/pagination';
import { Course } from './course.entity';
import type { CourseFilter, CourseOrder } from './course.inputs';

const COURSE_SORT = {
  CODE: 'code',
  NAME: 'title',
  TITLE: 'title',
  HOURS: 'hours',
  COST: 'cost',
} as const;

/** A page of the course catalogue matching the filter. */
export function listCourses(
  ctx: Context,
  filter: CourseFilter | null | undefined,
  order: CourseOrder | null | undefined,
  page: PageArgs,
) {
  const where: FilterQuery<Course> & Record<string, unknown> = {};
  if (filter?.type) where.type = filter.type;
  if (filter?.modality) where.modality = filter.modality;
  if (filter?.provider) where.provider = { $ilike: containsPattern(filter.provider) };
  if (filter?.developsCompetency) {
    where.id = {
      $in: ctx
        .knex('course_outcome as o')
        .join('competency as c', 'c.id', 'o.competency_id')
        .where('c.code', filter.developsCompetency)
        .select('o.course_id') as never,
    };
  }
  if (filter?.search) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ code: { $ilike: pattern } }, { title: { $ilike: pattern } }];
  }
  return paginate(ctx.em, Course, where, sortKeys(order, COURSE_SORT, 'CODE'), page);
}

/** Prerequisites (or, with `inverse`, dependants) of many courses in one statement. */
export function prerequisiteIds(ctx: Context, inverse: boolean) {
  const [from, to] = inverse ? ['prerequisite_id', 'course_id'] : ['course_id', 'prerequisite_id'];
  return ctx.loaders.custom<number, number[]>(`course.prerequisites.${inverse}`, async (ids) => {
    const rows: { from: number; to: number }[] = await ctx
      .knex('course_prerequisite as p')
      .join('course as c', 'c.id', `p.${to}`)
      .whereIn(`p.${from}`, ids as number[])
      .orderBy('c.code')
      .select({ from: `p.${from}`, to: `p.${to}` });
    const groups = new Map<number, number[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row.from)?.push(row.to);
    return ids.map((id) => groups.get(id) ?? []);
  });
}
