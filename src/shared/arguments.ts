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
