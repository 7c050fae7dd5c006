/** One person's gap in one competency. */
export interface Need {
  readonly personId: number;
  readonly competencyId: number;
  readonly from: number;
  readonly to: number;
}

export interface ProgrammeCourse {
  readonly id: number;
  readonly code: string;
  readonly hours: number;
  readonly cost: number;
  readonly outcomes: readonly { competencyId: number; minLevel: number | null; toLevel: number }[];
}

export interface CourseImpact {
  readonly courseId: number;
  /** People who would gain from it (entry level met, level below requirement). */
  readonly participants: number;
  /** Gap levels it closes on its own, over all participants. */
  readonly gapLevels: number;
  /** JP and rupiah of sending every participant. */
  readonly hours: number;
  readonly cost: number;
}

export interface Programme {
  readonly courseIds: number[];
  readonly gapLevels: number;
  readonly hours: number;
  readonly cost: number;
  /** False when the search hit its limit and returns the best programme found so far. */
  readonly exact: boolean;
}

export interface Budget {
  readonly hours?: number | null;
  readonly cost?: number | null;
}

/** Levels a course adds to one need when the person takes it (from their current level). */
function gain(course: ProgrammeCourse, need: Need): number {
  let best = 0;
  for (const o of course.outcomes) {
    if (o.competencyId === need.competencyId && (o.minLevel === null || o.minLevel <= need.from)) {
      best = Math.max(best, Math.min(need.to, o.toLevel) - need.from);
    }
  }
  return best;
}

/**
 * What each course would do for a group of needs: its participants are the people with a need
 * it raises from where they stand (its entry level met), the JP and cost are per participant,
 * and the gap levels count each need once, up to its requirement.
 */
export function courseImpacts(
  needs: readonly Need[],
  courses: readonly ProgrammeCourse[],
): CourseImpact[] {
  return courses.map((course) => {
    const people = new Set<number>();
    let gapLevels = 0;
    for (const need of needs) {
      const g = gain(course, need);
      if (g > 0) {
        people.add(need.personId);
        gapLevels += g;
      }
    }
    return {
      courseId: course.id,
      participants: people.size,
      gapLevels,
      hours: people.size * course.hours,
      cost: people.size * course.cost,
    };
  });
}

/** Gap levels a set of courses closes: per need, the best level any of them brings. */
export function programmeValue(
  needs: readonly Need[],
  courses: readonly ProgrammeCourse[],
): number {
  let total = 0;
  for (const need of needs) total += Math.max(0, ...courses.map((c) => gain(c, need)));
  return total;
}

const NODE_LIMIT = 200_000;

/**
 * The set of courses that closes the most gap levels within the budget (JP, rupiah or both),
 * ties broken by less cost, then less JP, then codes. Branch and bound over the useful courses,
 * best ratio first; the bound adds each remaining course's own gain, which is never less than
 * what it adds to a larger set (a course's gain only shrinks as others cover the same needs).
 */
export function bestProgramme(
  needs: readonly Need[],
  courses: readonly ProgrammeCourse[],
  budget: Budget,
): Programme {
  const impacts = new Map(courseImpacts(needs, courses).map((i) => [i.courseId, i]));
  const fits = (hours: number, cost: number) =>
    (budget.hours == null || hours <= budget.hours) && (budget.cost == null || cost <= budget.cost);
  const useful = courses
    .filter(
      (c) =>
        impacts.get(c.id)!.gapLevels > 0 && fits(impacts.get(c.id)!.hours, impacts.get(c.id)!.cost),
    )
    .sort((a, b) => {
      const [x, y] = [impacts.get(a.id)!, impacts.get(b.id)!];
      return (
        y.gapLevels / (y.cost + y.hours + 1) - x.gapLevels / (x.cost + x.hours + 1) ||
        (a.code < b.code ? -1 : 1)
      );
    });
  let best: { ids: number[]; value: number; hours: number; cost: number; codes: string } = {
    ids: [],
    value: 0,
    hours: 0,
    cost: 0,
    codes: '',
  };
  let nodes = 0;
  const chosen: ProgrammeCourse[] = [];
  const visit = (index: number, hours: number, cost: number) => {
    nodes++;
    const value = programmeValue(needs, chosen);
    const codes = chosen
      .map((c) => c.code)
      .sort()
      .join('\u0000');
    if (
      value > best.value ||
      (value === best.value &&
        (cost < best.cost ||
          (cost === best.cost &&
            (hours < best.hours || (hours === best.hours && codes < best.codes)))))
    ) {
      best = { ids: chosen.map((c) => c.id), value, hours, cost, codes };
    }
    if (index >= useful.length || nodes > NODE_LIMIT) return;
    let bound = value;
    for (let i = index; i < useful.length; i++) bound += impacts.get(useful[i].id)!.gapLevels;
    if (bound < best.value) return;
    const course = useful[index];
    const impact = impacts.get(course.id)!;
    if (fits(hours + impact.hours, cost + impact.cost)) {
      chosen.push(course);
      visit(index + 1, hours + impact.hours, cost + impact.cost);
      chosen.pop();
    }
    visit(index + 1, hours, cost);
  };
  visit(0, 0, 0);
  return {
    courseIds: best.ids,
    gapLevels: best.value,
    hours: best.hours,
    cost: best.cost,
    exact: nodes <= NODE_LIMIT,
  };
}
