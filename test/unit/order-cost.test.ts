import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COST_MODEL } from '../../src/app/features';
import { SKILL_CONDITION_COST } from '../../src/platform/graphql/cost';
import { measureOperation } from '../../src/platform/graphql/limits';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

function cost(query: string, variables: Record<string, unknown> = {}) {
  const operation = parse(query).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return measureOperation(schema, operation, {}, variables, COST_MODEL).cost;
}

const PLAIN = cost('{ employees { totalCount } }');

describe('the cost of an employee order', () => {
  it.each([
    ['NAME', 0],
    ['CREATED', 0],
    ['NIP', 0],
    ['RANK', SKILL_CONDITION_COST],
    ['YEARS_OF_SERVICE', SKILL_CONDITION_COST],
    ['LEVEL', 3 * SKILL_CONDITION_COST],
  ])('adds, for %s, the sort of the whole scope it needs (%d)', (field, extra) => {
    const competency = field === 'LEVEL' ? ', competency: "M.03"' : '';
    expect(cost(`{ employees(orderBy: { field: ${field}${competency} }) { totalCount } }`)).toBe(
      PLAIN + extra,
    );
    expect(
      cost('query($o: EmployeeOrder) { employees(orderBy: $o) { totalCount } }', {
        o: { field, direction: 'DESC' },
      }),
    ).toBe(PLAIN + extra);
  });
});
