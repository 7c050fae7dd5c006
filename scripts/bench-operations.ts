import type { Client } from 'pg';
import { median, type Operation } from './bench-load';

/** The day the province is generated for and every policy ranks as of. */
export const TODAY = '2026-11-01';

export const CANDIDATES = `query($p: String!) { candidates(positionCode: $p, first: 50, policy: { asOf: "${TODAY}" }) {
  totalCount nodes { jobPersonMatch qualified category employee { nip name } } } }`;

/** The part of the province the operations ask about: a fixed sample. */
export interface Sample {
  nips: string[];
  positions: { code: string; id: number }[];
  /** The org unit with the most employees (below the top of its agency). */
  unit: string;
}

/** What the bench measures, in order: thin reads first, then data, rankings, writes, analyses. */
export function benchOperations({ nips, positions, unit }: Sample): Operation[] {
  return [
    // Thin reads: what every request pays before any data (pipeline, HTTP, logging, metrics).
    {
      name: 'thin: { __typename }',
      query: '{ __typename }',
      variables: () => ({}),
    },
    {
      name: 'thin: employee by NIP, nip only',
      query: `query($nip: String!) { employee(nip: $nip) { nip } }`,
      variables: (i) => ({ nip: nips[i % nips.length] }),
    },
    {
      name: 'employee by NIP, with competencies',
      query: `query($nip: String!) { employee(nip: $nip) { nip name rank { code } competencies { level assessedOn stale competency { code } } } }`,
      variables: (i) => ({ nip: nips[i % nips.length] }),
    },
    {
      name: 'page of 100 employees, nested',
      query: `query($after: String) { employees(first: 100, after: $after) { nodes { nip name rank { code name } orgUnit { code name agency { code } }
        position { code title requirements { level competency { code } } } competencies { level stale competency { code } } } } }`,
      variables: () => ({}),
    },
    {
      name: 'fit (one employee, one position)',
      query: `query($nip: String!, $p: String!) { fit(nip: $nip, positionCode: $p, policy: { asOf: "${TODAY}" }) { jobPersonMatch qualified gaps { competency { code } gap } unmetConditions { code } } }`,
      variables: (i) => ({ nip: nips[i % nips.length], p: positions[i % positions.length].code }),
      baseline: (i) => ({
        sql: BASELINE_RANKING.replace('/*one*/', 'and e.nip = $3').replace(
          '/*one-latest*/',
          'and a.employee_id = (select id from employee where nip = $3)',
        ),
        bindings: [positions[i % positions.length].id, TODAY, nips[i % nips.length]],
      }),
    },
    {
      name: 'candidates, first 50',
      query: CANDIDATES,
      variables: (i) => ({ p: positions[i % positions.length].code }),
      baseline: (i) => ({
        sql: BASELINE_RANKING.replace('/*one*/', ''),
        bindings: [positions[i % positions.length].id, TODAY],
      }),
    },
    {
      // One position asked again and again (a committee paging through its list): the page of
      // a kept ranking, whatever the rankings budget holds of the 40 positions above.
      name: 'candidates, one position asked again',
      query: CANDIDATES,
      variables: () => ({ p: positions[0].code }),
    },
    {
      // The write path: lock, read the named keys, validate, write, audit. A (NIP, date) pair
      // is new the first time and an identical repeat after, as retries are in real use.
      name: 'recordAssessment (one employee)',
      query: `mutation($nip: String!, $on: Date!) { recordAssessment(input: { nip: $nip, assessedOn: $on,
        method: INTERVIEW, results: [{ competency: "M.01", level: 3 }, { competency: "M.02", level: 4 }] }) {
        userErrors { code } } }`,
      variables: (i) => ({
        nip: nips[i % nips.length],
        on: new Date(Date.parse(`${TODAY}T00:00:00Z`) - (i % 97) * 86_400_000)
          .toISOString()
          .slice(0, 10),
      }),
    },
    {
      name: 'skill search: M.03 ≥ 4 and rank ≥ III/c, first 50 with count',
      query: `{ employees(filter: { competencies: [{ code: "M.03", minLevel: 4 }], rank: { gte: "III/c" } }, first: 50) {
        totalCount nodes { nip name rank { code } } } }`,
      variables: () => ({}),
    },
    {
      name: 'employeeCounts by agency and rank',
      query: `{ employeeCounts(groupBy: [AGENCY, RANK]) { key count } }`,
      variables: () => ({}),
    },
    {
      name: 'training needs of an org unit',
      query: `query($u: String!) { trainingNeeds(scope: { orgUnitCode: $u }, policy: { asOf: "${TODAY}" }) { employees } }`,
      variables: () => ({ u: unit }),
    },
  ];
}

/**
 * The straightforward ranking in SQL: each employee's latest level per required competency (up
 * to the date), weighted and capped at the required level, summed per employee, best first.
 */
const BASELINE_RANKING = `
  with req as (select competency_id, level, weight from position_requirement where position_id = $1),
  latest as (
    select distinct on (a.employee_id, r.competency_id) a.employee_id, r.competency_id, r.level
      from assessment a join assessment_result r on r.assessment_id = a.id
     where r.competency_id in (select competency_id from req) and a.assessed_on <= $2 /*one-latest*/
     order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc)
  select e.id, round((100.0 * sum(q.weight * least(coalesce(l.level, 0), q.level)) / sum(q.weight * q.level))::numeric, 2) as jpm
    from employee e cross join req q
    left join latest l on l.employee_id = e.id and l.competency_id = q.competency_id
   where true /*one*/
   group by e.id order by jpm desc, e.id limit 50`;

/** The plain SQL's median ms: seven runs, or as many as fit in a minute (a nation's takes more). */
export async function timeSql(
  sql: Client,
  baseline: (i: number) => { sql: string; bindings: unknown[] },
): Promise<number> {
  const times: number[] = [];
  for (let i = 0, spent = 0; i < 7 && spent < 60_000; i++) {
    const { sql: text, bindings } = baseline(i);
    const started = performance.now();
    await sql.query(text, bindings);
    times.push(performance.now() - started);
    spent += times.at(-1)!;
  }
  return median(times);
}
