import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetDocument, ImportReport } from '../../src/domain/dataset.types';
import { exportDataset } from '../../src/records/export-dataset';
import { employeeKey } from '../../src/records/known-keys';
import { importDataset, type ImportOptions } from '../../src/modules/dataset/dataset.service';
import { generateProvince } from '../../src/demo/province.generate';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, type TestApp } from '../support/harness';
import { changedEmployees, disabledTriggers } from '../support/change-log';

/**
 * A province sends its data every month, each file with the whole catalogue: what a file adds
 * and changes must land as one whole import would have it, with what it repeats counted
 * unchanged, on the bulk path and the ordinary one alike.
 */
const province = generateProvince({ employees: 1200, seed: 11, today: DEMO_TODAY });
const half = province.employees.length / 2;
const inFirst = new Set(province.employees.slice(0, half).map(employeeKey));
const first = (ref: { nip: string | null; pppkNumber?: string | null }) =>
  inFirst.has(employeeKey({ nip: ref.nip, pppkNumber: ref.pppkNumber ?? null }));
const catalogue = {
  agencies: province.agencies,
  orgUnits: province.orgUnits,
  competencies: province.competencies,
  courses: province.courses,
  positions: province.positions,
};

/** The first month: the catalogue and the first half of the people. */
const january: DatasetDocument = {
  ...catalogue,
  employees: province.employees.slice(0, half),
  assessments: province.assessments.filter(first),
  trainings: province.trainings.filter(first),
  discipline: province.discipline.filter(first),
};

/**
 * The next month: one position retitled; the other half of the people, new; three of the first
 * half renamed and sent again; one of their assessments sent again as stored, and one new.
 */
const renamed = province.employees.slice(0, 3).map((e) => ({ ...e, name: `${e.name} Baru` }));
const resent = province.assessments.find((a) => employeeKey(a) === employeeKey(renamed[0]))!;
const added = { ...resent, assessedOn: DEMO_TODAY, method: 'INTERVIEW' as const };
const retitled = { ...province.positions[0], title: `${province.positions[0].title} (baru)` };
const february: DatasetDocument = {
  ...catalogue,
  positions: [retitled, ...province.positions.slice(1)],
  employees: [...renamed, ...province.employees.slice(half)],
  assessments: [resent, added, ...province.assessments.filter((a) => !first(a))],
  trainings: province.trainings.filter((t) => !first(t)),
  discipline: province.discipline.filter((d) => !first(d)),
};

/** Both months as one file. */
const whole: DatasetDocument = {
  ...february,
  employees: [...renamed, ...province.employees.slice(3)],
  assessments: [...province.assessments, added],
  trainings: province.trainings,
  discipline: province.discipline,
};

const options = (bulk: boolean): ImportOptions => ({
  today: DEMO_TODAY,
  bulk,
  audit: { actor: { role: 'SYSTEM', subject: 'test' }, action: 'import' },
});

let monthly: TestApp;
let ordinary: TestApp;
let once: TestApp;
beforeAll(async () => {
  [monthly, ordinary, once] = await Promise.all([
    startTestApp('empty'),
    startTestApp('empty'),
    startTestApp('empty'),
  ]);
});
afterAll(async () => {
  await Promise.all([monthly?.close(), ordinary?.close(), once?.close()]);
});

const section = (report: ImportReport, name: string) =>
  report.sections.find((s) => s.section === name);

describe('a monthly file into a province already loaded', () => {
  it('leaves the database as one whole import does, and counts what it repeats as unchanged', async () => {
    for (const bulk of [true, false]) {
      const app = bulk ? monthly : ordinary;
      const knex = app.orm.em.getKnex();
      expect((await importDataset(knex, january, options(bulk))).issues).toEqual([]);
      // The change log is read from here on: what February names.
      await knex.raw('delete from employee_change');
      const report = await importDataset(knex, february, options(bulk));
      expect(report.issues).toEqual([]);
      expect(section(report, 'positions')).toEqual({
        section: 'positions',
        received: province.positions.length,
        created: 0,
        updated: 1,
        unchanged: province.positions.length - 1,
      });
      expect(section(report, 'orgUnits')).toMatchObject({ updated: 0, created: 0 });
      expect(section(report, 'employees')).toMatchObject({
        received: half + 3,
        created: half,
        updated: 3,
      });
      expect(section(report, 'assessments')).toEqual({
        section: 'assessments',
        received: february.assessments!.length,
        created: february.assessments!.length - 1,
        updated: 0,
        unchanged: 1,
      });
    }
    // The bulk path logs the employees whose rows it wrote itself, its triggers off meanwhile:
    // the same employees as the triggers of the ordinary path, each once, and every trigger on.
    const changed = await changedEmployees(monthly);
    expect(changed.distinct).toEqual((await changedEmployees(ordinary)).distinct);
    expect(changed.distinct.length).toBe(half + 3);
    expect(changed.rows).toBe(changed.distinct.length);
    expect(await disabledTriggers(monthly)).toEqual([]);
    // The ids of new employees and assessments were drawn as ranges: each sequence goes on
    // after the last row, and every result still belongs to an assessment of its employee.
    const { rows } = await monthly.orm.em.getKnex().raw<{ rows: Record<string, number>[] }>(
      `select nextval('employee_id_seq')::int - (select max(id) from employee)::int as employee,
              nextval('assessment_id_seq')::int - (select max(id) from assessment)::int as assessment`,
    );
    // (An upsert draws an id for a stored employee too, and leaves it unused.)
    expect(rows[0].employee).toBeGreaterThan(0);
    expect(rows[0].assessment).toBe(1);
    expect((await importDataset(once.orm.em.getKnex(), whole, options(true))).issues).toEqual([]);
    const expected = await exportDataset(once.orm.em.getKnex());
    expect(await exportDataset(monthly.orm.em.getKnex())).toEqual(expected);
    expect(await exportDataset(ordinary.orm.em.getKnex())).toEqual(expected);
  });

  it('refuses an assessment of a stored employee sent again with other content, and writes nothing', async () => {
    const knex = monthly.orm.em.getKnex();
    const before = await exportDataset(knex);
    const changed = { ...resent, assessor: `${resent.assessor ?? ''} lain` };
    const march: DatasetDocument = {
      ...catalogue,
      employees: [...province.employees.slice(half, half + 10), province.employees[0]],
      assessments: [changed],
    };
    const report = await importDataset(knex, march, options(true));
    expect(report.applied).toBe(false);
    expect(report.issues).toMatchObject([
      { section: 'assessments', index: 0, field: 'results', code: 'APPEND_ONLY' },
    ]);
    expect(await exportDataset(knex)).toEqual(before);
  });
});
