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

export interface PlannedStep {
  readonly courseId: number;
  /** Gap competencies that reach their required level with this course. */
  readonly closes: number[];
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
  codes: string;
}

function keyOf(ids: ReadonlySet<number>, catalogue: Catalogue): Key {
  let hours = 0;
  let cost = 0;
  const codes: string[] = [];
  for (const id of ids) {
    const c = catalogue.get(id)!;
    hours += c.hours;
    cost += c.cost;
    codes.push(c.code);
  }
  return { hours, cost, codes: codes.sort().join('\u0000') };
}

/** Least JP, then least cost, then the alphabetically first list of codes. */
function better(a: Key, b: Key | undefined): boolean {
  if (!b) return true;
  return (
    a.hours < b.hours ||
    (a.hours === b.hours && (a.cost < b.cost || (a.cost === b.cost && a.codes < b.codes)))
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
): TrainingPlanResult {
  const open = gaps.filter((g) => g.from < g.to);
  const available = [...catalogue.values()]
    .filter((c) => !completed.has(c.id))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const options = new Map(open.map((g) => [g.competencyId, closingSets(g, available)]));
  const uncovered = open
    .filter((g) => options.get(g.competencyId)!.length === 0)
    .map((g) => g.competencyId);
  const todo = open
    .filter((g) => options.get(g.competencyId)!.length > 0)
    .sort((a, b) => options.get(a.competencyId)!.length - options.get(b.competencyId)!.length);

  let best: { ids: Set<number>; key: Key } | undefined;
  const search = (index: number, chosen: Set<number>) => {
    const closure = withPrerequisites(chosen, catalogue, completed);
    const key = keyOf(closure, catalogue);
    if (!mayBeat(key, best?.key)) return;
    if (index === todo.length) {
      if (better(key, best?.key)) best = { ids: closure, key };
      return;
    }
    const gap = todo[index];
    const courses = [...closure].map((id) => catalogue.get(id)!);
    if (reachedLevel(gap.competencyId, gap.from, courses) >= gap.to)
      return search(index + 1, chosen);
    for (const set of options.get(gap.competencyId)!)
      search(index + 1, new Set([...chosen, ...set]));
  };
  search(0, new Set(mandatory.filter((id) => !completed.has(id))));

  const ids = best?.ids ?? new Set<number>();
  return {
    steps: orderSteps(ids, open, catalogue, completed),
    totalHours: best?.key.hours ?? 0,
    totalCost: best?.key.cost ?? 0,
    closesAllGaps: uncovered.length === 0,
    uncovered,
  };
}

/**
 * A sequence for the chosen courses: a course comes after its prerequisites, and a course that
 * raises a gap competency at the level reached so far comes before one that cannot yet; ties by
 * code. Each step lists the gaps that reach their required level with it.
 */
function orderSteps(
  ids: ReadonlySet<number>,
  gaps: readonly PlanGap[],
  catalogue: Catalogue,
  completed: ReadonlySet<number>,
): PlannedStep[] {
  const level = new Map(gaps.map((g) => [g.competencyId, g.from]));
  const done = new Set(completed);
  const remaining = [...ids]
    .map((id) => catalogue.get(id)!)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const steps: PlannedStep[] = [];
  const raises = (c: PlanCourse) =>
    c.outcomes.some(
      (o) =>
        level.has(o.competencyId) &&
        reachedLevel(o.competencyId, level.get(o.competencyId)!, [c]) > level.get(o.competencyId)!,
    );
  while (remaining.length > 0) {
    const ready = remaining.filter((c) => c.prerequisiteIds.every((p) => done.has(p)));
    const next = ready.find(raises) ?? ready[0] ?? remaining[0];
    remaining.splice(remaining.indexOf(next), 1);
    done.add(next.id);
    const closes: number[] = [];
    for (const gap of gaps) {
      const before = level.get(gap.competencyId)!;
      const after = reachedLevel(gap.competencyId, before, [next]);
      level.set(gap.competencyId, after);
      if (before < gap.to && after >= gap.to) closes.push(gap.competencyId);
    }
    steps.push({ courseId: next.id, closes });
  }
  return steps;
}
