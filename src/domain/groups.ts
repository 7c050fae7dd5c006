/**
 * The fewest people a role under the group rule (ANALYST) may single out: the usual minimum
 * cell of statistical offices (`MIN_GROUP_SIZE`).
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** A group of a headcount: its count, and whether it gathers withheld groups. */
export interface CountedGroup {
  readonly count: number;
}

/**
 * Withholds every group smaller than `min`: they are gathered into one row (made by
 * `gathered` from their total) at the end, only when that total itself reaches `min`;
 * otherwise they are left out altogether. Groups of `min` or more keep their order.
 */
export function suppressSmallGroups<T extends CountedGroup>(
  groups: readonly T[],
  min: number,
  gathered: (total: number) => T,
): T[] {
  const shown = groups.filter((group) => group.count >= min);
  if (shown.length === groups.length) return shown;
  const total = groups.reduce((sum, group) => sum + (group.count < min ? group.count : 0), 0);
  return total >= min ? [...shown, gathered(total)] : shown;
}
