import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COST_MODEL } from '../../src/app/features';
import { measureDependsOn, MeasureMemo, measureIn } from '../../src/platform/http/measure-step';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

function operationOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return { document, operation };
}

describe('the variables a measure depends on', () => {
  it.each([
    ['none', '{ __typename }', []],
    [
      'a scalar given to a plain argument',
      'query($nip: String!) { employee(nip: $nip) { nip } }',
      [],
    ],
    ['a page size', 'query($n: Int) { employees(first: $n) { nodes { nip } } }', ['n']],
    ['a page size from the end', 'query($n: Int) { employees(last: $n) { nodes { nip } } }', ['n']],
    ['a list of ids', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', ['ids']],
    [
      'a filter given whole',
      'query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }',
      ['f'],
    ],
    [
      'a scalar inside a filter written in the document',
      'query($code: String!) { employees(filter: { competencies: [{ code: $code, minLevel: 3 }] }) { totalCount } }',
      ['code'],
    ],
    [
      'a directive (the measure counts both branches)',
      'query($with: Boolean!) { employees(first: 5) { nodes { nip rank @include(if: $with) { code } } } }',
      [],
    ],
    [
      'a page size and a plain argument, sorted by name',
      'query($z: Int, $nip: String!, $a: EmployeeFilter) { employee(nip: $nip) { nip } employees(first: $z, filter: $a) { totalCount } }',
      ['a', 'z'],
    ],
  ])('%s', (_name, query, expected) => {
    expect(measureDependsOn(schema, operationOf(query).operation)).toEqual(expected);
  });
});

describe('the memo of measures', () => {
  const QUERIES = [
    'query($nip: String!) { employee(nip: $nip) { nip name competencies { level competency { code } } } }',
    'query($n: Int, $nip: String) { employees(first: $n) { nodes { nip } } employee(nip: $nip) { nip } }',
    'query($f: EmployeeFilter, $n: Int = 20) { employees(filter: $f, first: $n) { totalCount nodes { nip } } }',
    'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
  ];
  /** A seeded generator, so a failure repeats. */
  const random = (() => {
    let seed = 29;
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  })();
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const value = (): unknown =>
    pick([
      () => undefined,
      () => null,
      () => Math.floor(random() * 605) - 5,
      () => pick(['197408202004031001', 'x']),
      () => Array.from({ length: Math.floor(random() * 120) }, () => pick(['a', 'b', 'c'])),
      () => ({
        competencies: Array.from({ length: Math.floor(random() * 5) }, () => ({
          code: 'M.01',
          minLevel: Math.floor(random() * 6),
        })),
      }),
    ])();

  it('answers every request as a fresh measure would, in any order', () => {
    const memo = new MeasureMemo(schema, COST_MODEL);
    const parsed = QUERIES.map(operationOf);
    for (let i = 0; i < 2000; i++) {
      const { document, operation } = pick(parsed);
      const variables: Record<string, unknown> = {};
      for (const name of ['n', 'nip', 'f', 'ids']) if (random() < 0.7) variables[name] = value();
      const fresh = measureIn(schema, document, operation, variables, COST_MODEL);
      expect(memo.measure(document, operation, variables), JSON.stringify(variables)).toEqual(
        fresh,
      );
    }
  });

  it('tells a variable left out (its default) from one sent as null', () => {
    const memo = new MeasureMemo(schema, COST_MODEL);
    const { document, operation } = operationOf(
      'query($n: Int = 100) { employees(first: $n) { nodes { nip } } }',
    );
    const unset = memo.measure(document, operation, {});
    const sentNull = memo.measure(document, operation, { n: null });
    expect(unset).toEqual(measureIn(schema, document, operation, {}, COST_MODEL));
    expect(sentNull).toEqual(measureIn(schema, document, operation, { n: null }, COST_MODEL));
    expect(unset.cost).not.toBe(sentNull.cost);
  });
});
