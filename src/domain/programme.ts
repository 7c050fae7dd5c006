import { groupBy } from './collections';

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
  // A course can only gain on the needs of the competencies it develops.
  const byCompetency = groupBy(needs, (need) => need.competencyId);
  return courses.map((course) => {
    const people = new Set<number>();
    let gapLevels = 0;
    for (const competencyId of new Set(course.outcomes.map((o) => o.competencyId))) {
      for (const need of byCompetency.get(competencyId) ?? []) {
        const g = gain(course, need);
        if (g > 0) {
          people.add(need.personId);
          gapLevels += g;
        }
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

const NODE_LIMIT = 100_000;

/**
 * The set of courses that closes the most gap levels within the budget (JP, rupiah or both),
 * ties broken by less cost, then less JP (then the first found). Branch and bound over the useful courses,
 * best ratio first; the bound adds each remaining course's own gain, which is never less than
 * what it adds to a larger set (a course's gain only shrinks as others cover the same needs).
 * Each need keeps the best gain chosen so far, so a step costs only the needs a course touches.
 */
export function bestProgramme(
  needs: readonly Need[],
  courses: readonly ProgrammeCourse[],
  budget: Budget,
): Programme {
  const impacts = new Map(courseImpacts(needs, courses).map((i) => [i.courseId, i]));
  const fits = (hours: number, cost: number) =>
    (budget.hours == null || hours <= budget.hours) && (budget.cost == null || cost <= budget.cost);
  const useful = usefulCourses(courses, impacts, fits);
  const { best, nodes } = search({
    needs,
    useful,
    impacts,
    fits,
    touches: needTouches(useful, needs),
    bound: gainBound(useful, impacts, budget),
  });
  return {
    courseIds: best.ids,
    gapLevels: best.value,
    hours: best.hours,
    cost: best.cost,
    exact: nodes <= NODE_LIMIT,
  };
}

/** Whether a programme's JP and cost are within the budget. */
type Fits = (hours: number, cost: number) => boolean;
/** Gap levels the courses from `index` on could still add at most, with this much spent. */
type Bound = (index: number, hours: number, cost: number) => number;

/** The courses that close a gap and fit the budget on their own, best ratio first (then by code). */
function usefulCourses(
  courses: readonly ProgrammeCourse[],
  impacts: ReadonlyMap<number, CourseImpact>,
  fits: Fits,
): ProgrammeCourse[] {
  return courses
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
}

/** Per useful course, the needs it raises (by index) and by how much. */
function needTouches(
  useful: readonly ProgrammeCourse[],
  needs: readonly Need[],
): (readonly (readonly [number, number])[])[] {
  return useful.map((course) =>
    needs.flatMap((need, index) => {
      const g = gain(course, need);
      return g > 0 ? [[index, g] as const] : [];
    }),
  );
}

/**
 * The bound of the search: each remaining course's own gain, and per budgeted dimension (JP,
 * rupiah) the fractional-knapsack bound of the remaining courses by gain per JP or per rupiah
 * within what is left; the least of these.
 */
function gainBound(
  useful: readonly ProgrammeCourse[],
  impacts: ReadonlyMap<number, CourseImpact>,
  budget: Budget,
): Bound {
  const suffix = useful.map((_, i) =>
    useful.slice(i).reduce((sum, c) => sum + impacts.get(c.id)!.gapLevels, 0),
  );
  // Remaining courses by gain per JP and per rupiah, for the fractional-knapsack bound.
  const byRatio = (spend: (i: CourseImpact) => number) =>
    useful
      .map((c, index) => ({
        index,
        gain: impacts.get(c.id)!.gapLevels,
        spend: spend(impacts.get(c.id)!),
      }))
      .sort((a, b) => b.gain / (b.spend || 1e-9) - a.gain / (a.spend || 1e-9));
  const dimensions = [
    budget.hours != null
      ? {
          order: byRatio((i) => i.hours),
          left: (h: number) => budget.hours! - h,
          pick: (h: number, _c: number) => h,
        }
      : null,
    budget.cost != null
      ? {
          order: byRatio((i) => i.cost),
          left: (c: number) => budget.cost! - c,
          pick: (_h: number, c: number) => c,
        }
      : null,
  ].filter((d) => d !== null);
  /** Gap levels the courses from `index` on could still add at most: each its own gain, within what is left of each budget. */
  return (index: number, hours: number, cost: number) => {
    let best = suffix[index] ?? 0;
    for (const d of dimensions) {
      let room = d.left(d.pick(hours, cost));
      let total = 0;
      for (const item of d.order) {
        if (item.index < index) continue;
        if (item.spend <= room) {
          room -= item.spend;
          total += item.gain;
        } else {
          total += item.spend > 0 ? (item.gain * room) / item.spend : item.gain;
          break;
        }
      }
      best = Math.min(best, total);
    }
    return best;
  };
}

/** What the search runs over: the useful courses in order, what each raises, the bound. */
interface SearchSpace {
  readonly needs: readonly Need[];
  readonly useful: readonly ProgrammeCourse[];
  readonly impacts: ReadonlyMap<number, CourseImpact>;
  readonly fits: Fits;
  readonly touches: readonly (readonly (readonly [number, number])[])[];
  readonly bound: Bound;
}

interface Found {
  ids: number[];
  value: number;
  hours: number;
  cost: number;
  /** The chosen courses' codes, sorted, for the last tie-break. */
  codes: string;
}

/**
 * The branch and bound: each useful course in turn taken (when it fits) or not, a branch cut
 * when its bound cannot beat the best found (or only tie it at no less cost), at most
 * `NODE_LIMIT` nodes. One recursion over shared state (each need's best gain so far, undone on
 * the way back), as it runs up to that many times.
 */
function search({ needs, useful, impacts, fits, touches, bound }: SearchSpace): {
  best: Found;
  nodes: number;
} {
  const current = new Array<number>(needs.length).fill(0);
  let best: Found = { ids: [], value: 0, hours: 0, cost: 0, codes: '' };
  let nodes = 0;
  const chosen: ProgrammeCourse[] = [];
  const visit = (index: number, value: number, hours: number, cost: number) => {
    nodes++;
    if (value >= best.value) {
      const codes = chosen
        .map((c) => c.code)
        .sort()
        .join('\u0000');
      if (
        value > best.value ||
        cost < best.cost ||
        (cost === best.cost && (hours < best.hours || (hours === best.hours && codes < best.codes)))
      ) {
        best = { ids: chosen.map((c) => c.id), value, hours, cost, codes };
      }
    }
    if (index >= useful.length || nodes > NODE_LIMIT) return;
    const reachable = value + bound(index, hours, cost);
    // Adding courses never lowers JP or cost: a branch that cannot add value must already be cheaper.
    const cannotBeCheaper = cost > best.cost || (cost === best.cost && hours >= best.hours);
    if (reachable < best.value - 1e-9 || (reachable < best.value + 1e-9 && cannotBeCheaper)) return;
    const course = useful[index];
    const impact = impacts.get(course.id)!;
    if (fits(hours + impact.hours, cost + impact.cost)) {
      const undo: [number, number][] = [];
      let added = 0;
      for (const [need, g] of touches[index]) {
        if (g > current[need]) {
          undo.push([need, current[need]]);
          added += g - current[need];
          current[need] = g;
        }
      }
      chosen.push(course);
      visit(index + 1, value + added, hours + impact.hours, cost + impact.cost);
      chosen.pop();
      for (const [need, before] of undo) current[need] = before;
    }
    visit(index + 1, value, hours, cost);
  };
  visit(0, 0, 0, 0);
  return { best, nodes };
}
