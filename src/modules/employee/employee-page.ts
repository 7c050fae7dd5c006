import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Context } from '../../platform/graphql/context';
import { prepared } from '../../platform/db/prepared';
import { Competency } from '../competency/competency.entity';
import { Agency } from '../org/agency.entity';
import { OrgUnit } from '../org/org-unit.entity';
import { Position } from '../position/position.entity';
import { PositionRequirement } from '../position/position-requirement.entity';
import type { Employee } from './employee.entity';
import {
  byCode,
  currentLevels,
  LEVEL_ARRAYS,
  latestLevels,
  levelsOf,
  type CurrentLevel,
  type LevelColumns,
} from './employee.loaders';
import { REQUIREMENT_ORDER } from '../position/position.service';

type Row = Record<string, unknown>;

/** Tests only: `enabled: false` leaves a page's nested objects to the loaders alone. */
export const pageReadAhead = { enabled: true };

/** The nested objects of a page of employees its selection asks for, read ahead together. */
interface Ahead {
  /** `orgUnit` or `agency`: the units of the page, each with its agency. */
  units: boolean;
  /** `position`: the positions held. */
  positions: boolean;
  /** `position { requirements }`: their job profiles, with the competencies required. */
  requirements: boolean;
  /** `competencies` as of today: the current levels, with their competencies. */
  levels: boolean;
}

/**
 * Reads ahead, in one statement, what the selection of a page of employees asks of each of
 * them (units and agencies, positions and their requirements, today's levels and the
 * competencies of both), and hands it to the loaders, so the page's fields resolve without
 * another statement: one round trip after the page's, where the loaders took three in turn
 * (units, positions and levels; then agencies and requirements; then competencies). The rows
 * come as JSON, as PostgreSQL aggregates them, and pass the viewer's visibility as any loaded
 * row does.
 */
export async function readAhead(
  ctx: Context,
  info: GraphQLResolveInfo,
  employees: readonly Employee[],
): Promise<void> {
  if (!pageReadAhead.enabled) return;
  const ahead = aheadOf(info);
  if (employees.length === 0 || (!ahead.units && !ahead.positions && !ahead.levels)) return;
  const positions = [...new Set(employees.flatMap((e) => (e.position ? [e.position.id] : [])))];
  const { sql, bindings } = aheadStatement(ctx, ahead, {
    employees: employees.map((e) => e.id),
    asOf: ctx.today,
    units: [...new Set(employees.map((e) => e.orgUnit.id))],
    positions,
  });
  const { rows } = await ctx.knex
    .raw<{ rows: (LevelColumns & AheadColumns)[] }>(sql, bindings as never)
    .options(prepared(sql));
  const [row] = rows;
  const { loaders } = ctx;
  const competency = loaders.readerOf(Competency);
  if (ahead.units) {
    // Each unit with its agency as one object, as the units' loader reads them (companions).
    const unit = loaders.readerOf(OrgUnit);
    const agency = loaders.readerOf(Agency);
    const agencies = new Map<number, Agency>();
    const units = (row.unitRows ?? []).map((r) => {
      const read = unit.map(r, 'u');
      const owner = agency.map(r, 'a');
      read.agency = agencies.get(owner.id) ?? owner;
      agencies.set(owner.id, read.agency);
      return read;
    });
    await loaders.primeById(OrgUnit, units);
    await loaders.primeById(Agency, [...agencies.values()]);
  }
  if (ahead.positions) {
    const position = loaders.readerOf(Position);
    await loaders.primeById(
      Position,
      (row.positionRows ?? []).map((r) => position.map(r)),
    );
  }
  if (ahead.requirements) {
    const requirement = loaders.readerOf(PositionRequirement);
    const byPosition = new Map<number, PositionRequirement[]>(positions.map((id) => [id, []]));
    for (const r of row.requirementRows ?? []) {
      const read = requirement.map(r);
      byPosition.get(read.position.id)?.push(read);
    }
    const loader = loaders.childrenOf(PositionRequirement, 'position', REQUIREMENT_ORDER);
    for (const [id, list] of byPosition) loader.prime(id, list);
  }
  if (ahead.levels) {
    // `levelsOf` hands every competency of the row to its loader, the required ones too.
    const levels = await levelsOf(ctx, row, competency);
    const byEmployee = new Map(employees.map((e) => [e.id, [] as CurrentLevel[]]));
    for (const level of levels) byEmployee.get(level.employeeId)?.push(level);
    const loader = currentLevels(ctx, ctx.today);
    for (const [id, list] of byEmployee) loader.prime(id, byCode(list));
  } else if (row.competencyRows)
    await loaders.primeById(
      Competency,
      row.competencyRows.map((r) => competency.map(r)),
    );
}

/** The parts of `readAhead`'s one row besides the levels. */
interface AheadColumns {
  unitRows: Row[] | null;
  positionRows: Row[] | null;
  requirementRows: Row[] | null;
}

/**
 * The statement of a read-ahead and its values: one row, a column per part asked for. One text
 * per combination of parts (at most eight), so each is prepared once per connection; the levels
 * are chosen as `currentLevels` chooses them (the latest result per employee and competency on
 * or before the date, the latest assessment of a day first).
 */
function aheadStatement(
  ctx: Context,
  ahead: Ahead,
  values: { employees: number[]; asOf: string; units: number[]; positions: number[] },
): { sql: string; bindings: unknown[] } {
  const reader = <T extends object>(entity: new () => T) => ctx.loaders.readerOf(entity);
  const ctes: string[] = [];
  const columns: string[] = [];
  const bindings: unknown[] = [];
  const competencyIds: string[] = [];
  if (ahead.levels) {
    ctes.push(`lv as (${latestLevels('a.employee_id = any(?::int[])', 'a.employee_id, ')})`);
    bindings.push(values.employees, values.asOf);
    columns.push(`lva.*`);
    competencyIds.push('select competency_id from lv');
  }
  if (ahead.requirements) {
    ctes.push(`rq as (select ${reader(PositionRequirement).select('r')}, r.ordinal as o, r.id as i,
                  r.competency_id as k
             from position_requirement r where r.position_id = any(?::int[]))`);
    bindings.push(values.positions);
    columns.push(`(select json_agg(x order by x.o, x.i) from rq x) as "requirementRows"`);
    competencyIds.push('select k from rq');
  }
  if (ahead.units) {
    columns.push(`(select json_agg(x) from (select ${reader(OrgUnit).select('u', 'u')}, ${reader(Agency).select('a', 'a')}
         from org_unit u join agency a on a.id = u.agency_id where u.id = any(?::int[])) x) as "unitRows"`);
    bindings.push(values.units);
  }
  if (ahead.positions) {
    columns.push(`(select json_agg(x) from (select ${reader(Position).select('p')}
         from position p where p.id = any(?::int[])) x) as "positionRows"`);
    bindings.push(values.positions);
  }
  if (competencyIds.length > 0)
    columns.push(`(select json_agg(x) from (select ${reader(Competency).select('c')} from competency c
         where c.id in (${competencyIds.join(' union ')})) x) as "competencyRows"`);
  const levels = ahead.levels ? ` cross join (select ${LEVEL_ARRAYS} from lv) as lva` : '';
  const sql = `${ctes.length > 0 ? `with ${ctes.join(', ')} ` : ''}select ${columns.join(', ')}
    from (select 1) as one${levels}`;
  return { sql, bindings };
}

/** Which nested objects the items of a page of employees ask for (`nodes`, `edges.node`). */
export function aheadOf(info: GraphQLResolveInfo): Ahead {
  const ahead: Ahead = { units: false, positions: false, requirements: false, levels: false };
  const visit = (
    set: SelectionSetNode | undefined,
    depth: 'page' | 'edge' | 'item' | 'position',
  ) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, depth);
      else if (selection.kind === Kind.FRAGMENT_SPREAD)
        visit(info.fragments[selection.name.value]?.selectionSet, depth);
      else {
        const name = selection.name.value;
        if (depth === 'page' && name === 'nodes') visit(selection.selectionSet, 'item');
        else if (depth === 'page' && name === 'edges') visit(selection.selectionSet, 'edge');
        else if (depth === 'edge' && name === 'node') visit(selection.selectionSet, 'item');
        else if (depth === 'item') {
          if (name === 'orgUnit' || name === 'agency') ahead.units = true;
          else if (name === 'position') {
            ahead.positions = true;
            visit(selection.selectionSet, 'position');
          } else if (
            name === 'competencies' &&
            !(selection.arguments ?? []).some((a) => a.name.value === 'asOf')
          )
            ahead.levels = true;
        } else if (depth === 'position' && name === 'requirements') ahead.requirements = true;
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 'page');
  return ahead;
}
