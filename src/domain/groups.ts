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

/** A mean of a group as computed, with what the group rule needs to judge it. */
export interface GroupMean {
  /** The mean over the contributors (null: none). */
  readonly mean: number | null;
  /** The employees the mean is over (for a mean level: those assessed in the competency). */
  readonly contributors: number;
  /** The row gathers withheld groups (`suppressed`): it has no one mean. */
  readonly suppressed: boolean;
}

/**
 * A group's mean as it may be shown, rounded to two decimals: null for a row of withheld groups,
 * for no contributors, and, to a role under the group rule (`restricted`), for fewer than `min`
 * contributors: a mean of one person's level is that person's level.
 */
export function shownMean(group: GroupMean, min: number, restricted: boolean): number | null {
  if (group.suppressed || group.mean === null || group.contributors === 0) return null;
  if (restricted && group.contributors < min) return null;
  return Math.round(group.mean * 100) / 100;
}
