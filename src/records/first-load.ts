import type { Knex } from '@mikro-orm/knex';
import {
  copyFromText,
  copyLines,
  type CopyValue,
  dropForeignKeys,
  dropIndexes,
  pauseChangeLog,
  withForeignKeysCheckedOnce,
} from '../platform/db/bulk-copy';
import type { DatasetIssue, ImportReport, Section, ValidDataset } from '../domain/dataset.types';
import { normaliseDocument } from '../domain/record-reader';
import type { KnownKeys } from './known-keys';
import { readCompetencies } from './validate-competencies';
import { readCourses } from './validate-courses';
import { readAgencies, readOrgUnits } from './validate-org';
import { readAssessments, readDiscipline, readEmployees, readTrainings } from './validate-people';
import { readPositions } from './validate-positions';
import { DocumentReader } from './validate-reader';
import {
  writeAgencies,
  writeCompetencies,
  writeCourses,
  writeOrgUnits,
  writePositions,
} from './write-catalogue';
import { TableWriter, type Counts } from './write-tables';
import { unchangedRecords, withUnchanged } from './unchanged-records';
import { issueTotal } from './issue-list';

/**
 * A first load of a national file, record by record: the catalogue sections (small) are read
 * whole, validated and written as by any import; then the people sections are validated and
 * written in chunks (`FIRST_LOAD_CHUNK` records), by `COPY … FREEZE` into their tables, truncated in this
 * transaction, with ids drawn here (the sequences are set once at the end). Only the keys that
 * later records refer to are kept (NIPs and PPPK numbers with their ids, the identities of
 * assessments, trainings and sentences for the duplicate checks), never the records.
 *
 * It is valid only into a database with no employee and nothing that refers to one: the
 * truncation would otherwise delete them. `begin` refuses any other database.
 */

/** The people sections, in the order their references need: each after what it names. */
const PEOPLE: readonly Section[] = ['employees', 'assessments', 'trainings', 'discipline'];
const CATALOGUE: readonly Section[] = [
  'agencies',
  'orgUnits',
  'competencies',
  'courses',
  'positions',
];

/** The catalogue's lists, which refer to its records and are written by COPY. */
const CATALOGUE_CHILDREN = [
  'competency_level',
  'course_outcome',
  'course_prerequisite',
  'position_requirement',
  'position_required_course',
];

/** Records validated and written at a time: large enough for COPY, small enough to hold. */
export const FIRST_LOAD_CHUNK = 20_000;

/** The tables that hold people, and everything that refers to them (truncated together). */
const PEOPLE_TABLES = [
  'employee',
  'performance_record',
  'assessment',
  'assessment_result',
  'training_record',
  'discipline_record',
];

/** The database holds people already: a streamed first load would truncate them. */
export class NotAFirstLoadError extends Error {}

/** A record of the document as read: its section, its index there (null: not a list). */
export interface DocumentRecord {
  section: string;
  index: number | null;
  record: unknown;
}

/** The ids of the catalogue's codes, and the transaction's `now()`: what people rows need. */
export interface CatalogueRefs {
  unit: Map<string, number>;
  position: Map<string, number>;
  competency: Map<string, number>;
  course: Map<string, number>;
  now: string;
}

/** The catalogue sections as validated (empty when the document has an issue anywhere). */
export type ValidCatalogue = Pick<
  ValidDataset,
  'agencies' | 'orgUnits' | 'competencies' | 'courses' | 'positions'
>;

/** One table's rows of a chunk, as COPY's text. */
export interface CopyChunk {
  table: string;
  columns: readonly string[];
  text: string;
}

/**
 * Where a reader sends what it has read: the catalogue (written, its ids returned) and then the
 * people rows chunk by chunk (`rows` resolves when the writer has taken the chunk: the reader
 * reads the next one while it is written).
 */
export interface FirstLoadSink {
  catalogue(data: ValidCatalogue, valid: boolean): Promise<CatalogueRefs>;
  rows(copies: CopyChunk[]): Promise<void>;
}

/** What a reader found in the whole file: issues (with their total), people counts, last ids. */
export interface ReadResult {
  issues: DatasetIssue[];
  issueTotal: number;
  counts: Counts[];
  lastIds: [string, number][];
}

/**
 * The reading half of a first load, which touches no database: records validated chunk by
 * chunk, ids drawn in order, people rows made as COPY text and handed to the sink. It runs in
 * the importing process or in a worker thread of its own (`first-load-thread.ts`), so that on
 * a machine with two cores the file is read and checked while the rows before are written.
 */
export class FirstLoadReader {
  private readonly doc: DocumentReader;
  private readonly catalogue: Record<string, unknown> = {};
  private readonly counts = new Map<Section, Counts>();
  /** The sections met so far, in order. */
  private readonly seen: string[] = [];
  private chunk: unknown[] = [];
  private chunkOffset = 0;
  private readonly ids = new Map<string, number>();
  /**
   * Employee ids by NIP and by PPPK number, keyed by the records' own strings: a key made per
   * employee (`N:…`) was a million more strings for every collection of a national load to walk.
   */
  private readonly byNip = new Map<string, number>();
  private readonly byPppk = new Map<string, number>();
  private readonly assessmentKeys = new Set<string>();
  private readonly trainingKeys = new Set<string>();
  private readonly disciplineKeys = new Set<string>();
  private refs: CatalogueRefs | null = null;

  constructor(
    known: KnownKeys,
    today: string,
    private readonly sink: FirstLoadSink,
    private readonly chunkSize = FIRST_LOAD_CHUNK,
  ) {
    this.doc = new DocumentReader(known, today);
  }

  get issues(): DatasetIssue[] {
    return this.doc.issues;
  }

  /** Takes the records of one read of the file; hands on a chunk when one is full. */
  async take(records: readonly DocumentRecord[]): Promise<void> {
    for (const { section, index, record } of records) {
      if (this.seen.at(-1) !== section) await this.enter(section);
      const people = PEOPLE.includes(section as Section);
      if (index === null) {
        // A section that is not a list: the readers say so, as for a whole document.
        if (!people) this.catalogue[section] = record;
        else {
          this.doc.offset = 0;
          this.doc.sections = { [section]: record };
          this.read(section as Section);
        }
        continue;
      }
      if (!people) {
        ((this.catalogue[section] ??= []) as unknown[]).push(record);
        continue;
      }
      if (this.chunk.length === 0) this.chunkOffset = index;
      this.chunk.push(record);
      if (this.chunk.length >= this.chunkSize) await this.flush();
    }
  }

  /** Ends the read: the last chunk; the issues, counts and the last id of each table. */
  async finish(): Promise<ReadResult> {
    if (this.refs === null) await this.startPeople();
    await this.flush();
    return {
      issues: [...this.issues],
      issueTotal: issueTotal(this.issues),
      counts: [...this.counts.values()],
      lastIds: [...this.ids],
    };
  }

  /** A new section: the catalogue is handed on before the first people section. */
  private async enter(section: string): Promise<void> {
    await this.flush();
    const known = [...CATALOGUE, ...PEOPLE] as string[];
    const problem = this.seen.includes(section)
      ? `"${section}" appears twice in the document`
      : known.includes(section) && this.seen.some((s) => known.indexOf(s) > known.indexOf(section))
        ? `a streamed import reads the sections in the order ${known.join(', ')}: "${section}" comes after ${this.seen.filter((s) => known.indexOf(s) > known.indexOf(section)).join(', ')} in this file`
        : !known.includes(section)
          ? `"${section}" is not a section (${known.join(', ')})`
          : null;
    if (problem)
      this.doc.issues.push({
        section: 'document',
        index: null,
        field: section,
        code: 'INVALID',
        message: problem,
      });
    this.seen.push(section);
    if (PEOPLE.includes(section as Section) && this.refs === null) await this.startPeople();
  }

  /** Validates the catalogue and hands it on; the writer answers with its ids. */
  private async startPeople(): Promise<void> {
    this.doc.offset = 0;
    this.doc.sections = this.normalised(this.catalogue, 0);
    for (const read of [readAgencies, readOrgUnits, readCompetencies, readCourses, readPositions])
      read(this.doc);
    const data: ValidCatalogue = {
      agencies: this.doc.dataset.agencies,
      orgUnits: this.doc.dataset.orgUnits,
      competencies: this.doc.dataset.competencies,
      courses: this.doc.dataset.courses,
      positions: this.doc.dataset.positions,
    };
    for (const section of CATALOGUE) this.doc.dataset[section] = [] as never;
    this.refs = await this.sink.catalogue(data, this.issues.length === 0);
  }

  /** The sections normalised as a document's, issues at the records' places in the file. */
  private normalised(sections: Record<string, unknown>, offset: number): Record<string, unknown> {
    const issues: DatasetIssue[] = [];
    const document = normaliseDocument(sections, issues) as Record<string, unknown>;
    for (const issue of issues)
      this.doc.issues.push(
        issue.index === null ? issue : { ...issue, index: issue.index + offset },
      );
    return document;
  }

  private read(section: Section): void {
    switch (section) {
      case 'employees':
        return readEmployees(this.doc);
      case 'assessments':
        return readAssessments(this.doc, this.assessmentKeys);
      case 'trainings':
        return readTrainings(this.doc, this.trainingKeys);
      case 'discipline':
        return readDiscipline(this.doc, this.disciplineKeys);
      default:
        return;
    }
  }

  /** Validates the chunk, and (while the file has no issue) hands its rows on. */
  private async flush(): Promise<void> {
    const section = this.seen.at(-1) as Section | undefined;
    if (this.chunk.length === 0 || !section) return;
    const records = this.chunk;
    this.chunk = [];
    this.doc.offset = this.chunkOffset;
    this.doc.sections = this.normalised({ [section]: records }, this.chunkOffset);
    this.read(section);
    const valid = this.doc.dataset[section] as unknown[];
    this.doc.dataset[section] = [] as never;
    const counts = this.counts.get(section) ?? { section, ...ZERO };
    counts.received += valid.length;
    counts.created += valid.length;
    this.counts.set(section, counts);
    if (this.issues.length > 0) return;
    // Ids are drawn in order as the rows are made; the text goes while the next chunk is read.
    await this.sink.rows(
      this.rows(section, valid).map(([table, columns, rows]) => ({
        table,
        columns,
        text: copyLines(rows as CopyValue[][]),
      })),
    );
  }

  /** The id of the employee a record names (by NIP, else by PPPK number). */
  private employeeId(ref: { nip: string | null; pppkNumber: string | null }): number | undefined {
    return ref.nip ? this.byNip.get(ref.nip) : this.byPppk.get(ref.pppkNumber ?? '');
  }

  /** The next `count` ids of `table`, as the first of them. */
  private draw(table: string, count: number): number {
    const first = (this.ids.get(table) ?? 0) + 1;
    this.ids.set(table, first + count - 1);
    return first;
  }

  private rows(section: Section, valid: unknown[]): [string, string[], unknown[][]][] {
    const refs = this.refs!;
    switch (section) {
      case 'employees': {
        const list = valid as ValidDataset['employees'];
        let id = this.draw('employee', list.length);
        const employees: unknown[][] = [];
        const ratings: unknown[][] = [];
        for (const e of list) {
          if (e.nip) this.byNip.set(e.nip, id);
          else this.byPppk.set(e.pppkNumber!, id);
          employees.push([
            id,
            e.nip,
            e.pppkNumber,
            e.name,
            e.employmentType,
            e.rank,
            e.pppkGrade,
            e.education,
            refs.unit.get(e.orgUnit),
            e.position ? refs.position.get(e.position) : null,
            e.birthDate,
            e.appointedOn,
            e.potential,
            refs.now,
          ]);
          for (const p of e.performance) ratings.push([0, id, p.year, p.rating]);
          id++;
        }
        let rating = this.draw('performance_record', ratings.length);
        for (const row of ratings) row[0] = rating++;
        return [
          ['employee', EMPLOYEE_COLUMNS, employees],
          ['performance_record', ['id', 'employee_id', 'year', 'rating'], ratings],
        ];
      }
      case 'assessments': {
        const list = valid as ValidDataset['assessments'];
        let id = this.draw('assessment', list.length);
        const assessments: unknown[][] = [];
        const results: unknown[][] = [];
        for (const a of list) {
          assessments.push([
            id,
            this.employeeId(a),
            a.assessedOn,
            a.method,
            a.assessor,
            a.potential,
          ]);
          for (const r of a.results)
            results.push([0, id, refs.competency.get(r.competency), r.level]);
          id++;
        }
        let result = this.draw('assessment_result', results.length);
        for (const row of results) row[0] = result++;
        return [
          [
            'assessment',
            ['id', 'employee_id', 'assessed_on', 'method', 'assessor', 'potential'],
            assessments,
          ],
          ['assessment_result', ['id', 'assessment_id', 'competency_id', 'level'], results],
        ];
      }
      case 'trainings': {
        const list = valid as ValidDataset['trainings'];
        let id = this.draw('training_record', list.length);
        const rows = list.map((t) => [
          id++,
          this.employeeId(t),
          refs.course.get(t.course),
          t.completedOn,
          t.hours,
        ]);
        return [
          ['training_record', ['id', 'employee_id', 'course_id', 'completed_on', 'hours'], rows],
        ];
      }
      case 'discipline': {
        const list = valid as ValidDataset['discipline'];
        let id = this.draw('discipline_record', list.length);
        const rows = list.map((d) => [
          id++,
          this.byNip.get(d.nip),
          d.level,
          d.kind,
          d.decisionNumber,
          d.from,
          d.until,
        ]);
        return [
          [
            'discipline_record',
            ['id', 'employee_id', 'level', 'kind', 'decision_number', 'starts_on', 'ends_on'],
            rows,
          ],
        ];
      }
      default:
        return [];
    }
  }
}

/**
 * The writing half of a first load, in the import's transaction: checks the database is one
 * (`begin`), writes the catalogue a reader hands on and readies the people tables, COPYs each
 * chunk's rows (one behind the reader), then sets the sequences, builds the indexes, checks the
 * keys and logs the change once (`finish`).
 */
export class FirstLoad implements FirstLoadSink {
  private readonly counts = new Map<Section, Counts>();
  private restore: (() => Promise<void>)[] = [];
  private writing: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

  private constructor(
    private readonly trx: Knex.Transaction,
    /** The keys the database holds (its catalogue, if any): what the reader validates against. */
    readonly known: KnownKeys,
    private readonly tables: readonly string[],
  ) {}

  /**
   * Checks that the database holds no employee nor anything that refers to one, and truncates
   * those tables (which is what lets COPY write frozen rows). Inside the import's transaction,
   * with the write locks held.
   */
  static async begin(
    trx: Knex.Transaction,
    loadKnown: () => Promise<KnownKeys>,
  ): Promise<FirstLoad> {
    const { rows } = await trx.raw<{ rows: { name: string }[] }>(
      `with recursive refs(t) as (
         select unnest(?::regclass[])
         union
         select c.conrelid from pg_constraint c join refs on c.confrelid = refs.t
          where c.contype = 'f')
       select t::text as name from refs order by 1`,
      [PEOPLE_TABLES],
    );
    const tables = rows.map((r) => r.name);
    const held: string[] = [];
    for (const table of tables) {
      const { rows: any } = await trx.raw<{ rows: { held: boolean }[] }>(
        `select exists (select 1 from ${table}) as held`,
      );
      if (any[0].held) held.push(table);
    }
    if (held.length > 0)
      throw new NotAFirstLoadError(
        `The streamed bulk import is a first load, into a database without employees; this one holds rows in ${held.join(', ')}. Import into an empty database, or take the ordinary bulk path (the whole document in memory).`,
      );
    await trx.raw(`truncate ${tables.join(', ')} restart identity`);
    return new FirstLoad(trx, await loadKnown(), tables);
  }

  /** Writes the valid catalogue, reads its ids, and readies the people tables for COPY. */
  async catalogue(data: ValidCatalogue, valid: boolean): Promise<CatalogueRefs> {
    if (valid) {
      const whole = { ...data, employees: [], assessments: [], trainings: [], discipline: [] };
      const w = new TableWriter(this.trx, () => undefined, true);
      const unchanged = await unchangedRecords(this.trx, whole);
      // A nation's positions have millions of requirements: their references are checked once
      // per table, not by a trigger per row (4 s of a province's 280,000).
      const written = await withForeignKeysCheckedOnce(this.trx, CATALOGUE_CHILDREN, async () => [
        await writeAgencies(w, whole),
        await writeOrgUnits(w, whole),
        await writeCompetencies(w, whole),
        await writeCourses(w, whole),
        await writePositions(w, whole),
      ]);
      for (const counts of withUnchanged(written, unchanged))
        this.counts.set(counts.section, counts);
    }
    const codes = async (table: string) => {
      const { rows } = await this.trx.raw<{ rows: { id: number; code: string }[] }>(
        `select id, code from "${table}"`,
      );
      return new Map(rows.map((r) => [r.code, r.id]));
    };
    const refs: CatalogueRefs = {
      unit: await codes('org_unit'),
      position: await codes('position'),
      competency: await codes('competency'),
      course: await codes('course'),
      now: '',
    };
    const { rows } = await this.trx.raw<{ rows: { now: string }[] }>(`select now()::text as now`);
    refs.now = rows[0].now;
    // Keys checked once per table, indexes built once, the change log written once, at the end.
    this.restore = [
      await dropForeignKeys(this.trx, this.tables),
      await dropIndexes(this.trx, this.tables),
      await pauseChangeLog(this.trx, this.tables),
    ];
    return refs;
  }

  /** Writes a chunk's rows once the chunk before is written; returns as soon as it starts. */
  async rows(copies: CopyChunk[]): Promise<void> {
    await this.settle();
    this.writing = (async () => {
      for (const { table, columns, text } of copies)
        await copyFromText(this.trx, table, columns, text, { freeze: true });
    })().catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
    });
  }

  /**
   * Ends the load once the reader has read the whole file: the last chunk written, then (when
   * the file had no issue) the sequences, indexes, keys and change log; the counts.
   */
  async finish(read: ReadResult): Promise<ImportReport['sections']> {
    await this.settle();
    if (read.issueTotal > 0) return [];
    for (const [table, last] of read.lastIds)
      await this.trx.raw(`select setval(pg_get_serial_sequence(?, 'id'), ?)`, [table, last]);
    for (const restore of this.restore.reverse()) await restore();
    for (const counts of read.counts) this.counts.set(counts.section, counts);
    const order = [...CATALOGUE, ...PEOPLE];
    return order.map((s) => this.counts.get(s) ?? { section: s, ...ZERO });
  }

  /**
   * Waits for the chunk being written, whatever comes of it: a read that fails (a fault of the
   * file) lets the write on the connection end before the transaction is rolled back.
   */
  async idle(): Promise<void> {
    await this.writing;
  }

  /** Waits for the chunk being written; its failure is the load's. */
  private async settle(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure;
  }
}

const ZERO = { received: 0, created: 0, updated: 0, unchanged: 0 };

const EMPLOYEE_COLUMNS = [
  'id',
  'nip',
  'pppk_number',
  'name',
  'employment_type',
  'rank_code',
  'pppk_grade',
  'education_code',
  'org_unit_id',
  'position_id',
  'birth_date',
  'appointed_on',
  'potential',
  'updated_at',
];
