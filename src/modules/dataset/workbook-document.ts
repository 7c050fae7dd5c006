import type { DatasetDocument, DatasetIssue, Section } from '../../domain/dataset.types';
import { convert, nest, Problem, textOf } from './workbook-cells';
import {
  SHEETS,
  type CellPlace,
  type SheetIssue,
  type SheetRows,
  type SheetSpec,
} from './workbook-sheets';

/** Where each record and each item of its lists came from, to name the cell of an issue. */
export interface Provenance {
  place(issue: DatasetIssue): CellPlace;
}

/** The rows of each sheet with their values typed by column. */
type TypedSheets = Map<string, { row: number; fields: Map<string, unknown> }[]>;

/**
 * The dataset document the sheets hold, with each value typed by its column, and where each
 * record and list item came from. Problems a sheet alone shows (an unknown sheet or column, a
 * text where a number goes, a numeric NIP, a result of an assessment or a level of a
 * competency that is not in the file) go to `issues`, by sheet, row and column.
 */
export function documentOf(
  sheets: Map<string, SheetRows>,
  issues: SheetIssue[],
): { document: DatasetDocument; provenance: Provenance } {
  const places = new Places(sheets);
  const build: Build = { typed: typedSheets(sheets, issues, places), places, issues };
  const document: DatasetDocument = {};
  if (sheets.has('agencies')) document.agencies = sectionRecords(build, 'agencies') as never;
  if (sheets.has('orgUnits')) document.orgUnits = sectionRecords(build, 'orgUnits') as never;
  // Records with lists in sheets of their own: each item goes to its record by key; an item
  // whose record is not in the file (or whose sheet is missing) is an issue at its row.
  for (const spec of LIST_SHEETS) {
    const records = sheets.has(spec.section) ? sectionRecords(build, spec.section) : [];
    if (sheets.has(spec.sheet)) attachItems(build, spec, records);
    if (sheets.has(spec.section)) document[spec.section] = records as never;
  }
  if (sheets.has('assessments')) document.assessments = assessmentRecords(build) as never;
  if (sheets.has('trainings')) document.trainings = sectionRecords(build, 'trainings') as never;
  if (sheets.has('discipline')) document.discipline = sectionRecords(build, 'discipline') as never;
  return { document, provenance: { place: (issue) => places.of(issue) } };
}

/**
 * Where the document's records came from, noted as it is built: the sheet of each section,
 * the row of each record, and the rows of the items of each list kept in a sheet of its own.
 */
class Places {
  /** The row of each record, by section, in the order of the section's records. */
  readonly rows = new Map<Section, number[]>();
  /** The rows of each record's list items, by `section.list` (`courses.outcomes`). */
  readonly children = new Map<string, number[][]>();
  readonly sheetOf = new Map<Section, string>();

  constructor(private readonly sheets: Map<string, SheetRows>) {}

  /** A place by sheet, row and column, with the cell's address when the sheet has letters. */
  at(sheet: string, row: number, column?: string): CellPlace {
    const letter = column ? this.sheets.get(sheet)?.letters?.get(column) : undefined;
    return {
      sheet,
      row,
      ...(column ? { column } : {}),
      ...(letter ? { cell: `${letter}${row}` } : {}),
    };
  }

  /** Where an issue of the importer points: the record's row, or a list item's row and column. */
  of(issue: DatasetIssue): CellPlace {
    const sheet = this.sheetOf.get(issue.section as Section) ?? issue.section;
    const row =
      issue.index === null ? 1 : (this.rows.get(issue.section as Section)?.[issue.index] ?? 1);
    const field = issue.field;
    if (!field) return this.at(sheet, row);
    const child = /^([A-Za-z]+)\[(\d+)\](?:\.(.+))?$/.exec(field);
    if (child) {
      const key = `${issue.section}.${child[1]}`;
      const childSheet = CHILD_SHEETS[key];
      const childRow =
        issue.index === null
          ? undefined
          : this.children.get(key)?.[issue.index]?.[Number(child[2])];
      if (childSheet && childRow !== undefined)
        return this.at(childSheet, childRow, (child[3] ?? '').replace(/\[\d+\]$/, '') || undefined);
      if (IN_CELL[key]) return this.at(sheet, row, IN_CELL[key]);
    }
    const inList = /^(.+)\[\d+\]$/.exec(field);
    return this.at(sheet, row, inList ? inList[1] : field);
  }
}

/** Child lists kept in a cell of the parent's row rather than a sheet of their own. */
const IN_CELL: Record<string, string> = {
  'courses.prerequisites': 'prerequisites',
  'competencies.levels.indicators': 'indicators',
  'positions.conditions.requiredCourses': 'conditions.requiredCourses',
};

/** The sheet of each list kept in a sheet of its own, by `section.list`. */
const CHILD_SHEETS: Record<string, string> = {
  'competencies.levels': 'competencyLevels',
  'courses.outcomes': 'courseOutcomes',
  'positions.requirements': 'positionRequirements',
  'employees.performance': 'performance',
  'assessments.results': 'assessments',
};

/**
 * Every sheet's rows with their values typed by column. An unknown sheet, an unknown column
 * and a value its column cannot take are issues; the sheet, column or value is left out.
 */
function typedSheets(
  sheets: Map<string, SheetRows>,
  issues: SheetIssue[],
  places: Places,
): TypedSheets {
  const specs = new Map(SHEETS.map((s) => [s.name, s]));
  const typed: TypedSheets = new Map();
  for (const [name, sheet] of sheets) {
    const spec = specs.get(name);
    if (!spec) {
      issues.push({
        sheet: name,
        row: 1,
        code: 'UNKNOWN',
        message: `no sheet is called "${name}" (${SHEETS.map((s) => s.name).join(', ')})`,
      });
      continue;
    }
    typed.set(name, typedRows(name, sheet, spec, issues, places));
  }
  return typed;
}

/** One sheet's rows with their values typed by column (see `typedSheets`). */
function typedRows(
  name: string,
  sheet: SheetRows,
  spec: SheetSpec,
  issues: SheetIssue[],
  places: Places,
): { row: number; fields: Map<string, unknown> }[] {
  const byName = new Map(spec.columns.map((c) => [c.name, c]));
  for (const column of sheet.columns)
    if (!byName.has(column))
      issues.push({
        ...places.at(name, 1, column),
        code: 'UNKNOWN',
        message: `no column of ${name} is called "${column}"`,
      });
  return sheet.rows.map(({ row, values }) => {
    const fields = new Map<string, unknown>();
    for (const [column, value] of values) {
      const spec = byName.get(column);
      if (!spec) continue;
      const converted = convert(value, spec.kind);
      if (converted instanceof Problem)
        issues.push({
          ...places.at(name, row, column),
          code: 'INVALID',
          message: converted.message,
        });
      else fields.set(column, converted);
    }
    return { row, fields };
  });
}

/** What building the document from the typed sheets works with. */
interface Build {
  readonly typed: TypedSheets;
  readonly places: Places;
  readonly issues: SheetIssue[];
}

const rowsOf = (build: Build, sheet: string) => build.typed.get(sheet) ?? [];

/** The records of a section, a row each of the sheet of its name; dotted columns nest. */
function sectionRecords(build: Build, section: Section): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const at: number[] = [];
  for (const { row, fields } of rowsOf(build, section)) {
    records.push(nest(fields));
    at.push(row);
  }
  build.places.rows.set(section, at);
  build.places.sheetOf.set(section, section);
  return records;
}

/** A person's key in a row or a record: NIP and PPPK number. */
const personKey = (f: Map<string, unknown> | Record<string, unknown>) => {
  const get = (k: string) => (f instanceof Map ? f.get(k) : f[k]);
  return `${textOf(get('nip'))}|${textOf(get('pppkNumber'))}`;
};

/** A list of a section's records kept in a sheet of its own, an item a row. */
interface ListSheet {
  section: 'competencies' | 'courses' | 'positions' | 'employees';
  /** A record's key, as the sheet's rows name it. */
  key: (record: Record<string, unknown>) => string;
  sheet: string;
  /** The column of a row that names its record (or how the key is made from the row). */
  keyColumn: string | ((fields: Map<string, unknown>) => string);
  /** The record's field that holds the list. */
  list: string;
  item: (fields: Map<string, unknown>) => unknown;
}

const LIST_SHEETS: readonly ListSheet[] = [
  {
    section: 'competencies',
    key: (c) => textOf(c.code),
    sheet: 'competencyLevels',
    keyColumn: 'competency',
    list: 'levels',
    item: (f) => ({
      level: f.get('level'),
      description: f.get('description'),
      indicators: (f.get('indicators') as string[] | undefined) ?? [],
    }),
  },
  {
    section: 'courses',
    key: (c) => textOf(c.code),
    sheet: 'courseOutcomes',
    keyColumn: 'course',
    list: 'outcomes',
    item: (f) => ({
      competency: f.get('competency'),
      minLevel: f.get('minLevel') ?? null,
      toLevel: f.get('toLevel'),
    }),
  },
  {
    section: 'positions',
    key: (p) => textOf(p.code),
    sheet: 'positionRequirements',
    keyColumn: 'position',
    list: 'requirements',
    item: (f) => ({
      competency: f.get('competency'),
      level: f.get('level'),
      ...(f.has('weight') ? { weight: f.get('weight') } : {}),
      ...(f.has('critical') ? { critical: f.get('critical') } : {}),
    }),
  },
  {
    section: 'employees',
    key: personKey,
    sheet: 'performance',
    keyColumn: personKey,
    list: 'performance',
    item: (f) => ({ year: f.get('year'), rating: f.get('rating') }),
  },
];

/** The items of a list sheet, each attached to its record by key; an item without one is an issue. */
function attachItems(build: Build, spec: ListSheet, parents: Record<string, unknown>[]): void {
  const index = new Map(parents.map((p, i) => [spec.key(p), i]));
  const places = parents.map(() => [] as number[]);
  for (const { row, fields } of rowsOf(build, spec.sheet)) {
    const key =
      typeof spec.keyColumn === 'string'
        ? textOf(fields.get(spec.keyColumn))
        : spec.keyColumn(fields);
    const i = index.get(key);
    if (i === undefined) {
      const column = typeof spec.keyColumn === 'string' ? spec.keyColumn : 'nip';
      build.issues.push({
        ...build.places.at(spec.sheet, row, column),
        code: 'UNKNOWN',
        message: `"${key.split('|').filter(Boolean).join(' / ')}" is not a record of the sheet ${build.places.sheetOf.get(spec.section) ?? spec.section} in this file`,
      });
      continue;
    }
    const parent = parents[i];
    ((parent[spec.list] ??= []) as unknown[]).push(spec.item(fields));
    places[i].push(row);
  }
  build.places.children.set(`${spec.section}.${spec.list}`, places);
}

/** Assessments, one row per result: the rows of one employee, date and method make one. */
function assessmentRecords(build: Build): Record<string, unknown>[] {
  const groups = new Map<
    string,
    { record: Record<string, unknown>; rows: number[]; first: number }
  >();
  for (const { row, fields } of rowsOf(build, 'assessments')) {
    const key = `${personKey(fields)}|${textOf(fields.get('assessedOn'))}|${textOf(fields.get('method'))}`;
    let group = groups.get(key);
    if (!group) {
      const record = nest(
        new Map([...fields].filter(([k]) => k !== 'competency' && k !== 'level')),
      );
      record.results = [];
      group = { record, rows: [], first: row };
      groups.set(key, group);
    }
    (group.record.results as unknown[]).push({
      competency: fields.get('competency'),
      level: fields.get('level'),
    });
    group.rows.push(row);
  }
  const all = [...groups.values()];
  build.places.rows.set(
    'assessments',
    all.map((g) => g.first),
  );
  build.places.sheetOf.set('assessments', 'assessments');
  build.places.children.set(
    'assessments.results',
    all.map((g) => g.rows),
  );
  return all.map((g) => g.record);
}
