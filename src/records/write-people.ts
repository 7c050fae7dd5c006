import { copyRows } from '../platform/db/bulk-copy';
import type { ValidDataset } from '../domain/dataset.types';
import { employeeKey } from './known-keys';
import { BULK_MIN_ROWS, type Counts, type TableWriter } from './write-tables';

/** Employees, upserted by NIP or PPPK number, with their performance ratings replaced. */
export async function writeEmployees(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const list = data.employees;
  const unitIds = await w.ids(
    'org_unit',
    'code',
    list.map((e) => e.orgUnit),
  );
  const positionIds = await w.ids(
    'position',
    'code',
    list.flatMap((e) => (e.position ? [e.position] : [])),
  );
  const toRow = (e: (typeof list)[number]) => ({
    nip: e.nip,
    pppk_number: e.pppkNumber,
    name: e.name,
    employment_type: e.employmentType,
    rank_code: e.rank,
    pppk_grade: e.pppkGrade,
    education_code: e.education,
    org_unit_id: unitIds.get(e.orgUnit),
    position_id: e.position ? positionIds.get(e.position) : null,
    birth_date: e.birthDate,
    appointed_on: e.appointedOn,
    potential: e.potential,
    updated_at: w.trx.fn.now(),
  });
  const withNip = list.filter((e) => e.nip);
  const pppk = list.filter((e) => !e.nip);
  let created = await w.upsert('employee', withNip.map(toRow), ['nip'], 'employees', list.length);
  created += await w.upsert(
    'employee',
    pppk.map(toRow),
    ['pppk_number'],
    'employees',
    list.length,
    withNip.length,
  );
  // On a first load every employee is this import's: read them all at once.
  const ids =
    w.bulk && (await w.wasEmpty('employee')) ? await w.allEmployeeIds() : await w.employeeIds(list);
  const own = list.map((e) => ids.get(employeeKey(e))!);
  let ratings = 0;
  for (const e of list) ratings += e.performance.length;
  if (w.bulk && ratings >= BULK_MIN_ROWS) {
    // Millions of ratings on a national load: made as they are sent, never held as rows.
    await w.replaceChildren('performance_record', 'employee_id', own, [], () =>
      copyRows(
        w.trx,
        'performance_record',
        ['employee_id', 'year', 'rating'],
        (function* () {
          for (let i = 0; i < list.length; i++)
            for (const p of list[i].performance) yield [own[i], p.year, p.rating];
        })(),
      ),
    );
  } else {
    const performance = list.flatMap((e, i) =>
      e.performance.map((p) => ({ employee_id: own[i], year: p.year, rating: p.rating })),
    );
    await w.replaceChildren('performance_record', 'employee_id', own, performance);
  }
  return w.counts('employees', list.length, created);
}

/** Completed courses, upserted by employee, course and completion date. */
export async function writeTrainings(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const list = data.trainings;
  const employeeIds = await w.employeeIds(list);
  const courseIds = await w.ids(
    'course',
    'code',
    list.map((t) => t.course),
  );
  const rows = list.map((t) => ({
    employee_id: employeeIds.get(employeeKey(t)),
    course_id: courseIds.get(t.course),
    completed_on: t.completedOn,
    hours: t.hours,
  }));
  const created = await w.upsert(
    'training_record',
    rows,
    ['employee_id', 'course_id', 'completed_on'],
    'trainings',
    rows.length,
  );
  return w.counts('trainings', list.length, created);
}

/** Disciplinary sentences, upserted by employee and decision number. */
export async function writeDiscipline(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const list = data.discipline;
  const employeeIds = await w.employeeIds(list.map((d) => ({ nip: d.nip, pppkNumber: null })));
  const rows = list.map((d) => ({
    employee_id: employeeIds.get(employeeKey({ nip: d.nip, pppkNumber: null })),
    level: d.level,
    kind: d.kind,
    decision_number: d.decisionNumber,
    starts_on: d.from,
    ends_on: d.until,
  }));
  const created = await w.upsert(
    'discipline_record',
    rows,
    ['employee_id', 'decision_number'],
    'discipline',
    rows.length,
  );
  return w.counts('discipline', list.length, created);
}
