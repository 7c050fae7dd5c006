import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { Access } from '../../src/platform/auth/access';
import { Role, type Viewer } from '../../src/platform/auth/auth.types';
import { appSchema as buildAppSchema } from '../../src/app/schema';
import { rootFieldRoles } from '../../src/platform/graphql/schema';
import { MAX_INPUT_DEPTH } from '../../src/domain/text';

/**
 * The schema's own argument step, without the HTTP pipeline in front of it (any door that
 * executes the schema gets it): a guarded field checks the caller's role before its arguments
 * are walked, then refuses what no text may hold and values nested too deep, naming the argument.
 */
const schema = () => buildAppSchema();
beforeAll(() => void schema());

/** `leaf` inside `levels` objects, built without recursion. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Runs `query` as `role` (null: signed out); a resolver reached would need a database. */
async function run(
  query: string,
  role: Role | null,
  variableValues: Record<string, unknown> = {},
): Promise<ExecutionResult> {
  const viewer = role
    ? ({ role, agencyCode: 'PROV-X', nip: '199001012015031001' } as Viewer)
    : null;
  const contextValue = {
    access: new Access(viewer, null as never),
    get knex(): never {
      throw new Error('a resolver was reached');
    },
  };
  return await execute({
    schema: schema(),
    document: parse(query),
    variableValues,
    contextValue,
  });
}

const codes = (result: ExecutionResult) => (result.errors ?? []).map((e) => e.extensions.code);
const IMPORT = `mutation($d: JSONObject!) { importDataset(input: { dataset: $d }) { userErrors { code } } }`;

describe('arguments of a guarded field', () => {
  it.each([
    ['nested 100,000 levels deep', nested(100_000)],
    ['holding a control character', { agencies: [{ name: 'a\u0000' }] }],
    ['holding a bidirectional control', { agencies: [{ name: 'a\u202e' }] }],
    ['holding a lone surrogate', { agencies: [{ name: 'a\udc00' }] }],
  ])('are not looked at for a role that may not call it: %s', async (_name, d) => {
    expect(codes(await run(IMPORT, Role.EMPLOYEE, { d }))).toEqual(['FORBIDDEN']);
    expect(codes(await run(IMPORT, Role.HR, { d }))).toEqual(['FORBIDDEN']);
    expect(codes(await run(IMPORT, null, { d }))).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    [
      'nested 100,000 levels deep',
      nested(100_000),
      `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
      'input.dataset',
    ],
    [
      'one level past the limit (counted from `input`)',
      nested(MAX_INPUT_DEPTH),
      `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
      'input.dataset',
    ],
    [
      'holding a bidirectional control',
      { agencies: [{ name: 'a\u202e' }] },
      'contains the bidirectional control U+202E',
      'input.dataset.agencies.0.name',
    ],
    [
      'holding a lone surrogate',
      { agencies: [{ name: '\ud800' }] },
      'contains a lone surrogate U+D800',
      'input.dataset.agencies.0.name',
    ],
  ])('are refused for ADMIN, naming the argument: %s', async (_name, d, problem, argument) => {
    const result = await run(IMPORT, Role.ADMIN, { d });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toBe(`Argument \`${argument}\` ${problem}.`);
    expect(result.errors![0].extensions.argument).toBe(argument);
  });

  it('are refused when written as a literal, after the role', async () => {
    const literal = (levels: number) =>
      `mutation { importDataset(input: { dataset: ${'{a: '.repeat(levels)}1${'}'.repeat(levels)} }) { userErrors { code } } }`;
    expect(codes(await run(literal(100), Role.EMPLOYEE))).toEqual(['FORBIDDEN']);
    const admin = await run(literal(100), Role.ADMIN);
    expect(admin.errors![0].message).toBe(
      `Argument \`input.dataset\` is nested deeper than ${MAX_INPUT_DEPTH} levels.`,
    );
  });
});

describe('rootFieldRoles', () => {
  it('names the roles of guarded root fields, and leaves open ones out', () => {
    const roles = rootFieldRoles(buildAppSchema());
    expect(roles.get('Mutation.importDataset')).toEqual([Role.ADMIN]);
    expect(roles.get('Query.datasetExport')).toEqual([Role.ADMIN]);
    expect(roles.has('Query.agencies')).toBe(false);
    expect([...roles.keys()].every((key) => /^(Query|Mutation|Subscription)\./.test(key))).toBe(
      true,
    );
  });
});
