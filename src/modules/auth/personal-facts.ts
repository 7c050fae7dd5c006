import type { GraphQLResolveInfo } from 'graphql';
import { responsePathAsArray } from 'graphql';
import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { Context } from '../../context';
import { AppError, ErrorCode } from '../../shared/errors';
import type { Access } from './access';
import { Role } from './auth.types';

/**
 * Roles under the minimum group rule: they read across agencies and must not single anyone out.
 * ADMIN, HR and COMMITTEE are exempt (they see their people by name anyway), and EMPLOYEE sees
 * only themselves.
 */
export function underGroupRule(access: Access): boolean {
  return access.role === Role.ANALYST;
}

/** A size, or how to count it once asked (a list's `totalCount`). */
type Size = number | (() => Promise<number>);

/**
 * The lists of people (or of rows about one person each) answered in a request, by the response
 * path of the list field, with their whole size across pages. A row is a member of the list
 * whose `nodes` or `edges … node` it sits at; a row reached any other way (a lookup, a nested
 * object) is a member of none.
 */
export class SetSizes {
  private readonly sizes = new Map<string, Size>();

  /** Records the list answered at `info`'s field, with its whole size. */
  add(info: GraphQLResolveInfo, size: Size): void {
    this.sizes.set(responsePathAsArray(info.path).join('.'), size);
  }

  /**
   * The whole size of the list the parent of `info`'s field was answered in, or null when the
   * parent is not a member of a recorded list.
   */
  async sizeOfParentSet(info: GraphQLResolveInfo): Promise<number | null> {
    const row = info.path.prev;
    let list: typeof row;
    // `<list>.nodes.<i>` or `<list>.edges.<i>.node`
    if (row && typeof row.key === 'number' && row.prev?.key === 'nodes') list = row.prev.prev;
    else if (
      row?.key === 'node' &&
      typeof row.prev?.key === 'number' &&
      row.prev.prev?.key === 'edges'
    )
      list = row.prev.prev.prev;
    if (!list) return null;
    const size = this.sizes.get(responsePathAsArray(list).join('.'));
    if (size === undefined) return null;
    return typeof size === 'number' ? size : size();
  }
}

/**
 * Records a list of people answered at `info` (its whole size, or the function that counts it),
 * so that the per-person facts of its rows may be read under the group rule.
 */
export function recordSet<T>(ctx: Context, info: GraphQLResolveInfo, size: Size, value: T): T {
  if (underGroupRule(ctx.access)) ctx.sets.add(info, size);
  return value;
}

/**
 * The one rule on per-person facts: a role under the group rule (ANALYST) may read what tells
 * something about one person only of a row reached as a member of a list of at least
 * `MIN_GROUP_SIZE` people; a lookup (`employee`, `node`), a position's holders, a nested object,
 * or a list whose filter narrows below the minimum does not qualify. Other roles are unaffected.
 */
export async function personalFactsAllowed(
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<boolean> {
  if (!underGroupRule(ctx.access)) return true;
  const size = await ctx.sets.sizeOfParentSet(info);
  return size !== null && size >= ctx.minGroupSize;
}

const guard: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (!(await personalFactsAllowed(context, info)))
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `The ${context.access.role} role may read ${info.parentType.name}.${info.fieldName} only of people listed in a set of at least ${context.minGroupSize} (MIN_GROUP_SIZE), e.g. \`employees\` with a broad filter; not of one person looked up or of a smaller set.`,
      { field: `${info.parentType.name}.${info.fieldName}` },
    );
  return (await next()) as unknown;
};

/** Marks a field as a per-person fact: `personalFactsAllowed` decides who may read it. */
export const PersonalFact = () => UseMiddleware(guard);

/**
 * The group rule on an analysis of a scope: to a role under it (ANALYST), a scope of fewer than
 * `MIN_GROUP_SIZE` people is refused as a whole (FORBIDDEN, naming `what`).
 */
export function requireGroup(ctx: Context, size: number, what: string): void {
  if (underGroupRule(ctx.access) && size < ctx.minGroupSize)
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `The ${ctx.access.role} role may not analyse ${what}: it holds ${size < 1 ? 'no one' : 'fewer than ' + ctx.minGroupSize + ' people'} (MIN_GROUP_SIZE); widen the scope.`,
      { minGroupSize: ctx.minGroupSize },
    );
}

/**
 * The group rule on the rows of an analysis (a heat-map row or cell, a box, a band): to a role
 * under it (ANALYST), a row about 1 to `MIN_GROUP_SIZE − 1` people is left out; rows about no
 * one say nothing of anyone and stay.
 */
export function shownRows<T>(ctx: Context, rows: readonly T[], people: (row: T) => number): T[] {
  if (!underGroupRule(ctx.access)) return [...rows];
  return rows.filter((row) => {
    const size = people(row);
    return size === 0 || size >= ctx.minGroupSize;
  });
}
