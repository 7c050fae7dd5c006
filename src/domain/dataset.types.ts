/**
 * The dataset document of API.md: every section optional, references by code. A record in a
 * document is the whole record: optional fields it leaves out are cleared, and lists it leaves
 * out (levels, outcomes, requirements, performance, …) become empty. Export writes every field,
 * so import → export → import loses nothing.
 */
export interface DatasetDocument {
  agencies?: AgencyRecord[];
  orgUnits?: OrgUnitRecord[];
  competencies?: CompetencyRecord[];
  courses?: CourseRecord[];
  positions?: PositionRecord[];
  employees?: EmployeeRecord[];
  assessments?: AssessmentRecord[];
  trainings?: TrainingRecordInput[];
  discipline?: DisciplineRecordInput[];
}

export const SECTIONS = [
  'agencies',
  'orgUnits',
  'competencies',
  'courses',
  'positions',
  'employees',
  'assessments',
  'trainings',
  'discipline',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface AgencyRecord {
  code: string;
  /**
   * The province the agency serves or sits in: its Kemendagri code ("81") or name ("Maluku");
   * it sets the agency's time zone (WIB, WITA, WIT). Left out: none (central government, WIB).
   */
  province?: string | null;
  name: string;
  kind: string;
}

export interface OrgUnitRecord {
  code: string;
  agency: string;
  name: string;
  parent: string | null;
}

export interface CompetencyLevelRecord {
  /** @minimum 1 @maximum 5 */
  level: number;
  description: string;
  indicators: string[];
}

export interface CompetencyRecord {
  code: string;
  name: string;
  type: string;
  description: string;
  levels: CompetencyLevelRecord[];
}

export interface CourseOutcomeRecord {
  competency: string;
  /** The level a participant needs to enter (null: none). @minimum 1 @maximum 5 */
  minLevel: number | null;
  /** The level the course brings its participants to. @minimum 1 @maximum 5 */
  toLevel: number;
}

export interface CourseRecord {
  code: string;
  title: string;
  type: string;
  modality: string;
  /** Lesson hours (JP). @exclusiveMinimum 0 */
  hours: number;
  /** Cost per participant, in rupiah. @minimum 0 */
  cost: number;
  provider: string;
  outcomes: CourseOutcomeRecord[];
  prerequisites: string[];
}

export interface RequirementRecord {
  competency: string;
  /** @minimum 1 @maximum 5 */
  level: number;
  /** @exclusiveMinimum 0 */
  weight: number;
  critical: boolean;
}

export interface ConditionsRecord {
  minRank: string | null;
  minEducation: string | null;
  requiredCourses: string[];
  minYearsOfService: number | null;
  minPerformance: string | null;
  performanceYears: number;
  retirementAge: number;
  /** No disciplinary sentence of this level or heavier within `disciplineYears` (null: none asked). */
  disciplineLevel: string | null;
  /** @minimum 1 @maximum 10 */
  disciplineYears: number;
}

export interface PositionRecord {
  code: string;
  title: string;
  category: string;
  orgUnit: string;
  summary: string;
  governmentAffair: string | null;
  requirements: RequirementRecord[];
  conditions: ConditionsRecord;
}

export interface PerformanceItem {
  year: number;
  rating: string;
}

export interface EmployeeRecord {
  /**
   * The 18-digit NIP (PNS and CPNS): birth date, year and month of appointment, sex (1 or 2),
   * sequence 001–999. The importer also checks what a pattern cannot: 29 February only in a
   * leap year, the appointment after the birth date, the birth date not in the future.
   * @pattern ^(19|20)[0-9]{2}(0[13578](0[1-9]|[12][0-9]|3[01])|1[02](0[1-9]|[12][0-9]|3[01])|(0[469]|11)(0[1-9]|[12][0-9]|30)|02(0[1-9]|1[0-9]|2[0-9]))(19|20)[0-9]{2}(0[1-9]|1[0-2])[12](00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})$
   */
  nip: string | null;
  /**
   * The PPPK number (PPPK only), 8–32 digits.
   * @pattern ^[0-9]{8,32}$
   */
  pppkNumber: string | null;
  name: string;
  employmentType: string;
  /** Rank code, I/a … IV/e (PNS and CPNS). */
  rank: string | null;
  /** @minimum 1 @maximum 17 */
  pppkGrade: number | null;
  education: string;
  orgUnit: string;
  position: string | null;
  /** @format date */
  birthDate: string | null;
  /** First appointment (TMT CPNS). @format date */
  appointedOn: string | null;
  /** @minimum 0 @maximum 100 */
  potential: number | null;
  performance: PerformanceItem[];
}

export interface AssessmentRecord {
  /**
   * The employee's NIP, or …
   * @pattern ^(19|20)[0-9]{2}(0[13578](0[1-9]|[12][0-9]|3[01])|1[02](0[1-9]|[12][0-9]|3[01])|(0[469]|11)(0[1-9]|[12][0-9]|30)|02(0[1-9]|1[0-9]|2[0-9]))(19|20)[0-9]{2}(0[1-9]|1[0-2])[12](00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})$
   */
  nip: string | null;
  /** … their PPPK number. */
  pppkNumber: string | null;
  /** @format date */
  assessedOn: string;
  method: string;
  assessor: string | null;
  /** @minimum 0 @maximum 100 */
  potential: number | null;
  results: AssessmentResultRecord[];
}

export interface AssessmentResultRecord {
  competency: string;
  /** @minimum 1 @maximum 5 */
  level: number;
}

export interface TrainingRecordInput {
  /**
   * The employee's NIP, or …
   * @pattern ^(19|20)[0-9]{2}(0[13578](0[1-9]|[12][0-9]|3[01])|1[02](0[1-9]|[12][0-9]|3[01])|(0[469]|11)(0[1-9]|[12][0-9]|30)|02(0[1-9]|1[0-9]|2[0-9]))(19|20)[0-9]{2}(0[1-9]|1[0-2])[12](00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})$
   */
  nip: string | null;
  /** … their PPPK number. */
  pppkNumber: string | null;
  course: string;
  /** @format date */
  completedOn: string;
  /** @exclusiveMinimum 0 */
  hours: number;
}

/**
 * A disciplinary sentence (PP 94/2021). Its identity is the employee and the decision number:
 * importing it again updates it.
 */
export interface DisciplineRecordInput {
  /** The employee's NIP. */
  nip: string;
  /** RINGAN, SEDANG or BERAT; the kind's level. */
  level: string;
  /** The sentence (PP 94/2021, Pasal 8), e.g. TEGURAN_TERTULIS. */
  kind: string;
  /** The decision's number (nomor surat keputusan). @maxLength 100 */
  decisionNumber: string;
  /** First day in force. @format date */
  from: string;
  /** Last day in force, inclusive; null (only) for dismissal (PEMBERHENTIAN). @format date */
  until: string | null;
}

/** One problem with one record: where it is and why it is rejected. */
export interface DatasetIssue {
  section: Section | 'document';
  index: number | null;
  /** The record's own key (its NIP, PPPK number or code) where it has one. */
  key?: string | null;
  field: string | null;
  code: string;
  message: string;
}

/** Records that passed validation, in their final shape, ready to be written. */
export interface ValidDataset {
  agencies: AgencyRecord[];
  orgUnits: OrgUnitRecord[];
  competencies: CompetencyRecord[];
  courses: CourseRecord[];
  positions: PositionRecord[];
  employees: EmployeeRecord[];
  assessments: AssessmentRecord[];
  trainings: TrainingRecordInput[];
  discipline: DisciplineRecordInput[];
}

/** What an import did (or, with issues, would not do). */
export interface ImportReport {
  applied: boolean;
  sections: {
    section: Section;
    received: number;
    created: number;
    updated: number;
    unchanged: number;
  }[];
  issues: DatasetIssue[];
  issueCount: number;
}
