import type { Knex } from '@mikro-orm/knex';
import { prepared } from '../platform/db/prepared';
import { employeeKey, type KnownKeys } from './known-keys';

/** Every text in a document: a superset of the keys it names, for reading only those. */
export function namedKeys(document: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') names.add(value.trim());
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(document);
  return [...names];
}

/**
 * The natural keys the database holds, for validating references: all of them, or (`names`)
 * only the org units, positions and employees a document names, with the org units' ancestors
 * for the cycle check. The catalogues (agencies, competencies, courses) are read whole: they
 * are small, and a course's prerequisites are followed through the whole catalogue.
 */
export async function loadKnownKeys(
  knex: Knex | Knex.Transaction,
  names?: readonly string[],
): Promise<KnownKeys> {
  const lists = names ? await namedKeyRows(knex, names) : await allKeyRows(knex);
  return {
    agencies: new Set(lists.agencies),
    orgUnits: new Map(lists.units.map((u) => [u.code, { agency: u.agency, parent: u.parent }])),
    competencies: new Set(lists.competencies),
    courses: new Map(
      lists.courses.map((c) => [c.code, { hours: c.hours, prerequisites: c.prerequisites }]),
    ),
    positions: new Map(lists.positions.map((p) => [p.code, p.agency])),
    nips: new Set(lists.employees.flatMap((e) => (e.nip ? [e.nip] : []))),
    pppkNumbers: new Set(lists.employees.flatMap((e) => (e.pppk_number ? [e.pppk_number] : []))),
    employeeAgencies: new Map(
      lists.employees.map((e) => [
        employeeKey({ nip: e.nip, pppkNumber: e.pppk_number }),
        e.agency,
      ]),
    ),
  };
}

/** The keys the validation needs, as rows. */
interface KeyRows {
  agencies: string[];
  competencies: string[];
  units: { code: string; agency: string; parent: string | null }[];
  courses: { code: string; hours: number; prerequisites: string[] }[];
  employees: { nip: string | null; pppk_number: string | null; agency: string }[];
  positions: { code: string; agency: string }[];
}

const COURSES = `select c.code, c.hours, coalesce(array_agg(p.code) filter (where p.code is not null), '{}') as prerequisites
       from course c
       left join course_prerequisite cp on cp.course_id = c.id
       left join course p on p.id = cp.prerequisite_id
      group by c.id`;

/**
 * The keys a few records name (a single-record mutation): one statement, each list as JSON.
 * Units come with the chain of their parents; codes of agencies and competencies, and the
 * course catalogue with prerequisites, are read whole (they are short).
 */
async function namedKeyRows(knex: Knex | Knex.Transaction, names: readonly string[]) {
  const { rows } = await knex
    .raw<{ rows: KeyRows[] }>(NAMED_KEYS, { names: [...names] })
    // Its plan takes PostgreSQL longer than its execution: planned once per connection.
    .options(prepared(NAMED_KEYS));
  return rows[0];
}

const NAMED_KEYS = `select
       coalesce((select array_agg(code) from agency), '{}') as agencies,
       coalesce((select array_agg(code) from competency), '{}') as competencies,
       coalesce((with recursive chain(id) as (
                   select id from org_unit where code = any(:names)
                   union select u.parent_id from org_unit u join chain c on c.id = u.id
                    where u.parent_id is not null)
                 select json_agg(json_build_object('code', u.code, 'agency', a.code, 'parent', p.code))
                   from chain join org_unit u on u.id = chain.id join agency a on a.id = u.agency_id
                   left join org_unit p on p.id = u.parent_id), '[]') as units,
       coalesce((select json_agg(c) from (${COURSES}) c), '[]') as courses,
       coalesce((select json_agg(json_build_object('nip', e.nip, 'pppk_number', e.pppk_number, 'agency', a.code))
                   from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id
                  where e.nip = any(:names) or e.pppk_number = any(:names)), '[]') as employees,
       coalesce((select json_agg(json_build_object('code', p.code, 'agency', a.code))
                   from position p join org_unit u on u.id = p.org_unit_id join agency a on a.id = u.agency_id
                  where p.code = any(:names)), '[]') as positions`;

/** Every key of the database (a whole import), one list a statement. */
async function allKeyRows(knex: Knex | Knex.Transaction): Promise<KeyRows> {
  const rows = async <T>(sql: string): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql)).rows;
  return {
    agencies: (await rows<{ code: string }>('select code from agency')).map((r) => r.code),
    competencies: (await rows<{ code: string }>('select code from competency')).map((r) => r.code),
    units: await rows(
      `select u.code, a.code as agency, p.code as parent
         from org_unit u join agency a on a.id = u.agency_id left join org_unit p on p.id = u.parent_id`,
    ),
    courses: await rows(COURSES),
    employees: await rows(
      `select e.nip, e.pppk_number, a.code as agency
         from employee e join org_unit u on u.id = e.org_unit_id join agency a on a.id = u.agency_id`,
    ),
    positions: await rows(
      `select p.code, a.code as agency
         from position p join org_unit u on u.id = p.org_unit_id join agency a on a.id = u.agency_id`,
    ),
  };
}
