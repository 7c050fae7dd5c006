import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * `EmployeeCount.meanLevel` and `meanTrainingHours`: held to a plain computation from the rows
 * of the demo province, per role (an ANALYST never sees a mean of fewer than MIN_GROUP_SIZE
 * people), one SQL statement per aggregate whatever the number of groups.
 */
let app: TestApp;
const MIN = 5;
const ANALYST = tokenFor('ANALYST');

interface Person {
  id: number;
  agency: string;
  rank: string | null;
}
let people: Person[];
/** Each employee's current M.03 level (the latest result up to today), where assessed. */
const levels = new Map<number, number>();
/** Each employee's JP in `YEAR`. */
const hours = new Map<number, number>();
let YEAR: number;

beforeAll(async () => {
  app = await startTestApp('demo');
  const knex = app.orm.em.getKnex();
  people = (
    await knex.raw<{ rows: Person[] }>(
      `select e.id, ag.code as agency, e.rank_code as rank from employee e
       join org_unit u on u.id = e.org_unit_id join agency ag on ag.id = u.agency_id`,
    )
  ).rows;
  const today = new Date().toISOString().slice(0, 10);
  const results = (
    await knex.raw<{
      rows: { employee_id: number; level: number; assessed_on: string; id: number }[];
    }>(
      `select a.employee_id, r.level, a.assessed_on::text, a.id from assessment a
       join assessment_result r on r.assessment_id = a.id
       join competency c on c.id = r.competency_id where c.code = 'M.03'`,
    )
  ).rows;
  const latest = new Map<number, { on: string; id: number }>();
  for (const r of results) {
    if (r.assessed_on > today) continue;
    const seen = latest.get(r.employee_id);
    if (!seen || r.assessed_on > seen.on || (r.assessed_on === seen.on && r.id > seen.id)) {
      latest.set(r.employee_id, { on: r.assessed_on, id: r.id });
      levels.set(r.employee_id, r.level);
    }
  }
  // The year with the most training records.
  const [busiest] = (
    await knex.raw<{ rows: { year: number }[] }>(
      `select extract(year from completed_on)::int as year from training_record
      group by 1 order by count(*) desc limit 1`,
    )
  ).rows;
  YEAR = busiest.year;
  const trainings = (
    await knex.raw<{ rows: { employee_id: number; hours: number }[] }>(
      `select employee_id, hours from training_record where extract(year from completed_on) = ?`,
      [YEAR],
    )
  ).rows;
  for (const t of trainings) hours.set(t.employee_id, (hours.get(t.employee_id) ?? 0) + t.hours);
});
afterAll(async () => {
  await app?.close();
});

const round = (x: number) => Math.round(x * 100) / 100;

/** The plain answer: per (agency, rank) group, its size, assessed, mean level and mean JP. */
function plainGroups() {
  const groups = new Map<string, { count: number; levels: number[]; jp: number }>();
  for (const p of people) {
    const key = JSON.stringify([p.agency, p.rank]);
    const group = groups.get(key) ?? { count: 0, levels: [], jp: 0 };
    group.count++;
    const level = levels.get(p.id);
    if (level !== undefined) group.levels.push(level);
    group.jp += hours.get(p.id) ?? 0;
    groups.set(key, group);
  }
  return groups;
}

const MEANS = `query($y: Int!) { employeeCounts(groupBy: [AGENCY, RANK]) {
  key count suppressed meanLevel(competency: "M.03") meanTrainingHours(year: $y) } }`;

interface Row {
  key: (string | null)[];
  count: number;
  suppressed: boolean;
  meanLevel: number | null;
  meanTrainingHours: number | null;
}

describe('means of groups', () => {
  it('equal the plain computation from the rows, for ADMIN, every group shown', async () => {
    const answer = await app.gql<{ employeeCounts: Row[] }>(MEANS, { y: YEAR });
    expect(answer.errors).toBeUndefined();
    const plain = plainGroups();
    expect(answer.data!.employeeCounts).toHaveLength(plain.size);
    let someLevel = 0;
    let someHours = 0;
    for (const row of answer.data!.employeeCounts) {
      const group = plain.get(JSON.stringify(row.key))!;
      expect(row.count).toBe(group.count);
      const mean =
        group.levels.length > 0
          ? round(group.levels.reduce((a, b) => a + b, 0) / group.levels.length)
          : null;
      expect(row.meanLevel).toBe(mean);
      expect(row.meanTrainingHours).toBe(round(group.jp / group.count));
      if (mean !== null) someLevel++;
      if (group.jp > 0) someHours++;
    }
    // The demo province holds assessed groups and trained groups (the test is not vacuous).
    expect(someLevel).toBeGreaterThan(3);
    expect(someHours).toBeGreaterThan(3);
  });

  it('are withheld from an ANALYST for groups, or assessed sets, under the minimum', async () => {
    const answer = await app.gql<{ employeeCounts: Row[] }>(MEANS, { y: YEAR }, ANALYST);
    expect(answer.errors).toBeUndefined();
    const plain = plainGroups();
    let withheldMeans = 0;
    let shownMeans = 0;
    for (const row of answer.data!.employeeCounts) {
      if (row.suppressed) {
        expect(row.meanLevel).toBeNull();
        expect(row.meanTrainingHours).toBeNull();
        continue;
      }
      const group = plain.get(JSON.stringify(row.key))!;
      expect(group.count).toBeGreaterThanOrEqual(MIN);
      if (group.levels.length < MIN) {
        expect(row.meanLevel).toBeNull();
        if (group.levels.length > 0) withheldMeans++;
      } else {
        expect(row.meanLevel).toBe(
          round(group.levels.reduce((a, b) => a + b, 0) / group.levels.length),
        );
        shownMeans++;
      }
      expect(row.meanTrainingHours).toBe(round(group.jp / group.count));
    }
    expect(shownMeans).toBeGreaterThan(0);
    // Groups with a few people assessed exist, and their means are not shown.
    expect(withheldMeans).toBeGreaterThan(0);
  });

  it('take one SQL statement per aggregate, however many groups', async () => {
    const statements = async (groupBy: string, fields: string) => {
      const answer = await app.gql(
        `{ employeeCounts(groupBy: [${groupBy}]) { key count ${fields} } }`,
      );
      expect(answer.errors).toBeUndefined();
      return {
        groups: (answer.data as { employeeCounts: unknown[] }).employeeCounts.length,
        sql: answer.extensions!.sqlStatements!,
      };
    };
    const both = `meanLevel(competency: "M.03") meanTrainingHours(year: ${YEAR})`;
    const few = await statements('AGENCY', '');
    const fewMeans = await statements('AGENCY', both);
    const many = await statements('ORG_UNIT, RANK', both);
    const twoLevels = await statements(
      'ORG_UNIT, RANK',
      `a: meanLevel(competency: "M.03") b: meanLevel(competency: "M.01")`,
    );
    expect(many.groups).toBeGreaterThan(fewMeans.groups * 5);
    expect(many.sql).toBe(fewMeans.sql);
    // Each aggregate is one statement; the competencies' codes are looked up once, together.
    expect(fewMeans.sql).toBe(few.sql + 3);
    expect(twoLevels.sql).toBe(few.sql + 3);
  });

  it('refuse an unknown competency with a clear error, and a year out of range', async () => {
    const unknown = await app.gql(
      `{ employeeCounts(groupBy: [AGENCY]) { count meanLevel(competency: "X.99") } }`,
    );
    expect(unknown.errors?.[0].message).toMatch(/No competency has code "X\.99"/);
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'competency',
    });
    const year = await app.gql(
      `{ employeeCounts(groupBy: [AGENCY]) { count meanTrainingHours(year: 1066) } }`,
    );
    expect(year.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });

  it('cost what they do: each aggregate adds to the cost of the query', async () => {
    const cost = async (fields: string) =>
      (await app.gql(`{ employeeCounts(groupBy: [AGENCY]) { count ${fields} } }`)).extensions!.cost!
        .requested;
    const base = await cost('');
    expect(await cost('meanLevel(competency: "M.03")')).toBeGreaterThan(base + 5000);
    expect(await cost(`meanTrainingHours(year: ${YEAR})`)).toBeGreaterThan(base + 2000);
  });
});
