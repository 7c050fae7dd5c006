import type { Context } from '../../platform/graphql/context';
import { badInput } from '../../shared/errors';
import { Competency } from '../competency/competency.entity';
import type { RequirementSpec } from '../../domain/fit.scoring';
import { courseCatalogue } from './fit.specs';
import type { Assumptions } from './fit.types';
import type { Assumed } from '../../domain/what-if';

/** Bounds of a what-if, so one question cannot make the server score without end. */
const MAX_ASSUMED = 100;
const MAX_PROFILE = 50;

/** The assumptions of a what-if with codes resolved; BAD_USER_INPUT naming a bad one. */
export async function assumedFrom(ctx: Context, assume: Assumptions): Promise<Assumed> {
  for (const [name, list] of [
    ['trainings', assume.trainings],
    ['levels', assume.levels],
  ] as const)
    if ((list?.length ?? 0) > MAX_ASSUMED)
      throw badInput(`At most ${MAX_ASSUMED} ${name} can be assumed, got ${list!.length}.`, {
        argument: `assume.${name}`,
      });
  const catalogue = await courseCatalogue(ctx);
  const byCode = new Map([...catalogue.values()].map((course) => [course.code, course]));
  const courses = (assume.trainings ?? []).map((code, i) => {
    const course = byCode.get(code);
    if (!course)
      throw badInput(`No course has code "${code}".`, { argument: `assume.trainings.${i}` });
    return course;
  });
  const levels = await Promise.all(
    (assume.levels ?? []).map(async ({ competency, level }, i) => {
      if (!Number.isInteger(level) || level < 1 || level > 5)
        throw badInput(`A level is 1–5, got ${level}.`, { argument: `assume.levels.${i}.level` });
      return {
        competencyId: await competencyId(ctx, competency, `assume.levels.${i}.competency`),
        level,
      };
    }),
  );
  return { courses, levels };
}

/** A what-if profile with codes resolved and checked as a position's requirements are. */
export async function profileFrom(
  ctx: Context,
  profile: readonly {
    competency: string;
    level: number;
    weight?: number | null;
    critical?: boolean | null;
  }[],
): Promise<RequirementSpec[]> {
  if (profile.length === 0 || profile.length > MAX_PROFILE)
    throw badInput(`A profile has 1–${MAX_PROFILE} requirements, got ${profile.length}.`, {
      argument: 'profile',
    });
  const seen = new Set<string>();
  return Promise.all(
    profile.map(async (requirement, i) => {
      const at = `profile.${i}`;
      if (seen.has(requirement.competency))
        throw badInput(`"${requirement.competency}" is required more than once.`, { argument: at });
      seen.add(requirement.competency);
      if (!Number.isInteger(requirement.level) || requirement.level < 1 || requirement.level > 5)
        throw badInput(`A level is 1–5, got ${requirement.level}.`, { argument: `${at}.level` });
      const weight = requirement.weight ?? 1;
      if (!(weight > 0 && weight <= 1000))
        throw badInput(`A weight is above 0 and at most 1000, got ${weight}.`, {
          argument: `${at}.weight`,
        });
      return {
        competencyId: await competencyId(ctx, requirement.competency, `${at}.competency`),
        level: requirement.level,
        weight,
        critical: requirement.critical ?? false,
      };
    }),
  );
}

async function competencyId(ctx: Context, code: string, argument: string): Promise<number> {
  const competency = await ctx.loaders.byKey(Competency, 'code').load(code);
  if (!competency) throw badInput(`No competency has code "${code}".`, { argument });
  return competency.id;
}
