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
  // New employees (most of a monthly file) go straight in by COPY with ids drawn here: no
  // scratch table, no upsert, no read of their ids back.
  const fresh = list.filter((e) => w.isNew(e));
  const stored = fresh.length === 0 ? list : list.filter((e) => !w.isNew(e));
  let created = fresh.length;
  if (fresh.length > 0) {
    const idOf = await w.drawIds('employee', fresh.length);
    await w.insert(
      'employee',
      fresh.map((e, i) => ({ id: idOf(i), ...toRow(e) })),
      (done) => w.progress('employees', done, list.length),
    );
    fresh.forEach((e, i) => w.remember(e, idOf(i)));
  }
  const withNip = stored.filter((e) => e.nip);
  const pppk = stored.filter((e) => !e.nip);
  created += await w.upsert(
    'employee',
    withNip.map(toRow),
    ['nip'],
    'employees',
    list.length,
    fresh.length,
  );
  created += await w.upsert(
    'employee',
    pppk.map(toRow),
    ['pppk_number'],
    'employees',
    list.length,
    fresh.length + withNip.length,
  );
  // On a first load every employee is this import's: read them all at once.
  const ids =
    w.bulk && fresh.length === 0 && (await w.wasEmpty('employee'))
      ? await w.allEmployeeIds()
      : await w.employeeIds(stored);
  const own = list.map((e) => ids.get(employeeKey(e))!);
  for (const id of own) w.changed.add(id);
  // A new employee has no ratings to replace.
  const replaced = fresh.length === 0 ? own : stored.map((e) => ids.get(employeeKey(e))!);
  let ratings = 0;
  for (const e of list) ratings += e.performance.length;
  if (w.bulk && ratings >= BULK_MIN_ROWS) {
    // Millions of ratings on a national load: made as they are sent, never held as rows.
    await w.replaceChildren('performance_record', 'employee_id', replaced, [], () =>
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
    await w.replaceChildren('performance_record', 'employee_id', replaced, performance);
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
  const toRow = (t: (typeof list)[number]) => ({
    employee_id: employeeIds.get(employeeKey(t)),
    course_id: courseIds.get(t.course),
    completed_on: t.completedOn,
    hours: t.hours,
  });
  // Those of new employees cannot meet a stored one: straight in.
  const fresh = list.filter((t) => w.isNew(t)).map(toRow);
  await w.insert('training_record', fresh, (done) => w.progress('trainings', done, list.length));
  const rows = (fresh.length === 0 ? list : list.filter((t) => !w.isNew(t))).map(toRow);
  const created =
    fresh.length +
    (await w.upsert(
      'training_record',
      rows,
      ['employee_id', 'course_id', 'completed_on'],
      'trainings',
      list.length,
      fresh.length,
    ));
  for (const row of [...fresh, ...rows]) w.changed.add(row.employee_id!);
  return w.counts('trainings', list.length, created);
}

/** Disciplinary sentences, upserted by employee and decision number. */
export async function writeDiscipline(w: TableWriter, data: ValidDataset): Promise<Counts> {
  const list = data.discipline;
  const employeeIds = await w.employeeIds(list.map((d) => ({ nip: d.nip, pppkNumber: null })));
  const toRow = (d: (typeof list)[number]) => ({
    employee_id: employeeIds.get(employeeKey({ nip: d.nip, pppkNumber: null })),
    level: d.level,
    kind: d.kind,
    decision_number: d.decisionNumber,
    starts_on: d.from,
    ends_on: d.until,
  });
  // Those of new employees cannot meet a stored one: straight in.
  const isNew = (d: (typeof list)[number]) => w.isNew({ nip: d.nip });
  const fresh = list.filter(isNew).map(toRow);
  await w.insert('discipline_record', fresh);
  const rows = (fresh.length === 0 ? list : list.filter((d) => !isNew(d))).map(toRow);
  const created =
    fresh.length +
    (await w.upsert(
      'discipline_record',
      rows,
      ['employee_id', 'decision_number'],
      'discipline',
      list.length,
      fresh.length,
    ));
  for (const row of [...fresh, ...rows]) w.changed.add(row.employee_id!);
  return w.counts('discipline', list.length, created);
}
