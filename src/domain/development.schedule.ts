/** A course of a training plan to place in a year. */
export interface CourseToSchedule {
  readonly courseId: number;
  readonly hours: number;
  /** Courses of the plan that must be completed first. */
  readonly prerequisiteIds: readonly number[];
}

/**
 * The year each course of a plan is to be taken: plan order (which respects prerequisites),
 * each course in the first year from `startYear` that its prerequisites are done by and that
 * has room left in the yearly budget of hours; a course longer than the budget takes a year
 * of its own. A prerequisite may be taken earlier in the same year.
 */
export function scheduleCourses(
  courses: readonly CourseToSchedule[],
  yearlyHours: number,
  startYear: number,
): Map<number, number> {
  const yearOf = new Map<number, number>();
  const used = new Map<number, number>();
  for (const course of courses) {
    let year = startYear;
    for (const prerequisite of course.prerequisiteIds)
      year = Math.max(year, yearOf.get(prerequisite) ?? startYear);
    for (;;) {
      const taken = used.get(year) ?? 0;
      const fits =
        taken + course.hours <= yearlyHours || (taken === 0 && course.hours > yearlyHours);
      if (fits) break;
      year++;
    }
    yearOf.set(course.courseId, year);
    used.set(year, (used.get(year) ?? 0) + course.hours);
  }
  return yearOf;
}

/**
 * Whether a plan is on track in `year`: every course due in an earlier year is completed (the
 * courses of the year itself still have the year to go).
 */
export function onTrack(
  courses: readonly { targetYear: number; completed: boolean }[],
  year: number,
): boolean {
  return courses.every((course) => course.completed || course.targetYear >= year);
}
