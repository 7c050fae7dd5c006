import { describe, expect, it } from 'vitest';
import { acceptedChanges, compatibility } from '../../scripts/schema-compat';

const BEFORE = `
type Query { employee(nip: String!, asOf: String @deprecated(reason: "x")): Employee, old: Int @deprecated(reason: "use new"), kept: Int }
type Employee { nip: String!, name: String!, grade: Int @deprecated(reason: "use rank") }
enum Role { ADMIN HR LEGACY @deprecated(reason: "gone") }
input Filter { a: Int, b: Int @deprecated(reason: "use a") }
`;

/** BEFORE with one line swapped: a field, argument, value … changed, removed or added. */
const after = (from: string, to: string) => {
  expect(BEFORE).toContain(from);
  return BEFORE.replace(from, to);
};

describe('the schema contract between two commits', () => {
  it.each([
    ['a field added', after('kept: Int }', 'kept: Int, fresh: Int }')],
    ['a deprecated field removed', after(', old: Int @deprecated(reason: "use new")', '')],
    ['a deprecated argument removed', after(', asOf: String @deprecated(reason: "x")', '')],
    ['a deprecated enum value removed', after(' LEGACY @deprecated(reason: "gone")', '')],
    ['a deprecated input field removed', after(', b: Int @deprecated(reason: "use a")', '')],
    ['an output field made non-null', after('kept: Int }', 'kept: Int! }')],
    ['a description changed', after('type Query {', '"The root." type Query {')],
  ])('lets %s pass', async (_what, next) => {
    expect((await compatibility(BEFORE, next)).refused).toEqual([]);
  });

  it.each([
    ['a field removed', after(', kept: Int', ''), 'Query.kept'],
    ['an enum value removed', after(' HR', ''), 'Role.HR'],
    ['an output field made nullable', after('name: String!', 'name: String'), 'Employee.name'],
    [
      'an argument made required',
      after('nip: String!, asOf', 'nip: String!, region: String!, asOf'),
      'Query.employee.region',
    ],
    ['an input field removed', after('a: Int, ', ''), 'Filter.a'],
  ])('refuses %s', async (_what, next, path) => {
    const { refused } = await compatibility(BEFORE, next);
    expect(refused.map((change) => change.path)).toContain(path);
  });
});

describe('breaking changes made on purpose', () => {
  it('pass when schema-changes.json names their path, with the reason kept', async () => {
    const next = BEFORE.replace('name: String!', 'name: String');
    const accepted = new Map([['Employee.name', 'partial answers']]);
    const result = await compatibility(BEFORE, next, accepted);
    expect(result.refused).toEqual([]);
    expect(result.accepted).toEqual([
      expect.objectContaining({ path: 'Employee.name', reason: 'partial answers' }),
    ]);
    expect(
      (await compatibility(BEFORE, next.replace(', kept: Int', ''), accepted)).refused.map(
        (c) => c.path,
      ),
    ).toEqual(['Query.kept']);
  });

  it('lists each path the project has accepted, each with a reason', () => {
    const accepted = acceptedChanges();
    expect(accepted.size).toBeGreaterThan(0);
    for (const [path, reason] of accepted) {
      expect(path).toMatch(/^[A-Z][A-Za-z]+\.[a-z][A-Za-z]+$/);
      expect(reason.length).toBeGreaterThan(20);
    }
  });
});
