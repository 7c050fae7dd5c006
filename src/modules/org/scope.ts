import { Field, InputType } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { AppError, badInput, ErrorCode } from '../../shared/errors';

@InputType({
  description:
    'Whose data an aggregate covers: one org unit (and the units below it) or one agency.',
})
export class AnalyticsScope {
  @Field(() => String, { nullable: true, description: 'An org unit code.' })
  orgUnitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'An agency code (all its units).' })
  agencyCode?: string | null;

  @Field(() => Boolean, {
    defaultValue: true,
    description: 'With `orgUnitCode`: include the units below it, recursively.',
  })
  includeSubunits!: boolean;
}

/** An employee as aggregates need them: one row, no entity. */
export interface ScopedEmployee {
  id: number;
  orgUnitId: number;
  positionId: number | null;
  potential: number | null;
  education: string;
  agency: string;
}

/**
 * Every employee in a scope, in one statement (the org-unit tree is walked inside it), so an
 * aggregate costs the same number of statements for a unit of 5 people or 50,000.
 */
export async function employeesInScope(
  ctx: Context,
  scope: AnalyticsScope,
): Promise<ScopedEmployee[]> {
  if (!scope.orgUnitCode === !scope.agencyCode)
    throw badInput('Give exactly one of `orgUnitCode` and `agencyCode`.', { argument: 'scope' });
  const unitFilter = scope.orgUnitCode
    ? scope.includeSubunits
      ? `e.org_unit_id in (with recursive tree(id) as (
           select id from org_unit where code = ?
           union select u.id from org_unit u join tree t on u.parent_id = t.id) select id from tree)`
      : `u.code = ?`
    : `a.code = ?`;
  const result = await ctx.knex.raw<{ rows: (ScopedEmployee & { potential: string | null })[] }>(
    `select e.id, e.org_unit_id as "orgUnitId", e.position_id as "positionId", e.potential, e.education_code as education,
            a.code as agency
       from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id
      where ${unitFilter} ${ctx.access.agency ? 'and a.code = ?' : ''}
      order by e.id`,
    [scope.orgUnitCode ?? scope.agencyCode!, ...(ctx.access.agency ? [ctx.access.agency] : [])],
  );
  if (result.rows.length === 0) await assertScopeExists(ctx, scope);
  return result.rows.map((r) => ({
    id: r.id,
    orgUnitId: r.orgUnitId,
    positionId: r.positionId,
    potential: r.potential === null ? null : Number(r.potential),
    education: r.education,
    agency: r.agency,
  }));
}

/**
 * An empty scope is an answer; an unknown code is an error that names it, and so is a unit or
 * agency outside the agency the viewer is bound to (it is not found, for them).
 */
async function assertScopeExists(ctx: Context, scope: AnalyticsScope): Promise<void> {
  const agency = ctx.access.agency;
  const query = scope.orgUnitCode
    ? ctx
        .knex('org_unit as u')
        .join('agency as a', 'a.id', 'u.agency_id')
        .where('u.code', scope.orgUnitCode)
    : ctx.knex('agency as a').where('a.code', scope.agencyCode!);
  if (agency) query.andWhere('a.code', agency);
  const found: { code: string } | undefined = await query.first<{ code: string }>('a.code');
  if (!found) {
    const what = scope.orgUnitCode
      ? `org unit has code "${scope.orgUnitCode}"`
      : `agency has code "${scope.agencyCode}"`;
    throw new AppError(ErrorCode.NOT_FOUND, `No ${what}.`, { argument: 'scope' });
  }
}
