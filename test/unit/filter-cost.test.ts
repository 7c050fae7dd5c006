import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COST_MODEL } from '../../src/app/features';
import { FILTER_BRANCH_COST, SKILL_CONDITION_COST } from '../../src/platform/graphql/cost';
import { employeeFilterShape } from '../../src/modules/employee/filter-shape';
import {
  limitProblems,
  MAX_CONDITIONS,
  MAX_FILTER_DEPTH,
  measureOperation,
} from '../../src/platform/graphql/limits';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const LIMITS = { maxDepth: 12, maxAliases: 30, maxCost: 100_000 };

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return measureOperation(schema, operation, {}, variables, COST_MODEL);
}

/** The same operation with no filter, so each row states only what its filter adds. */
const PLAIN = measure('{ employees { totalCount } }').cost;
const S = SKILL_CONDITION_COST;
const B = FILTER_BRANCH_COST;
const skill = (code = 'M.01') => ({ code, minLevel: 3 });
/** `not` nested `n` deep around a filter. */
function nots(n: number, inner: object = {}): object {
  let filter = inner;
  for (let i = 0; i < n; i++) filter = { not: filter };
  return filter;
}

describe('the cost of a filter', () => {
  it.each([
    ['no filter', '{ employees { totalCount } }', {}, 0, 0, 0],
    [
      'a filter without skill conditions',
      '{ employees(filter: { rank: { gte: "III/a" } }) { totalCount } }',
      {},
      0,
      0,
      0,
    ],
    [
      'one skill condition (literal)',
      '{ employees(filter: { competencies: [{ code: "M.01", minLevel: 3 }] }) { totalCount } }',
      {},
      S,
      1,
      0,
    ],
    [
      'one skill condition given as a single value, not a list',
      '{ employees(filter: { competencies: { code: "M.01" } }) { totalCount } }',
      {},
      S,
      1,
      0,
    ],
    [
      'three conditions in a variable',
      'query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }',
      { f: { competencies: [skill(), skill('M.02'), skill('M.03')] } },
      3 * S,
      3,
      0,
    ],
    [
      'a variable inside a literal',
      'query($c: [CompetencyLevelFilter!]) { employees(filter: { or: [{ competencies: $c }, {}] }) { totalCount } }',
      { c: [skill(), skill()] },
      2 * S + 2 * B,
      4,
      1,
    ],
    [
      'nested and/or/not',
      'query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }',
      {
        f: {
          and: [{ competencies: [skill()] }, { or: [{ competencies: [skill()] }, {}] }],
          not: { competencies: [skill()] },
        },
      },
      3 * S + 5 * B,
      8,
      2,
    ],
    [
      "a variable's default",
      'query($f: EmployeeFilter = { competencies: [{ code: "M.01" }, { code: "M.02" }] }) { employees(filter: $f) { totalCount } }',
      {},
      2 * S,
      2,
      0,
    ],
    [
      'a variable given over its default',
      'query($f: EmployeeFilter = { competencies: [{ code: "M.01" }] }) { employees(filter: $f) { totalCount } }',
      { f: { not: {} } },
      B,
      1,
      1,
    ],
    [
      'a null filter',
      'query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }',
      { f: null },
      0,
      0,
      0,
    ],
    [
      'aliases: every filter counts',
      '{ a: employees(filter: { competencies: [{ code: "M.01" }] }) { totalCount } b: employees(filter: { not: { competencies: [{ code: "M.01" }] } }) { totalCount } }',
      {},
      PLAIN + 2 * S + B,
      3,
      1,
    ],
  ])('%s', (_name, query, variables, added, conditions, filterDepth) => {
    const m = measure(query, variables);
    expect(m.cost - PLAIN).toBe(added);
    expect(m.conditions).toBe(conditions);
    expect(m.filterDepth).toBe(filterDepth);
  });

  it('counts a filter as often as the lists above it resolve its field', () => {
    const once = measure('{ competency(code: "M.01") { holders(first: 1) { totalCount } } }');
    const hundred = measure(
      '{ competencies(first: 100) { nodes { holders(first: 1, filter: { competencies: [{ code: "M.02" }] }) { totalCount } } } }',
    );
    const plain = measure(
      '{ competencies(first: 100) { nodes { holders(first: 1) { totalCount } } } }',
    );
    // `holders` is one skill condition itself, and the filter's one more each time.
    expect(once.cost).toBeGreaterThanOrEqual(S);
    expect(hundred.cost - plain.cost).toBe(100 * S);
    expect(hundred.conditions).toBe(1);
  });

  it('counts the filter of employeeCounts, whose field has no selection of lists', () => {
    const m = measure(
      '{ employeeCounts(groupBy: [RANK], filter: { competencies: [{ code: "M.01" }] }) { count } }',
    );
    const plain = measure('{ employeeCounts(groupBy: [RANK]) { count } }');
    expect(m.cost - plain.cost).toBe(S);
    expect(m.conditions).toBe(1);
  });
});

describe('the caps on conditions and nesting', () => {
  const Q = 'query($f: EmployeeFilter) { employees(filter: $f) { totalCount } }';
  const skills = (n: number) => ({ competencies: Array.from({ length: n }, () => skill()) });
  it.each([
    ['as many conditions as allowed', skills(MAX_CONDITIONS), []],
    [
      'one condition more',
      skills(MAX_CONDITIONS + 1),
      [`${MAX_CONDITIONS + 1} filter conditions exceed ${MAX_CONDITIONS}`],
    ],
    [
      'nested filters count as conditions',
      { or: Array.from({ length: MAX_CONDITIONS + 1 }, () => ({})) },
      [`${MAX_CONDITIONS + 1} filter conditions exceed ${MAX_CONDITIONS}`],
    ],
    ['nesting as deep as allowed', nots(MAX_FILTER_DEPTH), []],
    [
      'one level deeper',
      nots(MAX_FILTER_DEPTH + 1),
      [`filters nest ${MAX_FILTER_DEPTH + 1} deep, beyond ${MAX_FILTER_DEPTH}`],
    ],
    [
      '500 conditions in a variable',
      skills(500),
      [`cost ${PLAIN + 500 * S} exceeds 100000`, `500 filter conditions exceed ${MAX_CONDITIONS}`],
    ],
  ])('%s', (_name, filter, problems) => {
    expect(limitProblems(measure(Q, { f: filter }), LIMITS)).toEqual(problems);
  });

  it('measures a filter nested far deeper than the stack would allow, and refuses it', () => {
    const deep = nots(100_000);
    const m = measure(Q, { f: deep });
    expect(m.filterDepth).toBe(100_000);
    expect(limitProblems(m, LIMITS)).toEqual([
      `cost ${PLAIN + 100_000 * B} exceeds 100000`,
      `100000 filter conditions exceed ${MAX_CONDITIONS}`,
      `filters nest 100000 deep, beyond ${MAX_FILTER_DEPTH}`,
    ]);
  });

  it('counts conditions across fields and aliases, written once each', () => {
    const aliased = Array.from(
      { length: 6 },
      (_, i) =>
        `a${i}: employees(filter: { competencies: [${'{ code: "M.01" } '.repeat(9)}] }) { totalCount }`,
    ).join(' ');
    const m = measure(`{ ${aliased} }`);
    expect(m.conditions).toBe(54);
    expect(limitProblems(m, { ...LIMITS, maxCost: 10_000_000 })).toEqual([
      `54 filter conditions exceed ${MAX_CONDITIONS}`,
    ]);
  });
});

describe('employeeFilterShape', () => {
  it.each([
    [null, { skills: 0, branches: 0, depth: 0 }],
    ['text', { skills: 0, branches: 0, depth: 0 }],
    [[{ competencies: [skill()] }], { skills: 0, branches: 0, depth: 0 }],
    [{ competencies: [skill(), null] }, { skills: 1, branches: 0, depth: 0 }],
    [
      { and: [], or: [] },
      { skills: 0, branches: 0, depth: 0 },
    ],
    [{ and: { or: { competencies: skill() } } }, { skills: 1, branches: 2, depth: 2 }],
    [{ not: nots(2, { competencies: [skill(), skill()] }) }, { skills: 2, branches: 3, depth: 3 }],
  ])('%j', (value, shape) => {
    expect(employeeFilterShape(value)).toEqual(shape);
  });
});
