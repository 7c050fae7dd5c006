import type { Context } from '../../platform/graphql/context';
import { Course } from '../course/course.entity';
import { TrainingRecord } from './training-record.entity';

/** An employee's completion of a course on a day (there is at most one). */
export async function completionOf(
  ctx: Context,
  employeeId: number,
  courseCode: string,
  completedOn: Date,
): Promise<TrainingRecord | null> {
  const course = await ctx.loaders.byKey(Course, 'code').load(courseCode);
  if (!course) return null;
  return ctx.em.findOne(TrainingRecord, {
    employee: employeeId,
    course: course.id,
    completedOn: completedOn.toISOString().slice(0, 10),
  });
}
