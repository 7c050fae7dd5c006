import { raw } from '@mikro-orm/core';
import type { Context } from '../../platform/graphql/context';
import { badInput } from '../../shared/errors';
import { EDUCATION_LEVELS, normaliseEducationCode, RANKS } from '../../domain/reference.data';
import { addYears } from '../../domain/employee.dates';
import { dayNumber } from '../../domain/days';
import { DEFAULT_ASSESSMENT_VALIDITY_YEARS } from '../../domain/staleness';
import type { SkillTest } from '../../engine/ranking';
import { Competency } from '../competency/competency.entity';
import type { CompetencyLevelFilter } from './employee.inputs';

/**
 * The codes an employee filter names, checked and made what its conditions compare (a rank's
 * or an education's ordinal, a skill condition's test), with the errors that name the
 * argument: shared by the SQL way (employee.service.ts) and the index's (employee-selection.ts).
 */

/** A rank code's ordinal (I/a lowest), or BAD_USER_INPUT naming the argument. */
export function rankOf(code: string, argument: string): number {
  const rank = RANKS.find((r) => r.code === code.trim());
  if (!rank) throw badInput(`"${code}" is not a rank code (I/a … IV/e).`, { argument });
  return rank.ordinal;
}

/** An education code's ordinal, or BAD_USER_INPUT naming the argument. */
export function educationOf(code: string, argument: string): number {
  const level = EDUCATION_LEVELS.find((e) => e.code === normaliseEducationCode(code));
  if (!level) throw badInput(`"${code}" is not an education code.`, { argument });
  return level.ordinal;
}

/** Employees by id as one array parameter (an SQL condition), however many. */
export function idsCondition(ids: readonly number[]): object {
  if (ids.length === 0) return { id: { $in: [] } };
  // One array parameter, however many employees (`= any(array)`: an index
  // scan of the ids in order, several times faster than a join to the unnested list).
  const list: unknown = raw('any(?::int[])', [`{${ids.join(',')}}`]);
  return { id: list };
}

/**
 * The skill conditions as tests of a current level and its day, every one checked first: the
 * competency exists, the levels are 1–5 and in order. `path` names the conditions in errors
 * (`path[i].minLevel`); `argumentOf` may name them otherwise.
 */
export async function skillTests(
  ctx: Context,
  conditions: readonly CompetencyLevelFilter[],
  path: string,
  argumentOf: (index: number, field?: string) => string = (i, field) =>
    field ? `${path}[${i}].${field}` : `${path}[${i}]`,
): Promise<SkillTest[]> {
  const competencies = await Promise.all(
    conditions.map((c) => ctx.loaders.byKey(Competency, 'code').load(c.code.trim())),
  );
  return conditions.map((condition, i) => {
    const competency = competencies[i];
    if (!competency)
      throw badInput(`No competency has code "${condition.code}".`, {
        argument: argumentOf(i, 'code'),
      });
    const min = condition.minLevel ?? 1;
    const max = condition.maxLevel ?? 5;
    for (const [name, level] of [
      ['minLevel', min],
      ['maxLevel', max],
    ] as const)
      if (!Number.isInteger(level) || level < 1 || level > 5)
        throw badInput(`\`${name}\` must be a level from 1 to 5, got ${level}.`, {
          argument: argumentOf(i, name),
        });
    if (min > max)
      throw badInput(`\`minLevel\` ${min} is above \`maxLevel\` ${max}.`, {
        argument: argumentOf(i),
      });
    // Fresh: assessed on or after the day the validity reaches back to.
    const freshFrom =
      condition.includeStale === false
        ? dayNumber(addYears(ctx.today, -DEFAULT_ASSESSMENT_VALIDITY_YEARS))
        : -Infinity;
    return {
      competencyId: competency.id,
      test: (level, day) => level >= min && level <= max && day >= freshFrom,
    };
  });
}
