import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AssessmentMethod } from '../../domain/assessment.enums';
import { CompetencyType } from '../../domain/competency.enums';
import { CourseModality, CourseType } from '../../domain/course.enums';
import { EmploymentType } from '../../domain/employee.enums';
import { AgencyKind } from '../../domain/org.enums';
import { PerformanceRating, PositionCategory } from '../../domain/position.enums';
import { EDUCATION_LEVELS, RANKS } from '../../domain/reference.data';
import type { DatasetDocument, DatasetIssue, Section } from '../../domain/dataset.types';
import { IssueList } from '../../records/issue-list';
import {
  checkWorkbook,
  WORKBOOK_LIMITS,
  WorkbookLimitError,
  type WorkbookLimits,
} from './workbook-limits';

/**
 * The dataset as a workbook: a sheet per section, and a sheet per list inside a record
 * (a competency's levels, a course's outcomes, a position's requirements, an employee's ratings;
 * an assessment is one row per result). Row 1 names the columns (dotted for nested fields),
 * row 2 says what each holds; data starts on row 3. The same layout, as one CSV file per sheet
 * (`employees.csv`, …), is read from a folder.
 */

type Kind = 'text' | 'code' | 'integer' | 'number' | 'date' | 'boolean' | 'codes';

interface Column {
  readonly name: string;
  readonly kind: Kind;
  readonly note: string;
  readonly required?: boolean;
  /** The values a drop-down offers (and the importer accepts). */
  readonly list?: readonly string[];
}

interface SheetSpec {
  readonly name: string;
  readonly columns: readonly Column[];
}

const values = (e: Record<string, string>) => Object.values(e);
const RANK_CODES = RANKS.map((r) => r.code);
const EDUCATION_CODES = EDUCATION_LEVELS.map((e) => e.code);
const PERSON: Column[] = [
  { name: 'nip', kind: 'text', note: '18-digit NIP (PNS, CPNS), as text' },
  { name: 'pppkNumber', kind: 'text', note: 'PPPK number (PPPK), as text' },
];

export const SHEETS: readonly SheetSpec[] = [
  {
    name: 'agencies',
    columns: [
      { name: 'code', kind: 'code', note: 'Agency code', required: true },
      { name: 'name', kind: 'text', note: 'Name', required: true },
      {
        name: 'kind',
        kind: 'code',
        note: 'Kind of agency',
        required: true,
        list: values(AgencyKind),
      },
    ],
  },
  {
    name: 'orgUnits',
    columns: [
      { name: 'code', kind: 'code', note: 'Unit code', required: true },
      { name: 'agency', kind: 'code', note: 'Agency code', required: true },
      { name: 'name', kind: 'text', note: 'Name', required: true },
      { name: 'parent', kind: 'code', note: 'Code of the unit above (empty: top)' },
    ],
  },
  {
    name: 'competencies',
    columns: [
      { name: 'code', kind: 'code', note: 'Competency code, e.g. M.01', required: true },
      { name: 'name', kind: 'text', note: 'Name', required: true },
      { name: 'type', kind: 'code', note: 'Type', required: true, list: values(CompetencyType) },
      { name: 'description', kind: 'text', note: 'What it is' },
    ],
  },
  {
    name: 'competencyLevels',
    columns: [
      {
        name: 'competency',
        kind: 'code',
        note: 'Competency code (sheet competencies)',
        required: true,
      },
      {
        name: 'level',
        kind: 'integer',
        note: 'Level 1–5',
        required: true,
        list: ['1', '2', '3', '4', '5'],
      },
      { name: 'description', kind: 'text', note: 'What the level means', required: true },
      { name: 'indicators', kind: 'codes', note: 'Behavioural indicators, separated by ;' },
    ],
  },
  {
    name: 'courses',
    columns: [
      { name: 'code', kind: 'code', note: 'Course code', required: true },
      { name: 'title', kind: 'text', note: 'Title', required: true },
      { name: 'type', kind: 'code', note: 'Type', required: true, list: values(CourseType) },
      {
        name: 'modality',
        kind: 'code',
        note: 'Modality',
        required: true,
        list: values(CourseModality),
      },
      { name: 'hours', kind: 'integer', note: 'Lesson hours (JP)', required: true },
      { name: 'cost', kind: 'number', note: 'Cost per participant (Rp)' },
      { name: 'provider', kind: 'text', note: 'Provider', required: true },
      { name: 'prerequisites', kind: 'codes', note: 'Course codes required first, separated by ;' },
    ],
  },
  {
    name: 'courseOutcomes',
    columns: [
      { name: 'course', kind: 'code', note: 'Course code (sheet courses)', required: true },
      { name: 'competency', kind: 'code', note: 'Competency developed', required: true },
      {
        name: 'minLevel',
        kind: 'integer',
        note: 'Entry level (empty: none)',
        list: ['1', '2', '3', '4', '5'],
      },
      {
        name: 'toLevel',
        kind: 'integer',
        note: 'Level reached',
        required: true,
        list: ['1', '2', '3', '4', '5'],
      },
    ],
  },
  {
    name: 'positions',
    columns: [
      { name: 'code', kind: 'code', note: 'Position code', required: true },
      { name: 'title', kind: 'text', note: 'Title', required: true },
      {
        name: 'category',
        kind: 'code',
        note: 'Category',
        required: true,
        list: values(PositionCategory),
      },
      { name: 'orgUnit', kind: 'code', note: 'Unit code', required: true },
      { name: 'summary', kind: 'text', note: 'Summary of the job' },
      { name: 'governmentAffair', kind: 'text', note: 'Government affair (urusan)' },
      { name: 'conditions.minRank', kind: 'code', note: 'Lowest rank', list: RANK_CODES },
      {
        name: 'conditions.minEducation',
        kind: 'code',
        note: 'Lowest education',
        list: EDUCATION_CODES,
      },
      {
        name: 'conditions.requiredCourses',
        kind: 'codes',
        note: 'Course codes required, separated by ;',
      },
      { name: 'conditions.minYearsOfService', kind: 'integer', note: 'Years of service' },
      {
        name: 'conditions.minPerformance',
        kind: 'code',
        note: 'Lowest rating',
        list: values(PerformanceRating),
      },
      {
        name: 'conditions.performanceYears',
        kind: 'integer',
        note: 'Years the rating must hold (default 2)',
      },
      {
        name: 'conditions.retirementAge',
        kind: 'integer',
        note: 'Retirement age (default: the category’s)',
      },
    ],
  },
  {
    name: 'positionRequirements',
    columns: [
      { name: 'position', kind: 'code', note: 'Position code (sheet positions)', required: true },
      { name: 'competency', kind: 'code', note: 'Competency required', required: true },
      {
        name: 'level',
        kind: 'integer',
        note: 'Level required 1–5',
        required: true,
        list: ['1', '2', '3', '4', '5'],
      },
      { name: 'weight', kind: 'number', note: 'Weight (default 1)' },
      {
        name: 'critical',
        kind: 'boolean',
        note: 'Critical: true or false',
        list: ['true', 'false'],
      },
    ],
  },
  {
    name: 'employees',
    columns: [
      ...PERSON,
      { name: 'name', kind: 'text', note: 'Full name', required: true },
      {
        name: 'employmentType',
        kind: 'code',
        note: 'PNS, CPNS or PPPK',
        required: true,
        list: values(EmploymentType),
      },
      { name: 'rank', kind: 'code', note: 'Rank (PNS, CPNS)', list: RANK_CODES },
      { name: 'pppkGrade', kind: 'integer', note: 'PPPK grade 1–17' },
      { name: 'education', kind: 'code', note: 'Education', required: true, list: EDUCATION_CODES },
      { name: 'orgUnit', kind: 'code', note: 'Unit code', required: true },
      { name: 'position', kind: 'code', note: 'Position held (code)' },
      { name: 'birthDate', kind: 'date', note: 'Birth date' },
      { name: 'appointedOn', kind: 'date', note: 'First appointment (TMT CPNS)' },
      { name: 'potential', kind: 'number', note: 'Potential score 0–100' },
    ],
  },
  {
    name: 'performance',
    columns: [
      ...PERSON,
      { name: 'year', kind: 'integer', note: 'Year', required: true },
      {
        name: 'rating',
        kind: 'code',
        note: 'SKP rating',
        required: true,
        list: values(PerformanceRating),
      },
    ],
  },
  {
    name: 'assessments',
    columns: [
      ...PERSON,
      { name: 'assessedOn', kind: 'date', note: 'Date of the assessment', required: true },
      {
        name: 'method',
        kind: 'code',
        note: 'Method',
        required: true,
        list: values(AssessmentMethod),
      },
      { name: 'assessor', kind: 'text', note: 'Assessor' },
      { name: 'potential', kind: 'number', note: 'Potential score 0–100' },
      {
        name: 'competency',
        kind: 'code',
        note: 'Competency assessed (one row per result)',
        required: true,
      },
      {
        name: 'level',
        kind: 'integer',
        note: 'Level found 1–5',
        required: true,
        list: ['1', '2', '3', '4', '5'],
      },
    ],
  },
  {
    name: 'trainings',
    columns: [
      ...PERSON,
      { name: 'course', kind: 'code', note: 'Course code', required: true },
      { name: 'completedOn', kind: 'date', note: 'Date completed', required: true },
      { name: 'hours', kind: 'integer', note: 'Lesson hours (default: the course’s)' },
    ],
  },
];

/** Where a value of the document came from. */
export interface CellPlace {
  readonly sheet: string;
  readonly row: number;
  readonly column?: string;
  /** The cell's address (`F7`), in a workbook. */
  readonly cell?: string;
}

/** A problem in a workbook or CSV file, by sheet, row and column. */
export interface SheetIssue extends CellPlace {
  readonly code: string;
  readonly message: string;
}

/** Rows of one sheet: the row number and the values by column name. */
interface SheetRows {
  readonly columns: readonly string[];
  readonly rows: { row: number; values: Map<string, unknown> }[];
  /** The column letter of each column name (workbooks only). */
  readonly letters?: Map<string, string>;
}

/** Writes the empty workbook: headers, notes, drop-down lists for codes, frozen headers. */
export async function writeTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'competency-graph';
  const lists = workbook.addWorksheet('lists', { state: 'hidden' });
  const listRanges = new Map<string, string>();
  let listColumn = 1;
  const rangeOf = (list: readonly string[]) => {
    const key = list.join('\u0000');
    let range = listRanges.get(key);
    if (!range) {
      const letter = lists.getColumn(listColumn).letter;
      list.forEach((value, i) => (lists.getCell(i + 1, listColumn).value = value));
      range = `lists!$${letter}$1:$${letter}$${list.length}`;
      listRanges.set(key, range);
      listColumn++;
    }
    return range;
  };
  for (const spec of SHEETS) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow(spec.columns.map((c) => c.name)).font = { bold: true };
    sheet.addRow(spec.columns.map((c) => `${c.required ? 'Required. ' : ''}${c.note}`)).font = {
      italic: true,
      color: { argb: 'FF666666' },
    };
    spec.columns.forEach((column, i) => {
      const letter = sheet.getColumn(i + 1).letter;
      sheet.getColumn(i + 1).width = Math.max(14, column.name.length + 2);
      // NIPs and codes are text: Excel would round an 18-digit number.
      if (column.kind === 'text' || column.kind === 'code' || column.kind === 'codes')
        sheet.getColumn(i + 1).numFmt = '@';
      if (column.kind === 'date') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
      if (column.list)
        // A range rule (exceljs types only the per-cell one).
        (sheet as unknown as RangeValidations).dataValidations.add(`${letter}3:${letter}10000`, {
          type: 'list',
          allowBlank: !column.required,
          formulae: [rangeOf(column.list)],
          showErrorMessage: true,
          errorTitle: column.name,
          error: `Choose one of the list (${column.note}).`,
        });
    });
  }
  await workbook.xlsx.writeFile(file);
}

type RangeValidations = {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/**
 * Reads a workbook (`.xlsx`) into sheets of rows by column name. It is checked against
 * `WORKBOOK_LIMITS` first, without reading it whole (a `WorkbookLimitError` past one), so that
 * what is read whole is bounded.
 */
export async function readWorkbook(
  file: string | Buffer,
  issues: SheetIssue[],
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<Map<string, SheetRows>> {
  const buffer = typeof file === 'string' ? await readWorkbookFile(file, limits) : file;
  await checkWorkbook(buffer, limits);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const sheets = new Map<string, SheetRows>();
  for (const sheet of workbook.worksheets) {
    if (sheet.name === 'lists') continue;
    const header = sheet.getRow(1);
    const columns: string[] = [];
    const letters = new Map<string, string>();
    header.eachCell((cell, col) => {
      const name = textOf(cellValue(cell.value)).trim();
      if (!name) return;
      columns[col] = name;
      letters.set(name, sheet.getColumn(col).letter);
    });
    const rows: SheetRows['rows'] = [];
    sheet.eachRow((row, number) => {
      if (number <= 2) return;
      const values = new Map<string, unknown>();
      row.eachCell((cell, col) => {
        const name = columns[col];
        const value = cellValue(cell.value);
        if (!name) {
          if (value !== null && value !== '')
            issues.push({
              sheet: sheet.name,
              row: number,
              cell: cell.address,
              code: 'INVALID',
              message: 'a value in a column without a header',
            });
          return;
        }
        if (value !== null && value !== '') values.set(name, value);
      });
      if (values.size > 0) rows.push({ row: number, values });
    });
    sheets.set(sheet.name, { columns: columns.filter(Boolean), rows, letters });
  }
  return sheets;
}

/** A workbook file's bytes, when it is no larger than a workbook may be. */
async function readWorkbookFile(file: string, limits: WorkbookLimits): Promise<Buffer> {
  const size = (await stat(file)).size;
  if (size > limits.maxFileBytes)
    throw new WorkbookLimitError(
      `${file} is ${size} bytes; a workbook of at most ${limits.maxFileBytes} bytes is read.`,
    );
  return readFile(file);
}

/** What a cell holds, plainly: formulas by their result, rich text as text. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return value.text;
    if ('error' in value) return null;
  }
  return value;
}

/** Reads a folder of CSV files, one per sheet (`employees.csv`, …), the same layout. */
export async function readCsvFolder(
  folder: string,
  issues: SheetIssue[],
): Promise<Map<string, SheetRows>> {
  const sheets = new Map<string, SheetRows>();
  for (const file of (await readdir(folder))
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()) {
    const name = path.basename(file, path.extname(file));
    const records: string[][] = parseCsv(await readFile(path.join(folder, file)), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    const columns = (records[0] ?? []).map((c) => c.trim());
    const rows: SheetRows['rows'] = [];
    records.slice(2).forEach((record, i) => {
      const values = new Map<string, unknown>();
      record.forEach((value, col) => {
        if (value.trim() === '') return;
        const column = columns[col];
        if (!column)
          issues.push({
            sheet: name,
            row: i + 3,
            code: 'INVALID',
            message: 'a value in a column without a header',
          });
        else values.set(column, value);
      });
      if (values.size > 0) rows.push({ row: i + 3, values });
    });
    sheets.set(name, { columns: columns.filter(Boolean), rows });
  }
  return sheets;
}

/** Where each record and each item of its lists came from, to name the cell of an issue. */
export interface Provenance {
  place(issue: DatasetIssue): CellPlace;
}

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
  const specs = new Map(SHEETS.map((s) => [s.name, s]));
  const typed = new Map<string, { row: number; fields: Map<string, unknown> }[]>();
  const place = (sheet: string, row: number, column?: string): CellPlace => {
    const letter = column ? sheets.get(sheet)?.letters?.get(column) : undefined;
    return {
      sheet,
      row,
      ...(column ? { column } : {}),
      ...(letter ? { cell: `${letter}${row}` } : {}),
    };
  };
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
    const byName = new Map(spec.columns.map((c) => [c.name, c]));
    for (const column of sheet.columns)
      if (!byName.has(column))
        issues.push({
          ...place(name, 1, column),
          code: 'UNKNOWN',
          message: `no column of ${name} is called "${column}"`,
        });
    typed.set(
      name,
      sheet.rows.map(({ row, values }) => {
        const fields = new Map<string, unknown>();
        for (const [column, value] of values) {
          const spec = byName.get(column);
          if (!spec) continue;
          const converted = convert(value, spec.kind);
          if (converted instanceof Problem)
            issues.push({
              ...place(name, row, column),
              code: 'INVALID',
              message: converted.message,
            });
          else fields.set(column, converted);
        }
        return { row, fields };
      }),
    );
  }
  const rowsOf = (name: string) => typed.get(name) ?? [];
  const document: DatasetDocument = {};
  const rows = new Map<Section, number[]>();
  const children = new Map<string, number[][]>();
  const sheetOf = new Map<Section, string>();

  /** Records of a section from their sheet; `fields` nests dotted columns. */
  const section = <T>(
    sectionName: Section,
    sheetName = sectionName as string,
    build?: (fields: Map<string, unknown>, row: number) => T | null,
  ) => {
    const records: unknown[] = [];
    const at: number[] = [];
    for (const { row, fields } of rowsOf(sheetName)) {
      const record = build ? build(fields, row) : nest(fields);
      if (record === null) continue;
      records.push(record);
      at.push(row);
    }
    rows.set(sectionName, at);
    sheetOf.set(sectionName, sheetName);
    return records as T[];
  };
  /** Items of a child sheet attached to their parent records by a key column. */
  const attach = (
    parentSection: Section,
    parents: Record<string, unknown>[],
    parentKey: (p: Record<string, unknown>) => string,
    childSheet: string,
    keyColumn: string | ((f: Map<string, unknown>) => string),
    list: string,
    item: (f: Map<string, unknown>) => unknown,
  ) => {
    const index = new Map(parents.map((p, i) => [parentKey(p), i]));
    const places = parents.map(() => [] as number[]);
    for (const { row, fields } of rowsOf(childSheet)) {
      const key = typeof keyColumn === 'string' ? textOf(fields.get(keyColumn)) : keyColumn(fields);
      const i = index.get(key);
      if (i === undefined) {
        const column = typeof keyColumn === 'string' ? keyColumn : 'nip';
        issues.push({
          ...place(childSheet, row, column),
          code: 'UNKNOWN',
          message: `"${key.split('|').filter(Boolean).join(' / ')}" is not a record of the sheet ${sheetOf.get(parentSection) ?? parentSection} in this file`,
        });
        continue;
      }
      const parent = parents[i];
      ((parent[list] ??= []) as unknown[]).push(item(fields));
      places[i].push(row);
    }
    children.set(`${parentSection}.${list}`, places);
  };
  const personKey = (f: Map<string, unknown> | Record<string, unknown>) => {
    const get = (k: string) => (f instanceof Map ? f.get(k) : f[k]);
    return `${textOf(get('nip'))}|${textOf(get('pppkNumber'))}`;
  };

  if (sheets.has('agencies')) document.agencies = section('agencies');
  if (sheets.has('orgUnits')) document.orgUnits = section('orgUnits');
  // Records with lists in sheets of their own: each item goes to its record by key; an item
  // whose record is not in the file (or whose sheet is missing) is an issue at its row.
  const withLists: {
    section: 'competencies' | 'courses' | 'positions' | 'employees';
    key: (record: Record<string, unknown>) => string;
    sheet: string;
    keyColumn: string | ((fields: Map<string, unknown>) => string);
    list: string;
    item: (fields: Map<string, unknown>) => unknown;
  }[] = [
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
  for (const spec of withLists) {
    const records = sheets.has(spec.section) ? section<Record<string, unknown>>(spec.section) : [];
    if (sheets.has(spec.sheet))
      attach(spec.section, records, spec.key, spec.sheet, spec.keyColumn, spec.list, spec.item);
    if (sheets.has(spec.section)) document[spec.section] = records as never;
  }
  if (sheets.has('assessments')) {
    // One row per result: the rows of one employee, date and method make one assessment.
    const groups = new Map<
      string,
      { record: Record<string, unknown>; rows: number[]; first: number }
    >();
    for (const { row, fields } of rowsOf('assessments')) {
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
    document.assessments = [...groups.values()].map((g) => g.record) as never;
    rows.set(
      'assessments',
      [...groups.values()].map((g) => g.first),
    );
    sheetOf.set('assessments', 'assessments');
    children.set(
      'assessments.results',
      [...groups.values()].map((g) => g.rows),
    );
  }
  if (sheets.has('trainings')) document.trainings = section('trainings');

  /** Child lists kept in a cell of the parent's row rather than a sheet of their own. */
  const inCell: Record<string, string> = {
    'courses.prerequisites': 'prerequisites',
    'competencies.levels.indicators': 'indicators',
    'positions.conditions.requiredCourses': 'conditions.requiredCourses',
  };
  const CHILD_SHEETS: Record<string, string> = {
    'competencies.levels': 'competencyLevels',
    'courses.outcomes': 'courseOutcomes',
    'positions.requirements': 'positionRequirements',
    'employees.performance': 'performance',
    'assessments.results': 'assessments',
  };
  return {
    document,
    provenance: {
      place(issue) {
        const sheet = sheetOf.get(issue.section as Section) ?? issue.section;
        const row =
          issue.index === null ? 1 : (rows.get(issue.section as Section)?.[issue.index] ?? 1);
        const field = issue.field;
        if (!field) return place(sheet, row);
        const child = /^([A-Za-z]+)\[(\d+)\](?:\.(.+))?$/.exec(field);
        if (child) {
          const key = `${issue.section}.${child[1]}`;
          const childSheet = CHILD_SHEETS[key];
          const childRow =
            issue.index === null ? undefined : children.get(key)?.[issue.index]?.[Number(child[2])];
          if (childSheet && childRow !== undefined)
            return place(
              childSheet,
              childRow,
              (child[3] ?? '').replace(/\[\d+\]$/, '') || undefined,
            );
          if (inCell[key]) return place(sheet, row, inCell[key]);
        }
        const inList = /^(.+)\[\d+\]$/.exec(field);
        return place(sheet, row, inList ? inList[1] : field);
      },
    },
  };
}

class Problem {
  constructor(readonly message: string) {}
}

/** A cell's value as its column's kind wants it, or what is wrong with it. */
function convert(value: unknown, kind: Kind): unknown {
  switch (kind) {
    case 'text':
    case 'code':
      if (typeof value === 'number') {
        // An 18-digit NIP typed as a number has lost its last digits already.
        if (!Number.isSafeInteger(value))
          return new Problem(
            `${value} is a number too long to be exact: format the column as text`,
          );
        return String(value);
      }
      if (value instanceof Date) return new Problem('a date where text goes');
      return String(value).trim();
    case 'codes':
      return String(value)
        .split(';')
        .map((v) => v.trim())
        .filter((v) => v !== '');
    case 'integer':
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      if (typeof value === 'boolean' || value instanceof Date || !Number.isFinite(n))
        return new Problem(`"${String(value)}" is not a number`);
      if (kind === 'integer' && !Number.isInteger(n))
        return new Problem(`${n} is not a whole number`);
      return n;
    }
    case 'date': {
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      const text = String(value).trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
        return new Problem(`"${text}" is not a date (YYYY-MM-DD, or a date cell)`);
      return text;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (['true', 'ya', 'yes', '1'].includes(text)) return true;
      if (['false', 'tidak', 'no', '0'].includes(text)) return false;
      return new Problem(`"${String(value)}" is not true or false`);
    }
  }
}

/** A plain value as text ('' for anything else). */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

/** Dotted columns (`conditions.minRank`) as nested objects. */
function nest(fields: Map<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    const parts = name.split('.');
    let target = record;
    for (const part of parts.slice(0, -1))
      target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts.at(-1)!] = value;
  }
  return record;
}

/** An issue of the importer, at the cell it came from. */
export function sheetIssueOf(issue: DatasetIssue, provenance: Provenance): SheetIssue {
  return { ...provenance.place(issue), code: issue.code, message: issue.message };
}

/** One line for a person: `employees!F7 (row 7, rank): "V/z" is not a rank code`. */
export function describeSheetIssue(issue: SheetIssue): string {
  const where = issue.cell
    ? `${issue.sheet}!${issue.cell} (row ${issue.row}, ${issue.column})`
    : `${issue.sheet}, row ${issue.row}${issue.column ? `, column ${issue.column}` : ''}`;
  return `${where}: ${issue.message} [${issue.code}]`;
}

/**
 * A workbook (`.xlsx`) or a folder of CSV files as a dataset document; `issues` holds what the
 * sheets alone show. The importer's own issues are placed with `provenance`.
 */
export async function readSheets(
  source: string | Buffer,
  folder: boolean,
): Promise<{ document: DatasetDocument; provenance: Provenance; issues: SheetIssue[] }> {
  // The first issues are kept and the rest counted (`issueTotal`), however many bad cells.
  const issues: SheetIssue[] = new IssueList<SheetIssue>();
  const sheets =
    folder && typeof source === 'string'
      ? await readCsvFolder(source, issues)
      : await readWorkbook(source, issues);
  const { document, provenance } = documentOf(sheets, issues);
  return { document, provenance, issues };
}
