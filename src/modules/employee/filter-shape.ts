/** What an `EmployeeFilter` asks to be done: the conditions that cost work, and how deep it nests. */
export interface FilterShape {
  /** Skill conditions (`competencies` entries): each is a scan of the ranking index. */
  skills: number;
  /** Nested filters (each `and`/`or` item and each `not`): each is a condition of its own. */
  branches: number;
  /** How deep `and`/`or`/`not` nest (0: a filter without nested ones). */
  depth: number;
}

/**
 * The shape of an `EmployeeFilter` value as a client sent it (a literal, a variable's JSON, a
 * default) or as it was coerced: skill conditions, nested filters, nesting depth. Lenient, as
 * input coercion is: a single value where a list is expected counts as a list of one, anything
 * not an object counts nothing. Walked with a stack, not by recursion, so a filter nested
 * thousands deep is measured (and refused), not a stack overflow.
 */
export function employeeFilterShape(value: unknown): FilterShape {
  const shape: FilterShape = { skills: 0, branches: 0, depth: 0 };
  const stack: { filter: unknown; depth: number }[] = [{ filter: value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { filter, depth } = next;
    if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) continue;
    shape.depth = Math.max(shape.depth, depth);
    const { competencies, and, or, not } = filter as Record<string, unknown>;
    shape.skills += listOf(competencies).filter((c) => c !== null && c !== undefined).length;
    for (const nested of [...listOf(and), ...listOf(or), ...(not == null ? [] : [not])]) {
      if (nested === null || nested === undefined) continue;
      shape.branches++;
      stack.push({ filter: nested, depth: depth + 1 });
    }
  }
  return shape;
}

/** A list input as coercion reads it: a list, one value as a list of one, null as none. */
function listOf(value: unknown): readonly unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
