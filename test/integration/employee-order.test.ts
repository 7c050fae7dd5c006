import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentDateOf } from '../../src/domain/employee.dates';
import { fromGlobalId } from '../../src/shared/global-id';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * Employees ordered by rank, years of service and a competency's level: paging through the
 * whole list forwards and backwards gives the list sorted here, plainly, from every employee's
 * own fields (missing keys last in both directions, ties by creation order).
 */
let app: TestApp;

interface Person {
  id: string;
  nip: string | null;
  appointedOn: string | null;
  rank: { ordinal: number } | null;
  competencies: { level: number; competency: { code: string } }[];
}
const PERSON = 'id nip appointedOn rank { ordinal } competencies { level competency { code } }';
let everyone: Person[];

type Order = { field: string; direction: 'ASC' | 'DESC'; competency?: string };
type Page = {
  employees: {
    nodes: { id: string }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
};
const PAGE = `query($orderBy: EmployeeOrder, $first: Int, $after: String, $last: Int, $before: String) {
  employees(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** Every employee in an order, page by page: forwards from the start or backwards from the end. */
async function pageThrough(orderBy: Order, way: 'forward' | 'backward', size = 37) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const variables: Record<string, unknown> =
      way === 'forward'
        ? { orderBy, first: size, after: cursor }
        : { orderBy, last: size, before: cursor };
    const answer = await app.gql<Page>(PAGE, variables);
    expect(answer.errors).toBeUndefined();
    const page = answer.data!.employees;
    const found = page.nodes.map((n) => n.id);
    if (way === 'forward') ids.push(...found);
    else ids.unshift(...found);
    const more = way === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return ids;
    cursor = way === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  throw new Error('The pages never end.');
}

const rowId = (p: Person) => fromGlobalId(p.id)!.id;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The key of each order as the fields say it, undefined where the employee has none. */
const KEYS: Record<string, (p: Person) => number | undefined> = {
  RANK: (p) => p.rank?.ordinal,
  // More years of service: an earlier first appointment.
  YEARS_OF_SERVICE: (p) => {
    const start = appointmentDateOf({ nip: p.nip, appointedOn: p.appointedOn });
    return start === null ? undefined : -dayOf(start);
  },
  LEVEL: (p) => p.competencies.find((c) => c.competency.code === 'M.03')?.level,
};

/** The list in an order, sorted plainly: missing keys last, then the key, then creation order. */
function sortedPlainly(field: string, direction: 'ASC' | 'DESC'): string[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return [...everyone]
    .sort((a, b) => {
      const ka = KEYS[field](a);
      const kb = KEYS[field](b);
      if ((ka === undefined) !== (kb === undefined)) return ka === undefined ? 1 : -1;
      if (ka !== undefined && kb !== undefined && ka !== kb) return sign * (ka - kb);
      return sign * (rowId(a) - rowId(b));
    })
    .map((p) => p.id);
}

beforeAll(async () => {
  app = await startTestApp('demo');
  // Two PPPK without an appointment date (no rank, no service start, never assessed): ties
  // among the missing, to come last in every order.
  const unit = (await app.ok<any>(`{ orgUnits(first: 1) { nodes { code } } }`)).orgUnits.nodes[0];
  for (const number of ['990000000001', '990000000002']) {
    const created = await app.ok<any>(
      `mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { userErrors { message } } }`,
      {
        input: {
          pppkNumber: number,
          name: `Pegawai ${number}`,
          employmentType: 'PPPK',
          pppkGrade: 7,
          education: 'S1',
          orgUnit: unit.code,
        },
      },
    );
    expect(created.createEmployee.userErrors).toEqual([]);
  }
  everyone = [];
  let after: string | null = null;
  for (;;) {
    const answer: any = await app.ok(
      `query($after: String) { employees(first: 100, after: $after, orderBy: { field: CREATED }) {
        nodes { ${PERSON} } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    everyone.push(...answer.employees.nodes);
    if (!answer.employees.pageInfo.hasNextPage) break;
    after = answer.employees.pageInfo.endCursor;
  }
}, 120_000);
afterAll(() => app?.close());

describe('employees ordered by a computed key', () => {
  it('has employees with and without each key, and ties, to order', () => {
    for (const key of Object.values(KEYS)) {
      const values = everyone.map(key);
      expect(values.filter((v) => v === undefined).length).toBeGreaterThan(0);
      const present = values.filter((v) => v !== undefined);
      expect(new Set(present).size).toBeLessThan(present.length);
    }
  });

  it.each([
    ['RANK', 'ASC'],
    ['RANK', 'DESC'],
    ['YEARS_OF_SERVICE', 'ASC'],
    ['YEARS_OF_SERVICE', 'DESC'],
    ['LEVEL', 'ASC'],
    ['LEVEL', 'DESC'],
  ] as const)(
    'pages through everyone by %s %s, forwards and backwards, as one plainly sorted list',
    async (field, direction) => {
      const orderBy: Order =
        field === 'LEVEL' ? { field, direction, competency: 'M.03' } : { field, direction };
      const expected = sortedPlainly(field, direction);
      expect(expected.length).toBe(everyone.length);
      expect(await pageThrough(orderBy, 'forward')).toEqual(expected);
      expect(await pageThrough(orderBy, 'backward')).toEqual(expected);
    },
  );

  it('reads a page in as many statements whatever its size', async () => {
    const statements = async (first: number) => {
      const answer = await app.gql(PAGE, {
        orderBy: { field: 'LEVEL', direction: 'DESC', competency: 'M.03' },
        first,
      });
      expect(answer.errors).toBeUndefined();
      return answer.extensions?.sqlStatements as number;
    };
    const small = await statements(2);
    expect(await statements(100)).toBe(small);
    expect(small).toBeLessThanOrEqual(2);
  });

  it('refuses LEVEL without a competency, an unknown competency, and a competency with another order', async () => {
    const refusal = async (orderBy: Order) => {
      const answer = await app.gql(PAGE, { orderBy, first: 5 });
      expect(answer.data?.employees ?? null).toBeNull();
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return answer.errors![0].message;
    };
    expect(await refusal({ field: 'LEVEL', direction: 'ASC' })).toMatch(/needs `competency`/);
    expect(await refusal({ field: 'LEVEL', direction: 'ASC', competency: 'X.99' })).toMatch(
      /No competency has code "X\.99"/,
    );
    expect(await refusal({ field: 'RANK', direction: 'ASC', competency: 'M.03' })).toMatch(
      /LEVEL order only/,
    );
  });

  it.each(['RANK', 'YEARS_OF_SERVICE', 'LEVEL'] as const)(
    'orders by %s for HR of one agency: as a filter on the agency does, sorted plainly',
    async (field) => {
      const agency = 'PROV-MALUKU';
      const hr = tokenFor('HR', { agency });
      const orderBy: Order =
        field === 'LEVEL'
          ? { field, direction: 'DESC', competency: 'M.03' }
          : { field, direction: 'DESC' };
      const answer = await app.gql<{ employees: { nodes: { id: string }[] } }>(
        `query($orderBy: EmployeeOrder) { employees(orderBy: $orderBy, first: 100) { nodes { id } } }`,
        { orderBy },
        hr,
      );
      expect(answer.errors).toBeUndefined();
      // As ADMIN asking for the agency by a filter (the same scope, the other way).
      const filtered = await app.gql<{ employees: { nodes: { id: string }[] } }>(
        `query($orderBy: EmployeeOrder) { employees(orderBy: $orderBy, first: 100, filter: { agencyCode: "${agency}" }) { nodes { id } } }`,
        { orderBy },
      );
      expect(filtered.errors).toBeUndefined();
      const got = answer.data!.employees.nodes.map((n) => n.id);
      expect(got.length).toBeGreaterThan(10);
      expect(got).toEqual(filtered.data!.employees.nodes.map((n) => n.id));
      // In the plain order of everyone, the agency's come in the same sequence.
      const shown = new Set(got);
      expect(sortedPlainly(field, 'DESC').filter((id) => shown.has(id))).toEqual(got);
    },
  );
});
