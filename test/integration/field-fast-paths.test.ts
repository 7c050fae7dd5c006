import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldFastPaths } from '../../src/platform/graphql/field-fast-paths';
import { appSchema as buildAppSchema, forgetAppSchema } from '../../src/app/schema';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, tokenFor, type GraphQLResponse, type TestApp } from '../support/harness';
import { AGENCY_X, ROLE_MATRIX, type Caller } from '../support/role-matrix';

/**
 * The field fast paths answer as type-graphql's own handlers do. Two servers on copies of the
 * demo province, one built with the fast paths and one with type-graphql's handlers everywhere,
 * are sent the role matrix (every root operation as every role, signed out too) and reads that
 * walk the fields the fast paths take over (properties, field resolvers, fields guarded by
 * `@Authorized` and personal facts), in the same order, and give the same answers.
 */
const Y = 'KAB-MALTENG';
let plain: TestApp;
let fast: TestApp;
let plainSchema: GraphQLSchema;
let fastSchema: GraphQLSchema;
const tokens = {} as Record<Caller | 'SIGNED_OUT', string | null>;
const people = {} as { own: string; other: string; ids: string[]; position: string };

beforeAll(async () => {
  try {
    fieldFastPaths.enabled = false;
    forgetAppSchema();
    plain = await startTestApp('demo');
    plainSchema = buildAppSchema();
  } finally {
    fieldFastPaths.enabled = true;
    forgetAppSchema();
  }
  fast = await startTestApp('demo');
  fastSchema = buildAppSchema();

  const pick = async (agency: string) => {
    const { employees } = await fast.ok(
      `query($agency: String!) { employees(first: 50, filter: { agencyCode: $agency }, orderBy: { field: NIP }) {
         nodes { id nip position { code } assessments(first: 1) { totalCount } } } }`,
      { agency },
    );
    return (
      employees.nodes as {
        id: string;
        nip: string;
        position: { code: string } | null;
        assessments: { totalCount: number };
      }[]
    ).find((e) => e.position && e.assessments.totalCount > 0)!;
  };
  const [own, other] = [await pick(AGENCY_X), await pick(Y)];
  Object.assign(people, {
    own: own.nip,
    other: other.nip,
    ids: [own.id, other.id],
    position: own.position!.code,
  });
  Object.assign(tokens, {
    ADMIN: tokenFor('ADMIN'),
    HR: tokenFor('HR', { agency: AGENCY_X }),
    HR_Y: tokenFor('HR', { agency: Y }),
    COMMITTEE: tokenFor('COMMITTEE', { agency: AGENCY_X }),
    EMPLOYEE: tokenFor('EMPLOYEE', { nip: own.nip }),
    ANALYST: tokenFor('ANALYST'),
    SIGNED_OUT: null,
  });
});
afterAll(() => Promise.all([plain?.close(), fast?.close()]));

/** Reads through the fields the fast paths take over, with `nip`, `ids` and `p` as variables. */
const READS: [string, string][] = [
  [
    'a page of employees, nested, with identifying fields and personal facts',
    `{ employees(first: 30) { totalCount nodes { id nip name birthDate employmentType pppkGrade
       rank { code name } education { code } orgUnit { code name agency { code name } }
       position { code title requirements { level weight critical competency { code name } } }
       competencies { level assessedOn stale competency { code } } } } }`,
  ],
  [
    'one employee with assessments and trainings',
    `query($nip: String!) { employee(nip: $nip) { nip name rank { code } yearsOfService
       competencies { level stale competency { code } }
       assessments(first: 5) { nodes { id assessedOn method results { level competency { code } } } }
       trainings(first: 5) { nodes { hours completedOn course { code title } } } } }`,
  ],
  [
    'objects by their global ids',
    `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
       ... on Employee { nip name rank { code } orgUnit { code } } } }`,
  ],
  [
    'a fit with its gaps and plan',
    `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p, policy: { asOf: "${DEMO_TODAY}" }) {
       jobPersonMatch qualified eligible category gaps { competency { code } gap }
       unmetConditions { code } trainingPlan { totalHours courses { course { code } reason } } } }`,
  ],
  [
    'a position with its candidates',
    `query($p: String!) { position(code: $p) { code title
       candidates(first: 20) { totalCount nodes { jobPersonMatch qualified category employee { nip name agency { code } } } } } }`,
  ],
  [
    'agencies, their units and people',
    `{ agencies(first: 5) { nodes { code name kind orgUnits(first: 5) { nodes { code name
       employees(first: 3) { totalCount nodes { nip employmentType } } } } } } }`,
  ],
  [
    'courses and who completed them',
    `{ courses(first: 20) { nodes { code title hours completions(first: 5) { totalCount nodes { hours employee { id } } } } } }`,
  ],
];

/**
 * An answer as compared: cursors are sealed with a fresh nonce each time (compared by being
 * there), and errors are a set (the order fields failed in is left open by GraphQL).
 */
function comparable(answer: GraphQLResponse): unknown {
  const errors = answer.errors
    ?.map((e) => JSON.stringify(e))
    .sort()
    .map((e) => JSON.parse(e) as unknown);
  return JSON.parse(
    JSON.stringify({ ...answer, errors, extensions: undefined }, (key, value: unknown) =>
      /cursor$/i.test(key) && typeof value === 'string' ? 'a cursor' : value,
    ),
  );
}

/** Fields of the non-root object types GraphQL reads with its own resolver. */
function readDirectly(schema: GraphQLSchema): number {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !roots.includes(t))
    .flatMap((t) => (isObjectType(t) ? Object.values(t.getFields()) : []))
    .filter((f) => f.resolve === defaultFieldResolver).length;
}

describe('the field fast paths', () => {
  it('are on in one server and off in the other', () => {
    expect(fastSchema).not.toBe(plainSchema);
    // Some fields have no handler in either (type-graphql made none); the fast paths add hundreds.
    expect(readDirectly(fastSchema)).toBeGreaterThan(readDirectly(plainSchema) + 100);
  });

  const callers: (Caller | 'SIGNED_OUT')[] = [
    'ADMIN',
    'HR',
    'HR_Y',
    'COMMITTEE',
    'EMPLOYEE',
    'ANALYST',
    'SIGNED_OUT',
  ];
  it.each(callers)('answer as type-graphql’s handlers do, as %s', async (caller) => {
    const token = tokens[caller];
    const documents = [...READS, ...ROLE_MATRIX.map(([name, query]) => [name, query] as const)];
    let answered = 0;
    for (const [name, query] of documents) {
      for (const nip of query.includes('$nip') ? [people.own, people.other] : [undefined]) {
        const variables = { nip, ids: people.ids, p: people.position };
        const used = Object.fromEntries(
          Object.entries(variables).filter(([key]) => query.includes(`$${key}`)),
        );
        // One after the other, so both databases see the same writes in the same order.
        const reference = await plain.gql(query, used, token);
        const answer = await fast.gql(query, used, token);
        expect(comparable(answer), `${name} (${nip ?? 'no NIP'})`).toEqual(comparable(reference));
        if (reference.data && Object.values(reference.data).some((v) => v !== null)) answered++;
      }
    }
    // The matrix is more than refusals: every caller but the signed-out one gets data.
    if (caller === 'SIGNED_OUT') expect(answered).toBe(0);
    else expect(answered).toBeGreaterThan(5);
  });
});
