import { badInput } from './errors';

/** The years a `year` argument may name (the rated years the data model holds). */
export const YEAR_RANGE = { from: 1950, to: 2200 } as const;

/** A `year` argument: the year asked for, or the year of `today`; BAD_USER_INPUT outside the range. */
export function yearArgument(today: string, year: number | null | undefined): number {
  const value = year ?? Number(today.slice(0, 4));
  if (value < YEAR_RANGE.from || value > YEAR_RANGE.to)
    throw badInput(`\`year\` must be ${YEAR_RANGE.from}–${YEAR_RANGE.to}, got ${value}.`, {
      argument: 'year',
    });
  return value;
}

/** A whole-number argument within `[min, max]`, or BAD_USER_INPUT naming it. */
export function rangeArgument(name: string, value: number, min: number, max: number): number {
  if (value < min || value > max)
    throw badInput(`\`${name}\` must be ${min}–${max}, got ${value}.`, { argument: name });
  return value;
}

/** Budget arguments, which cannot be negative; null when neither is given. */
export function budgetArguments(
  hours: number | null | undefined,
  cost: number | null | undefined,
): { hours: number | null | undefined; cost: number | null | undefined } | null {
  if ((hours ?? 0) < 0 || (cost ?? 0) < 0)
    throw badInput('Budgets cannot be negative.', {
      argument: hours != null && hours < 0 ? 'budgetHours' : 'budgetCost',
    });
  return hours != null || cost != null ? { hours, cost } : null;
}
