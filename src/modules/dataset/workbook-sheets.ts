import { AssessmentMethod } from '../../domain/assessment.enums';
import { CompetencyType } from '../../domain/competency.enums';
import { CourseModality, CourseType } from '../../domain/course.enums';
import { EmploymentType } from '../../domain/employee.enums';
import { AgencyKind } from '../../domain/org.enums';
import { PerformanceRating, PositionCategory } from '../../domain/position.enums';
import { EDUCATION_LEVELS, RANKS } from '../../domain/reference.data';
import { DisciplineKind, DisciplineLevel } from '../../domain/discipline';

/**
 * The dataset as a workbook: a sheet per section, and a sheet per list inside a record
 * (a competency's levels, a course's outcomes, a position's requirements, an employee's ratings;
 * an assessment is one row per result). Row 1 names the columns (dotted for nested fields),
 * row 2 says what each holds; data starts on row 3. The same layout, as one CSV file per sheet
 * (`employees.csv`, …), is read from a folder.
 */

export type Kind = 'text' | 'code' | 'integer' | 'number' | 'date' | 'boolean' | 'codes';

export interface Column {
  readonly name: string;
  readonly kind: Kind;
  readonly note: string;
  readonly required?: boolean;
  /** The values a drop-down offers (and the importer accepts). */
  readonly list?: readonly string[];
}

export interface SheetSpec {
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
      { name: 'province', kind: 'text', note: 'Province: Kemendagri code (81) or name' },
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
      {
        name: 'conditions.disciplineLevel',
        kind: 'code',
        note: 'No disciplinary sentence this heavy or heavier within the years below',
        list: values(DisciplineLevel),
      },
      {
        name: 'conditions.disciplineYears',
        kind: 'integer',
        note: 'Years the discipline level looks back (default 5)',
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
  {
    name: 'discipline',
    columns: [
      { name: 'nip', kind: 'text', note: '18-digit NIP, as text', required: true },
      {
        name: 'level',
        kind: 'code',
        note: 'RINGAN, SEDANG or BERAT',
        required: true,
        list: values(DisciplineLevel),
      },
      {
        name: 'kind',
        kind: 'code',
        note: 'The sentence (PP 94/2021), of that level',
        required: true,
        list: values(DisciplineKind),
      },
      { name: 'decisionNumber', kind: 'text', note: 'Decision number (SK)', required: true },
      { name: 'from', kind: 'date', note: 'First day in force', required: true },
      { name: 'until', kind: 'date', note: 'Last day in force (empty only for dismissal)' },
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
export interface SheetRows {
  readonly columns: readonly string[];
  readonly rows: { row: number; values: Map<string, unknown> }[];
  /** The column letter of each column name (workbooks only). */
  readonly letters?: Map<string, string>;
}
