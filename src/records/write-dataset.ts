import { groupBy } from '../domain/collections';
import { prepared } from '../platform/db/prepared';
import type { Knex } from '@mikro-orm/knex';
import {
  copyRows,
  withChangesLoggedOnce,
  withForeignKeysCheckedOnce,
  withIndexesBuiltOnce,
} from '../platform/db/bulk-copy';
import type { DatasetIssue, ImportReport, Section, ValidDataset } from '../domain/dataset.types';
import { IssueList } from './issue-list';
import { employeeKey } from './known-keys';

export type Progress = (section: Section, done: number, total: number) => void;

const CHUNK = 1000;

type Row = Record<string, unknown>;
type Counts = ImportReport['sections'][number];

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes validated records inside the caller's transaction: natural keys are upserted, child
 * lists replaced, assessments appended (an identical one is skipped; a different one under the
 * same key is an issue, because history is never edited). Returns the counts and any issues
 * found only now; the caller rolls back when there are issues.
 */
export async function writeDataset(
  trx: Knex.Transaction,
  data: ValidDataset,
  progress: Progress = () => undefined,
  bulk = false,
): Promise<{ sections: Counts[]; issues: DatasetIssue[] }> {
  const w = new Writer(trx, progress, bulk);
  const sections: Counts[] = [];
  const issues: DatasetIssue[] = new IssueList<DatasetIssue>();
  sections.push(await w.agencies(data));
  sections.push(await w.orgUnits(data));
  sections.push(await w.competencies(data));
  sections.push(await w.courses(data));
  sections.push(await w.positions(data));
  const people = async () => {
    sections.push(await w.employees(data));
    sections.push(await w.assessments(data, issues));
    sections.push(await w.trainings(data));
  };
  if (bulk) {
    // The bulk path checks the people tables' references once per table, after the rows are
    // in; and the indexes of those that start empty (a first load) are built once at the end,
    // and their new rows' employees logged as changed in one statement.
    const empty: string[] = [];
    for (const table of PEOPLE_TABLES) if (await w.wasEmpty(table)) empty.push(table);
    await withForeignKeysCheckedOnce(trx, PEOPLE_TABLES, () =>
      withIndexesBuiltOnce(trx, empty, () => withChangesLoggedOnce(trx, empty, people)),
    );
  } else await people();
  return { sections, issues };
}

const PEOPLE_TABLES = [
  'employee',
  'performance_record',
  'assessment',
  'assessment_result',
  'training_record',
];

/** Sections smaller than this take the ordinary statements even on the bulk path. */
const BULK_MIN_ROWS = 2000;

/** Each row's values of `columns`, in order, made as COPY asks for them. */
function* valuesOf(rows: readonly Row[], columns: readonly string[]) {
  for (const row of rows) yield columns.map((c) => row[c] as string | number | null);
}

function isSqlExpression(value: unknown): value is Knex.Raw {
  return typeof value === 'object' && value !== null && 'isRawInstance' in value;
}

class Writer {
  constructor(
    private readonly trx: Knex.Transaction,
    private readonly progress: Progress,
    /** COPY instead of multi-row statements for large sections. */
    private readonly bulk: boolean,
  ) {}

  /** Employee ids of this import's references (ids never change within the transaction). */
  private readonly knownEmployees = new Map<string, number>();

  /** Whether each table held no row when this import first asked (before writing to it). */
  private readonly emptyAtStart = new Map<string, boolean>();

  async wasEmpty(table: string): Promise<boolean> {
    let empty = this.emptyAtStart.get(table);
    if (empty === undefined) {
      const { rows } = await this.trx.raw<{ rows: { empty: boolean }[] }>(
        `select not exists (select 1 from "${table}") as empty`,
      );
      empty = rows[0].empty;
      this.emptyAtStart.set(table, empty);
    }
    return empty;
  }

  /**
   * The bulk upsert: COPY into a scratch table, then one insert … on conflict from it. Into a
   * table that was empty when the import began (a first load), the rows go straight in by
   * COPY: the validator has made each record's key unique in the document, so none of them
   * can conflict with another, and none with a stored row.
   */
  private async copyUpsert(
    table: string,
    rows: Row[],
    conflict: string[],
    section: Section,
    total: number,
    offset: number,
  ): Promise<number> {
    const columns = Object.keys(rows[0]);
    const plain = columns.filter((c) => !isSqlExpression(rows[0][c]));
    const computed = columns.filter((c) => isSqlExpression(rows[0][c]));
    if (await this.wasEmpty(table)) {
      // The computed values (`now()`) are the same for the whole transaction: read them once.
      const { rows: fixed } = await this.trx.raw<{ rows: Record<string, string>[] }>(
        `select ${computed.map((c, i) => `(${(rows[0][c] as Knex.Raw).toSQL().sql})::text as v${i}`).join(', ') || 'null'}`,
      );
      const values = computed.map((_c, i) => fixed[0][`v${i}`]);
      await copyRows(
        this.trx,
        table,
        [...plain, ...computed],
        (function* () {
          for (const row of valuesOf(rows, plain)) yield [...row, ...values];
        })(),
        (done) => this.progress(section, offset + done, total),
      );
      return rows.length;
    }
    const scratch = `bulk_${table}`;
    const list = (names: string[]) => names.map((c) => `"${c}"`).join(', ');
    await this.trx.raw(
      `create temporary table "${scratch}" on commit drop as select ${list(plain)} from "${table}" with no data`,
    );
    await copyRows(this.trx, scratch, plain, valuesOf(rows, plain), (done) =>
      this.progress(section, offset + done, total),
    );
    const values = [
      ...plain.map((c) => `"${c}"`),
      ...computed.map((c) => (rows[0][c] as Knex.Raw).toSQL().sql),
    ];
    const update = columns.filter((c) => !conflict.includes(c));
    const { rows: result } = await this.trx.raw<{ rows: { created: number }[] }>(
      `with written as (
         insert into "${table}" (${list([...plain, ...computed])})
         select ${values.join(', ')} from "${scratch}"
         on conflict (${list(conflict)}) do update set ${update.map((c) => `"${c}" = excluded."${c}"`).join(', ')}
         returning (xmax = 0) as inserted)
       select count(*) filter (where inserted)::int as created from written`,
    );
    await this.trx.raw(`drop table "${scratch}"`);
    return result[0].created;
  }

  /** Plain inserts: COPY on the bulk path, multi-row statements otherwise. */
  private async insert(table: string, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.bulk && rows.length >= BULK_MIN_ROWS) {
      const columns = Object.keys(rows[0]);
      return copyRows(this.trx, table, columns, valuesOf(rows, columns));
    }
    for (const part of chunks(rows)) await this.trx(table).insert(part);
  }

  /** Inserts or updates rows by `conflict`; returns how many were new. */
  private async upsert(
    table: string,
    rows: Row[],
    conflict: string[],
    section: Section,
    total: number,
    offset = 0,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    // A table that started empty takes the straight COPY at any size (its unique indexes may
    // be waiting to be built, see `withIndexesBuiltOnce`).
    if (this.bulk && (rows.length >= BULK_MIN_ROWS || (await this.wasEmpty(table))))
      return this.copyUpsert(table, rows, conflict, section, total, offset);
    let created = 0;
    let done = offset;
    for (const part of chunks(rows)) {
      const update = Object.keys(part[0]).filter((c) => !conflict.includes(c));
      const query = this.trx(table).insert(part).onConflict(conflict).merge(update);
      const { sql, bindings } = query.toSQL();
      const result = await this.trx.raw<{ rows: { inserted: boolean }[] }>(
        `${sql} returning (xmax = 0) as inserted`,
        bindings,
      );
      created += result.rows.filter((r) => r.inserted).length;
      done += part.length;
      this.progress(section, done, total);
    }
    return created;
  }

  private async ids(
    table: string,
    column: string,
    keys: readonly string[],
  ): Promise<Map<string, number>> {
    const map = new Map<string, number>();
    // One array parameter per statement, not a placeholder per key.
    for (const part of chunks([...new Set(keys)], 50_000)) {
      const sql = `select id, "${column}" as key from "${table}" where "${column}" = any(?::text[])`;
      const { rows } = await this.trx
        .raw<{ rows: { id: number; key: string }[] }>(sql, [part])
        .options(prepared(sql));
      for (const row of rows) map.set(row.key, row.id);
    }
    return map;
  }

  /** Deletes the children of `parentIds`, then inserts `rows` (or runs `write` instead). */
  private async replaceChildren(
    table: string,
    parentColumn: string,
    parentIds: number[],
    rows: Row[],
    write?: () => Promise<void>,
  ): Promise<void> {
    if (!(this.bulk && (await this.wasEmpty(table)))) {
      for (const part of chunks(parentIds, 50_000))
        await this.trx.raw(`delete from "${table}" where "${parentColumn}" = any(?::int[])`, [
          part,
        ]);
    }
    await (write ? write() : this.insert(table, rows));
  }

  private counts(section: Section, received: number, created: number): Counts {
    return { section, received, created, updated: received - created, unchanged: 0 };
  }

  async agencies(data: ValidDataset): Promise<Counts> {
    const rows = data.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      kind: a.kind,
      updated_at: this.trx.fn.now(),
    }));
    const created = await this.upsert('agency', rows, ['code'], 'agencies', rows.length);
    return this.counts('agencies', rows.length, created);
  }

  async orgUnits(data: ValidDataset): Promise<Counts> {
    const units = data.orgUnits;
    const agencyIds = await this.ids(
      'agency',
      'code',
      units.map((u) => u.agency),
    );
    // Parents first, so that each unit's parent id is known when it is written.
    const inDoc = new Map(units.map((u) => [u.code, u]));
    const depth = (code: string, seen = 0): number => {
      const parent = inDoc.get(code)?.parent;
      return parent && inDoc.has(parent) && seen < units.length ? 1 + depth(parent, seen + 1) : 0;
    };
    const levels = groupBy(units, (unit) => depth(unit.code));
    let created = 0;
    let done = 0;
    for (const d of [...levels.keys()].sort((a, b) => a - b)) {
      const batch = levels.get(d)!;
      const parentIds = await this.ids(
        'org_unit',
        'code',
        batch.flatMap((u) => (u.parent ? [u.parent] : [])),
      );
      const rows = batch.map((u) => ({
        code: u.code,
        name: u.name,
        agency_id: agencyIds.get(u.agency),
        parent_id: u.parent ? parentIds.get(u.parent) : null,
        updated_at: this.trx.fn.now(),
      }));
      created += await this.upsert('org_unit', rows, ['code'], 'orgUnits', units.length, done);
      done += rows.length;
    }
    return this.counts('orgUnits', units.length, created);
  }

  async competencies(data: ValidDataset): Promise<Counts> {
    const list = data.competencies;
    const rows = list.map((c) => ({
      code: c.code,
      name: c.name,
      type: c.type,
      description: c.description,
      updated_at: this.trx.fn.now(),
    }));
    const created = await this.upsert('competency', rows, ['code'], 'competencies', rows.length);
    const ids = await this.ids(
      'competency',
      'code',
      list.map((c) => c.code),
    );
    const levels = list.flatMap((c) =>
      c.levels.map((l) => ({
        competency_id: ids.get(c.code),
        level: l.level,
        description: l.description,
        indicators: l.indicators,
      })),
    );
    await this.replaceChildren('competency_level', 'competency_id', [...ids.values()], levels);
    return this.counts('competencies', list.length, created);
  }

  async courses(data: ValidDataset): Promise<Counts> {
    const list = data.courses;
    const rows = list.map((c) => ({
      code: c.code,
      title: c.title,
      type: c.type,
      modality: c.modality,
      hours: c.hours,
      cost: c.cost,
      provider: c.provider,
      updated_at: this.trx.fn.now(),
    }));
    const created = await this.upsert('course', rows, ['code'], 'courses', rows.length);
    const ids = await this.ids(
      'course',
      'code',
      list.flatMap((c) => [c.code, ...c.prerequisites]),
    );
    const competencyIds = await this.ids(
      'competency',
      'code',
      list.flatMap((c) => c.outcomes.map((o) => o.competency)),
    );
    const own = list.map((c) => ids.get(c.code)!);
    const outcomes = list.flatMap((c) =>
      c.outcomes.map((o, i) => ({
        course_id: ids.get(c.code),
        competency_id: competencyIds.get(o.competency),
        min_level: o.minLevel,
        to_level: o.toLevel,
        ordinal: i,
      })),
    );
    await this.replaceChildren('course_outcome', 'course_id', own, outcomes);
    const edges = list.flatMap((c) =>
      c.prerequisites.map((p) => ({ course_id: ids.get(c.code), prerequisite_id: ids.get(p) })),
    );
    await this.replaceChildren('course_prerequisite', 'course_id', own, edges);
    return this.counts('courses', list.length, created);
  }

  async positions(data: ValidDataset): Promise<Counts> {
    const list = data.positions;
    const unitIds = await this.ids(
      'org_unit',
      'code',
      list.map((p) => p.orgUnit),
    );
    const rows = list.map((p) => ({
      code: p.code,
      title: p.title,
      category: p.category,
      org_unit_id: unitIds.get(p.orgUnit),
      summary: p.summary,
      government_affair: p.governmentAffair,
      min_rank_code: p.conditions.minRank,
      min_education_code: p.conditions.minEducation,
      min_years_of_service: p.conditions.minYearsOfService,
      min_performance: p.conditions.minPerformance,
      performance_years: p.conditions.performanceYears,
      retirement_age: p.conditions.retirementAge,
      updated_at: this.trx.fn.now(),
    }));
    const created = await this.upsert('position', rows, ['code'], 'positions', rows.length);
    const ids = await this.ids(
      'position',
      'code',
      list.map((p) => p.code),
    );
    const competencyIds = await this.ids(
      'competency',
      'code',
      list.flatMap((p) => p.requirements.map((r) => r.competency)),
    );
    const courseIds = await this.ids(
      'course',
      'code',
      list.flatMap((p) => p.conditions.requiredCourses),
    );
    const own = [...ids.values()];
    const requirements = list.flatMap((p) =>
      p.requirements.map((r, i) => ({
        position_id: ids.get(p.code),
        competency_id: competencyIds.get(r.competency),
        level: r.level,
        weight: r.weight,
        critical: r.critical,
        ordinal: i,
      })),
    );
    await this.replaceChildren('position_requirement', 'position_id', own, requirements);
    const required = list.flatMap((p) =>
      p.conditions.requiredCourses.map((c) => ({
        position_id: ids.get(p.code),
        course_id: courseIds.get(c),
      })),
    );
    await this.replaceChildren('position_required_course', 'position_id', own, required);
    return this.counts('positions', list.length, created);
  }

  async employees(data: ValidDataset): Promise<Counts> {
    const list = data.employees;
    const unitIds = await this.ids(
      'org_unit',
      'code',
      list.map((e) => e.orgUnit),
    );
    const positionIds = await this.ids(
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
      updated_at: this.trx.fn.now(),
    });
    const withNip = list.filter((e) => e.nip);
    const pppk = list.filter((e) => !e.nip);
    let created = await this.upsert(
      'employee',
      withNip.map(toRow),
      ['nip'],
      'employees',
      list.length,
    );
    created += await this.upsert(
      'employee',
      pppk.map(toRow),
      ['pppk_number'],
      'employees',
      list.length,
      withNip.length,
    );
    // On a first load every employee is this import's: read them all at once.
    const ids =
      this.bulk && (await this.wasEmpty('employee'))
        ? await this.allEmployeeIds()
        : await this.employeeIds(list);
    const own = list.map((e) => ids.get(employeeKey(e))!);
    let ratings = 0;
    for (const e of list) ratings += e.performance.length;
    if (this.bulk && ratings >= BULK_MIN_ROWS) {
      // Millions of ratings on a national load: made as they are sent, never held as rows.
      await this.replaceChildren('performance_record', 'employee_id', own, [], () =>
        copyRows(
          this.trx,
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
      await this.replaceChildren('performance_record', 'employee_id', own, performance);
    }
    return this.counts('employees', list.length, created);
  }

  /** The ids of every stored employee, by reference key. */
  private async allEmployeeIds(): Promise<Map<string, number>> {
    const { rows } = await this.trx.raw<{
      rows: { id: number; nip: string | null; pppk_number: string | null }[];
    }>(`select id, nip, pppk_number from employee`);
    for (const row of rows)
      this.knownEmployees.set(employeeKey({ nip: row.nip, pppkNumber: row.pppk_number }), row.id);
    return this.knownEmployees;
  }

  /** Employee ids by reference key; ids already looked up in this import are kept. */
  private async employeeIds(
    refs: readonly { nip: string | null; pppkNumber: string | null }[],
  ): Promise<Map<string, number>> {
    const known = this.knownEmployees;
    const missing = refs.filter((r) => !known.has(employeeKey(r)));
    const byNip = await this.ids(
      'employee',
      'nip',
      missing.flatMap((r) => (r.nip ? [r.nip] : [])),
    );
    const byPppk = await this.ids(
      'employee',
      'pppk_number',
      missing.flatMap((r) => (!r.nip && r.pppkNumber ? [r.pppkNumber] : [])),
    );
    for (const [nip, id] of byNip) known.set(`N:${nip}`, id);
    for (const [number, id] of byPppk) known.set(`P:${number}`, id);
    return known;
  }

  async assessments(data: ValidDataset, issues: DatasetIssue[]): Promise<Counts> {
    const list = data.assessments;
    const employeeIds = await this.employeeIds(list);
    const competencyIds = await this.ids(
      'competency',
      'code',
      list.flatMap((a) => a.results.map((r) => r.competency)),
    );
    // A first load has no stored assessment to compare with.
    const stored = this.bulk && (await this.wasEmpty('assessment')) ? [] : list;
    const existing = await storedAssessments(
      this.trx,
      stored.map((a) => employeeIds.get(employeeKey(a))!),
    );
    const fresh: { record: (typeof list)[number]; employeeId: number }[] = [];
    list.forEach((a, index) => {
      const employeeId = employeeIds.get(employeeKey(a))!;
      const before = existing.get(`${employeeId}|${a.assessedOn}|${a.method}`);
      if (before === undefined) return fresh.push({ record: a, employeeId });
      if (assessmentFingerprint(a) !== before) issues.push(appendOnlyIssue(a, index));
    });
    if (this.bulk && fresh.length >= BULK_MIN_ROWS) {
      await this.copyAssessments(fresh, competencyIds);
    } else await this.insertAssessments(fresh, competencyIds);
    return {
      section: 'assessments',
      received: list.length,
      created: fresh.length,
      updated: 0,
      unchanged: list.length - fresh.length,
    };
  }

  /**
   * `count` ids drawn from `table`'s sequence, as the i-th id. They come back as a range when
   * they are consecutive (nothing else drew from the sequence meanwhile), else as a list.
   */
  private async drawIds(table: string, count: number): Promise<(i: number) => number> {
    const { rows } = await this.trx.raw<{
      rows: { first: number; last: number; ids: number[] | null }[];
    }>(
      `select min(id)::int as first, max(id)::int as last,
              case when max(id) - min(id) + 1 = count(*) then null
                   else array_agg(id::int order by id) end as ids
         from (select nextval(pg_get_serial_sequence(?, 'id')) as id
                 from generate_series(1, ?)) drawn`,
      [table, count],
    );
    const { first, ids } = rows[0];
    return ids ? (i) => ids[i] : (i) => first + i;
  }

  /** The bulk path: ids drawn from the sequence up front, then both tables by COPY. */
  private async copyAssessments(
    fresh: { record: ValidDataset['assessments'][number]; employeeId: number }[],
    competencyIds: Map<string, number>,
  ): Promise<void> {
    const idOf = await this.drawIds('assessment', fresh.length);
    await copyRows(
      this.trx,
      'assessment',
      ['id', 'employee_id', 'assessed_on', 'method', 'assessor', 'potential'],
      (function* () {
        for (let i = 0; i < fresh.length; i++) {
          const { record, employeeId } = fresh[i];
          yield [
            idOf(i),
            employeeId,
            record.assessedOn,
            record.method,
            record.assessor,
            record.potential,
          ];
        }
      })(),
    );
    function* results() {
      for (let i = 0; i < fresh.length; i++) {
        for (const r of fresh[i].record.results)
          yield [idOf(i), competencyIds.get(r.competency)!, r.level];
      }
    }
    let count = 0;
    for (const { record } of fresh) count += record.results.length;
    const perAssessment = count / Math.max(1, fresh.length);
    await copyRows(
      this.trx,
      'assessment_result',
      ['assessment_id', 'competency_id', 'level'],
      results(),
      (done) => this.progress('assessments', Math.round(done / perAssessment), fresh.length),
    );
  }

  private async insertAssessments(
    fresh: { record: ValidDataset['assessments'][number]; employeeId: number }[],
    competencyIds: Map<string, number>,
  ): Promise<void> {
    let done = 0;
    for (const part of chunks(fresh)) {
      const inserted: { id: number }[] = await this.trx('assessment')
        .insert(
          part.map(({ record, employeeId }) => ({
            employee_id: employeeId,
            assessed_on: record.assessedOn,
            method: record.method,
            assessor: record.assessor,
            potential: record.potential,
          })),
        )
        .returning('id');
      const results = part.flatMap(({ record }, i) =>
        record.results.map((r) => ({
          assessment_id: inserted[i].id,
          competency_id: competencyIds.get(r.competency),
          level: r.level,
        })),
      );
      for (const rows of chunks(results, 5000)) await this.trx('assessment_result').insert(rows);
      done += part.length;
      this.progress('assessments', done, fresh.length);
    }
  }

  async trainings(data: ValidDataset): Promise<Counts> {
    const list = data.trainings;
    const employeeIds = await this.employeeIds(list);
    const courseIds = await this.ids(
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
    const created = await this.upsert(
      'training_record',
      rows,
      ['employee_id', 'course_id', 'completed_on'],
      'trainings',
      rows.length,
    );
    return this.counts('trainings', list.length, created);
  }
}

/**
 * What makes two assessments of one employee, day and method the same: assessor, potential
 * and every result. An identical one is a repeat (skipped); a different one is refused,
 * because history is append-only.
 */
export function assessmentFingerprint(assessment: {
  assessor: string | null;
  potential: number | null;
  results: readonly { competency: string; level: number }[];
}): string {
  const results = [...assessment.results]
    .sort((x, y) => (x.competency < y.competency ? -1 : 1))
    .map((r) => `${r.competency}=${r.level}`);
  return `${assessment.assessor ?? ''}|${assessment.potential ?? ''}|${results.join(',')}`;
}

/**
 * The stored assessments of some employees (read 5,000 employees at a time), as the fingerprint
 * of each by `employee|date|method`: what an assessment sent again is compared with.
 */
export async function storedAssessments(
  trx: Knex,
  employeeIds: readonly number[],
): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (const part of chunks([...new Set(employeeIds)], 5000)) {
    const { rows } = await trx
      .raw<{
        rows: {
          key: string;
          assessor: string | null;
          potential: number | null;
          results: [string, number][];
        }[];
      }>(STORED_ASSESSMENTS, [part])
      .options(prepared(STORED_ASSESSMENTS));
    for (const row of rows) {
      const results = row.results.map(([competency, level]) => ({ competency, level }));
      existing.set(row.key, assessmentFingerprint({ ...row, results }));
    }
  }
  return existing;
}

/** An assessment sent again with other content than stored: history is append-only. */
export function appendOnlyIssue(
  a: { assessedOn: string; method: string },
  index: number,
): DatasetIssue {
  return {
    section: 'assessments',
    index,
    field: 'results',
    code: 'APPEND_ONLY',
    message: `an assessment of this employee on ${a.assessedOn} by ${a.method} exists with other content; history is append-only, so record a new assessment instead`,
  };
}

/** The stored assessments of some employees, each with its results, to compare with. */
const STORED_ASSESSMENTS = `select a.employee_id || '|' || a.assessed_on::text || '|' || a.method as key,
                  a.assessor, a.potential::float8 as potential,
                  json_agg(json_build_array(c.code, r.level)) as results
             from assessment a
             join assessment_result r on r.assessment_id = a.id
             join competency c on c.id = r.competency_id
            where a.employee_id = any(?)
            group by a.id`;
