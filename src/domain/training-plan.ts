/** A course as the planner sees it. */
export interface PlanCourse {
  readonly id: number;
  readonly code: string;
  readonly hours: number;
  readonly cost: number;
  readonly outcomes: readonly { competencyId: number; minLevel: number | null; toLevel: number }[];
  readonly prerequisiteIds: readonly number[];
}

/** A competency to bring from `from` (0 = never assessed) to at least `to`. */
export interface PlanGap {
  readonly competencyId: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Why a course is in a plan, the first that holds of: the position requires it, it closes a
 * gap, it raises a gap competency on the way to a later course that closes it, it is a
 * prerequisite of another planned course.
 */
export type PlanReason = 'REQUIRED_COURSE' | 'CLOSES_GAP' | 'RAISES_LEVEL' | 'PREREQUISITE';

export interface PlannedStep {
  readonly courseId: number;
  /** Gap competencies that reach their required level with this course. */
  readonly closes: number[];
  /** Gap competencies it raises without (yet) reaching their required level. */
  readonly raises: number[];
  /** Planned courses that list it as a prerequisite. */
  readonly prerequisiteOf: number[];
  /** The position requires it to have been held. */
  readonly required: boolean;
  /** The main reason (the first of `PlanReason`'s order that holds). */
  readonly reason: PlanReason;
}

/** Hours, cost and courses of a plan by main reason; they add up to the plan's totals. */
export interface PlanReasonTotal {
  readonly reason: PlanReason;
  readonly courses: number;
  readonly hours: number;
  readonly cost: number;
}

/** The plan's courses summed by their main reason, in `PlanReason`'s order, empty ones left out. */
export function totalsByReason(
  steps: readonly PlannedStep[],
  catalogue: Catalogue,
): PlanReasonTotal[] {
  const order: PlanReason[] = ['REQUIRED_COURSE', 'CLOSES_GAP', 'RAISES_LEVEL', 'PREREQUISITE'];
  return order
    .map((reason) => {
      const mine = steps.filter((s) => s.reason === reason).map((s) => catalogue.get(s.courseId)!);
      return {
        reason,
        courses: mine.length,
        hours: mine.reduce((sum, c) => sum + c.hours, 0),
        cost: mine.reduce((sum, c) => sum + c.cost, 0),
      };
    })
    .filter((total) => total.courses > 0);
}

export interface TrainingPlanResult {
  /** In an order that respects prerequisites and entry levels. */
  readonly steps: PlannedStep[];
  readonly totalHours: number;
  readonly totalCost: number;
  readonly closesAllGaps: boolean;
  /** Competencies of gaps no combination of courses can close. */
  readonly uncovered: number[];
}

type Catalogue = ReadonlyMap<number, PlanCourse>;

/**
 * The level a competency reaches from `from` through a set of courses: an outcome applies when
 * its entry level (if any) is at most the level reached so far, so chains of courses count.
 */
export function reachedLevel(
  competencyId: number,
  from: number,
  courses: Iterable<PlanCourse>,
): number {
  const outcomes = [...courses].flatMap((c) =>
    c.outcomes.filter((o) => o.competencyId === competencyId),
  );
  let level = from;
  for (let changed = true; changed;) {
    changed = false;
    for (const o of outcomes) {
      if ((o.minLevel === null || o.minLevel <= level) && o.toLevel > level) {
        level = o.toLevel;
        changed = true;
      }
    }
  }
  return level;
}

/** `ids` with every prerequisite not yet completed, transitively. */
export function withPrerequisites(
  ids: Iterable<number>,
  catalogue: Catalogue,
  completed: ReadonlySet<number>,
): Set<number> {
  const out = new Set<number>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id) || completed.has(id)) continue;
    out.add(id);
    stack.push(...(catalogue.get(id)?.prerequisiteIds ?? []));
  }
  return out;
}

interface Key {
  hours: number;
  cost: number;
  ids: ReadonlySet<number>;
  /** The sorted course codes, made only when JP and cost tie. */
  codes?: string;
}

function keyOf(ids: ReadonlySet<number>, catalogue: Catalogue): Key {
  let hours = 0;
  let cost = 0;
  for (const id of ids) {
    const c = catalogue.get(id)!;
    hours += c.hours;
    cost += c.cost;
  }
  return { hours, cost, ids };
}

function codesOf(key: Key, catalogue: Catalogue): string {
  key.codes ??= [...key.ids]
    .map((id) => catalogue.get(id)!.code)
    .sort()
    .join('\u0000');
  return key.codes;
}

/** Least JP, then least cost, then the alphabetically first list of codes. */
function better(a: Key, b: Key | undefined, catalogue: Catalogue): boolean {
  if (!b) return true;
  return (
    a.hours < b.hours ||
    (a.hours === b.hours &&
      (a.cost < b.cost || (a.cost === b.cost && codesOf(a, catalogue) < codesOf(b, catalogue))))
  );
}

/** Whether `a` can still beat `b` (equal JP and cost may still win on codes). */
function mayBeat(a: Key, b: Key | undefined): boolean {
  return !b || a.hours < b.hours || (a.hours === b.hours && a.cost <= b.cost);
}

/**
 * Every inclusion-minimal set of courses that takes one competency from `gap.from` to `gap.to`:
 * chains where each course applies at the level the previous ones reached. Levels run 1–5, so
 * chains are at most five long and the sets few.
 */
function closingSets(gap: PlanGap, courses: readonly PlanCourse[]): number[][] {
  const relevant = courses.filter((c) =>
    c.outcomes.some((o) => o.competencyId === gap.competencyId),
  );
  const found = new Map<string, number[]>();
  const extend = (chosen: PlanCourse[], level: number) => {
    if (level >= gap.to) {
      const ids = chosen.map((c) => c.id).sort((a, b) => a - b);
      found.set(ids.join(','), ids);
      return;
    }
    for (const course of relevant) {
      if (chosen.includes(course)) continue;
      const next = reachedLevel(gap.competencyId, level, [course]);
      if (next > level) extend([...chosen, course], next);
    }
  };
  extend([], gap.from);
  const sets = [...found.values()];
  const byId = new Map(relevant.map((c) => [c.id, c]));
  // Keep only the minimal ones: no course can be dropped without leaving the gap open.
  return sets.filter((ids) =>
    ids.every(
      (drop) =>
        reachedLevel(
          gap.competencyId,
          gap.from,
          ids.filter((id) => id !== drop).map((id) => byId.get(id)!),
        ) < gap.to,
    ),
  );
}

/**
 * The set of courses that closes all closable gaps at the least total JP (ties: least cost,
 * then codes), with every prerequisite not yet completed and the `mandatory` courses (those a
 * position requires to have been held); completed courses are not planned again. Exact, not greedy: the optimum contains, for each gap, a minimal closing set of its
 * own courses, so a search that picks one minimal set per still-open gap finds it. It stays
 * fast with dozens of relevant courses because the sets per gap are few (chains of at most
 * five levels), gaps already closed by earlier picks are skipped (one leadership course closes
 * many), gaps with the fewest sets are decided first, and a branch stops as soon as its JP and
 * cost exceed the best plan found.
 */
export function planTraining(
  gaps: readonly PlanGap[],
  catalogue: Catalogue,
  completed: ReadonlySet<number>,
  mandatory: readonly number[] = [],
  setsOf: (gap: PlanGap, available: readonly PlanCourse[]) => number[][] = closingSets,
): TrainingPlanResult {
  const open = gaps.filter((g) => g.from < g.to);
  const available = [...catalogue.values()]
    .filter((c) => !completed.has(c.id))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const options = new Map(open.map((g) => [g.competencyId, [...setsOf(g, available)]]));
  const uncovered = open
    .filter((g) => options.get(g.competencyId)!.length === 0)
    .map((g) => g.competencyId);
  const todo = open
    .filter((g) => options.get(g.competencyId)!.length > 0)
    .sort((a, b) => options.get(a.competencyId)!.length - options.get(b.competencyId)!.length);

  // Each set with its prerequisites, cheapest first, so a good plan is found early and bounds
  // the rest of the search.
  const closures = new Map<number[], Set<number>>();
  for (const sets of options.values()) {
    for (const set of sets) closures.set(set, withPrerequisites(set, catalogue, completed));
    const hours = new Map(sets.map((set) => [set, keyOf(closures.get(set)!, catalogue).hours]));
    sets.sort((a, b) => hours.get(a)! - hours.get(b)!);
  }
  // The outcomes of each gap competency, to test a gap against a plan without the whole plan.
  const outcomes = new Map(
    todo.map((g) => [
      g.competencyId,
      available.flatMap((c) =>
        c.outcomes
          .filter((o) => o.competencyId === g.competencyId)
          .map((o) => ({ ...o, id: c.id })),
      ),
    ]),
  );
  const closedBy = (gap: PlanGap, plan: ReadonlySet<number>) => {
    let level = gap.from;
    const mine = outcomes.get(gap.competencyId)!;
    for (let changed = true; changed && level < gap.to;) {
      changed = false;
      for (const o of mine) {
        if (plan.has(o.id) && (o.minLevel === null || o.minLevel <= level) && o.toLevel > level) {
          level = o.toLevel;
          changed = true;
        }
      }
    }
    return level >= gap.to;
  };

  let best: { ids: Set<number>; key: Key } | undefined;
  const search = (index: number, closure: Set<number>, key: Key) => {
    if (!mayBeat(key, best?.key)) return;
    if (best && index < todo.length) {
      // A lower bound: each gap still open needs at least its cheapest set's courses that are
      // not in the plan yet (the largest such need, as sets of different gaps may overlap).
      let need = 0;
      for (let i = index; i < todo.length; i++) {
        let least = Infinity;
        for (const set of options.get(todo[i].competencyId)!) {
          let extra = 0;
          for (const id of set) if (!closure.has(id)) extra += catalogue.get(id)!.hours;
          if (extra < least) least = extra;
          if (least === 0) break;
        }
        if (least > need) need = least;
      }
      if (key.hours + need > best.key.hours) return;
    }
    if (index === todo.length) {
      if (better(key, best?.key, catalogue)) best = { ids: closure, key };
      return;
    }
    const gap = todo[index];
    if (closedBy(gap, closure)) return search(index + 1, closure, key);
    for (const set of options.get(gap.competencyId)!) {
      const next = new Set(closure);
      let { hours, cost } = key;
      for (const id of closures.get(set)!) {
        if (next.has(id)) continue;
        next.add(id);
        hours += catalogue.get(id)!.hours;
        cost += catalogue.get(id)!.cost;
      }
      search(index + 1, next, { hours, cost, ids: next });
    }
  };
  const start = withPrerequisites(
    mandatory.filter((id) => !completed.has(id)),
    catalogue,
    completed,
  );
  search(0, start, keyOf(start, catalogue));

  const ids = best?.ids ?? new Set<number>();
  return {
    steps: orderSteps(ids, open, catalogue, completed, new Set(mandatory)),
    totalHours: best?.key.hours ?? 0,
    totalCost: best?.key.cost ?? 0,
    closesAllGaps: uncovered.length === 0,
    uncovered,
  };
}

/**
 * A sequence for the chosen courses: a course comes after its prerequisites, and a course that
 * raises a gap competency at the level reached so far comes before one that cannot yet; ties by
 * code. Each step lists the gaps that reach their required level with it, those it raises short
 * of it, the planned courses that need it first, and so why it is there.
 */
function orderSteps(
  ids: ReadonlySet<number>,
  gaps: readonly PlanGap[],
  catalogue: Catalogue,
  completed: ReadonlySet<number>,
  mandatory: ReadonlySet<number>,
): PlannedStep[] {
  const level = new Map(gaps.map((g) => [g.competencyId, g.from]));
  const done = new Set(completed);
  const remaining = [...ids]
    .map((id) => catalogue.get(id)!)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const steps: PlannedStep[] = [];
  const raisesAGap = (c: PlanCourse) =>
    c.outcomes.some(
      (o) =>
        level.has(o.competencyId) &&
        reachedLevel(o.competencyId, level.get(o.competencyId)!, [c]) > level.get(o.competencyId)!,
    );
  while (remaining.length > 0) {
    const ready = remaining.filter((c) => c.prerequisiteIds.every((p) => done.has(p)));
    const next = ready.find(raisesAGap) ?? ready[0] ?? remaining[0];
    remaining.splice(remaining.indexOf(next), 1);
    done.add(next.id);
    const closes: number[] = [];
    const raises: number[] = [];
    for (const gap of gaps) {
      const before = level.get(gap.competencyId)!;
      const after = reachedLevel(gap.competencyId, before, [next]);
      level.set(gap.competencyId, after);
      if (before < gap.to && after >= gap.to) closes.push(gap.competencyId);
      else if (before < gap.to && after > before) raises.push(gap.competencyId);
    }
    const prerequisiteOf = [...ids].filter((id) =>
      catalogue.get(id)!.prerequisiteIds.includes(next.id),
    );
    const required = mandatory.has(next.id);
    const reason: PlanReason = required
      ? 'REQUIRED_COURSE'
      : closes.length > 0
        ? 'CLOSES_GAP'
        : raises.length > 0
          ? 'RAISES_LEVEL'
          : 'PREREQUISITE';
    steps.push({ courseId: next.id, closes, raises, prerequisiteOf, required, reason });
  }
  return steps;
}

/**
 * `planTraining` for many candidates against one catalogue, remembering plans: candidates of a
 * position often share their gaps, and a plan depends only on the gaps, the mandatory courses
 * and which of the courses that could enter the plan (those raising a gap competency, the
 * mandatory ones, and their prerequisites) were completed. The answer is the one
 * `planTraining` gives; only the work is shared.
 */
export class TrainingPlanner {
  private readonly plans = new Map<string, TrainingPlanResult>();
  private readonly sets = new Map<string, number[][]>();
  private readonly byCompetency = new Map<number, number[]>();

  constructor(private readonly catalogue: Catalogue) {
    for (const course of catalogue.values()) {
      for (const o of course.outcomes) {
        const list = this.byCompetency.get(o.competencyId) ?? [];
        if (!list.includes(course.id)) list.push(course.id);
        this.byCompetency.set(o.competencyId, list);
      }
    }
  }

  plan(
    gaps: readonly PlanGap[],
    completed: ReadonlySet<number>,
    mandatory: readonly number[] = [],
  ): TrainingPlanResult {
    const open = gaps.filter((g) => g.from < g.to);
    const entering = withPrerequisites(
      [...open.flatMap((g) => this.byCompetency.get(g.competencyId) ?? []), ...mandatory],
      this.catalogue,
      new Set(),
    );
    const key = [
      gaps.map((g) => `${g.competencyId}:${g.from}>${g.to}`).join(','),
      [...mandatory].sort((a, b) => a - b).join(','),
      [...entering]
        .filter((id) => completed.has(id))
        .sort((a, b) => a - b)
        .join(','),
    ].join('|');
    let plan = this.plans.get(key);
    if (!plan) {
      plan = planTraining(gaps, this.catalogue, completed, mandatory, (gap, available) => {
        // The closing sets of a gap depend only on which of its competency's courses are open.
        const mine = this.byCompetency.get(gap.competencyId) ?? [];
        const setsKey = `${gap.competencyId}:${gap.from}>${gap.to}|${mine.filter((id) => completed.has(id)).join(',')}`;
        let sets = this.sets.get(setsKey);
        if (!sets) {
          sets = closingSets(gap, available);
          this.sets.set(setsKey, sets);
        }
        return sets;
      });
      this.plans.set(key, plan);
    }
    return plan;
  }
}
