/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whose data an aggregate covers: one org unit (and the units below it) or one agency. */
export type AnalyticsScope = {
  /** An agency code (all its units). */
  agencyCode?: string | null | undefined;
  /** With `orgUnitCode`: include the units below it, recursively. */
  includeSubunits?: boolean;
  /** An org unit code. */
  orgUnitCode?: string | null | undefined;
};

/** A level assumed assessed, for a what-if. */
export type AssumedLevel = {
  /** Competency code. */
  competency: string;
  /** Level 1–5. */
  level: number;
};

/** What a what-if assumes of the employee: courses completed and levels assessed as of the policy date. Nothing is written. */
export type Assumptions = {
  /** Levels taken as assessed. */
  levels?: Array<AssumedLevel> | null | undefined;
  /** Codes of courses taken as completed; their outcomes raise levels as the training plan does. */
  trainings?: Array<string> | null | undefined;
};

/** A talent committee’s calibration of an employee’s box for a year, with its reason (the computed box is kept beside it). */
export type CalibrateTalentBoxInput = {
  /** The box decided, 1–9. */
  box: number;
  /** Global ID of the employee. */
  employee: string | number;
  /** Why (required; spaces alone are none; at most 2,000 characters). */
  reason: string;
  /** The year of the placement (2000 to the current year). */
  year: number;
};

/** Which candidates to rank. */
export type CandidateFilter = {
  /** Only employees of this agency (code). */
  agencyCode?: string | null | undefined;
  /** Leave out the sitting holders of the position (`Fit.incumbent`). */
  excludeIncumbents?: boolean | null | undefined;
  /** Only candidates with at least this JPM. */
  minJobPersonMatch?: number | null | undefined;
  /** Only employees of this org unit (code) and the units below it. */
  orgUnitCode?: string | null | undefined;
  /** Only those who qualify. */
  qualifiedOnly?: boolean | null | undefined;
  /** Only candidates with one of these readiness values. */
  readiness?: Array<Readiness> | null | undefined;
};

/** The role of a member of a selection committee (panitia seleksi): one chair, at most one secretary, the others members. */
export type CommitteeRole =
  /** Ketua: leads the committee and signs first. */
  | 'CHAIR'
  /** Anggota. */
  | 'MEMBER'
  /** Sekretaris: keeps the record; at most one. */
  | 'SECRETARY';

/** A condition on the current level of one competency (the latest assessment up to today, as `Employee.competencies`). */
export type CompetencyLevelFilter = {
  /** Competency code, e.g. `M.03`. */
  code: string;
  /** Count assessments older than the validity (3 years) too; false: only fresh ones. */
  includeStale?: boolean | null | undefined;
  /** At most this level (1–5). */
  maxLevel?: number | null | undefined;
  /** At least this level (1–5). */
  minLevel?: number | null | undefined;
};

/** A hard requirement of a position that a candidate does not meet. */
export type ConditionCode =
  /** A required competency was last assessed longer ago than the validity period. */
  | 'ASSESSMENT_STALE'
  /** Serving a disciplinary sentence, or sentenced at the position’s discipline level or heavier within its window (PP 94/2021). */
  | 'DISCIPLINE'
  /** Education below the minimum. */
  | 'EDUCATION_TOO_LOW'
  /** A required course (e.g. PKA) not completed. */
  | 'MISSING_REQUIRED_COURSE'
  /** Within a year of the retirement age of the position. */
  | 'NEAR_RETIREMENT'
  /** No required competency has ever been assessed. */
  | 'NOT_ASSESSED'
  /** A recent year rated below the minimum, or not rated. */
  | 'PERFORMANCE_TOO_LOW'
  /** Rank below the minimum (or no PNS rank). */
  | 'RANK_TOO_LOW'
  /** Fewer years since TMT CPNS than required (or unknown). */
  | 'TOO_FEW_YEARS_OF_SERVICE';

/** What a committee decided about a candidate of a selection. */
export type Decision =
  /** Not chosen. */
  | 'NOT_SELECTED'
  /** Chosen for the position. */
  | 'SELECTED'
  /** Kept for the next round. */
  | 'SHORTLISTED'
  /** The candidate withdrew (or was withdrawn). */
  | 'WITHDRAWN';

/** Which employees to list: every condition given must hold; `and`, `or` and `not` combine filters. */
export type EmployeeFilter = {
  /** Only employees of this agency (code). */
  agencyCode?: string | null | undefined;
  /** Every one of these holds too. */
  and?: Array<EmployeeFilter> | null | undefined;
  /** Skill search: every condition must hold on the current levels. */
  competencies?: Array<CompetencyLevelFilter> | null | undefined;
  /** Education range or list (SD … S3). */
  education?: RangeFilter | null | undefined;
  /** Only PNS, CPNS or PPPK. */
  employmentType?: EmploymentType | null | undefined;
  /** With `orgUnitCode`: include the units below it, recursively. */
  includeSubunits?: boolean | null | undefined;
  /** Only this education or above (code, e.g. `S1`). */
  minEducation?: string | null | undefined;
  /** Only this rank or above (code, e.g. `III/c`). */
  minRank?: string | null | undefined;
  /** This does not hold. */
  not?: EmployeeFilter | null | undefined;
  /** At least one of these holds too. */
  or?: Array<EmployeeFilter> | null | undefined;
  /** Only employees of this org unit (code). */
  orgUnitCode?: string | null | undefined;
  /** Only holders of this position (code). */
  positionCode?: string | null | undefined;
  /** Rank range or list (rank order). */
  rank?: RangeFilter | null | undefined;
  /** Name contains, or NIP starts with, this text. */
  search?: string | null | undefined;
};

/** Kind of civil servant. */
export type EmploymentType =
  /** Candidate civil servant (identified by NIP). */
  | 'CPNS'
  /** Pegawai Negeri Sipil (identified by NIP). */
  | 'PNS'
  /** Government employee on contract (identified by a PPPK number). */
  | 'PPPK';

/** The band a JPM falls in on the scale used (half-open bands). */
export type JpmCategory =
  /** OPTIMAL scale: at least 78 and below 90. */
  | 'CUKUP_OPTIMAL'
  /** ELIGIBILITY scale: below 68. */
  | 'KURANG_MEMENUHI_SYARAT'
  /** OPTIMAL scale: below 78. */
  | 'KURANG_OPTIMAL'
  /** ELIGIBILITY scale: at least 68 and below 80. */
  | 'MASIH_MEMENUHI_SYARAT'
  /** ELIGIBILITY scale: at least 80. */
  | 'MEMENUHI_SYARAT'
  /** OPTIMAL scale: JPM of at least 90. */
  | 'OPTIMAL';

/** Which category scale a JPM is read on. */
export type JpmScale =
  /** Functional competency tests: MEMENUHI_SYARAT ≥ 80, MASIH_MEMENUHI_SYARAT ≥ 68, KURANG_MEMENUHI_SYARAT below. */
  | 'ELIGIBILITY'
  /** Peraturan BRIN 3/2023: OPTIMAL ≥ 90, CUKUP_OPTIMAL ≥ 78, KURANG_OPTIMAL below (default). */
  | 'OPTIMAL';

/** A successor to nominate into the draft plan of a key position. */
export type NominateSuccessorInput = {
  /** The emergency successor (at most one a plan); default false. */
  emergency?: boolean | null | undefined;
  /** Global ID of the employee: of the position’s agency, in its talent pool (boxes 7–9) this year, not its holder. */
  employee: string | number;
  /** Code of the key position (JPT, Administrator, Pengawas). */
  positionCode: string;
  /** When the committee judges them ready. */
  readiness: ReadinessHorizon;
};

/** A selection to open for a position: its ranking is frozen now. */
export type OpenSelectionInput = {
  /** The committee’s members, if known now (or later by `setSelectionMembers`): an odd number from 3 to 15, one CHAIR, at most one SECRETARY. */
  members?: Array<SelectionMemberInput> | null | undefined;
  /** The committee’s note (at most 2,000 characters). */
  note?: string | null | undefined;
  /** Scoring choices. */
  policy?: ScoringPolicyInput | null | undefined;
  /** Code of the position. */
  positionCode: string;
};

/** Sort direction. */
export type OrderDirection =
  /** Smallest first (A to Z, lowest, earliest). */
  | 'ASC'
  /** Largest first (Z to A, highest, latest). */
  | 'DESC';

/** Which org units to list. */
export type OrgUnitFilter = {
  /** Only units of this agency (code). */
  agencyCode?: string | null | undefined;
  /** Only direct children of this unit (code). */
  parentCode?: string | null | undefined;
  /** Only top-level units (no parent). */
  rootsOnly?: boolean | null | undefined;
  /** Code or name contains this text (any case). */
  search?: string | null | undefined;
};

/** Performance axis of the talent matrix: below, meets or above expectation. */
export type PerformanceLevel =
  /** Above expectation: SANGAT_BAIK. */
  | 'ABOVE'
  /** Below expectation: BUTUH_PERBAIKAN, KURANG or SANGAT_KURANG. */
  | 'BELOW'
  /** Meets expectation: BAIK. */
  | 'MEETS';

/** SKP performance rating for a year. */
export type PerformanceRating =
  /** Good (meets expectation). */
  | 'BAIK'
  /** Needs improvement (below expectation). */
  | 'BUTUH_PERBAIKAN'
  /** Poor (below expectation). */
  | 'KURANG'
  /** Very good (above expectation on the talent matrix). */
  | 'SANGAT_BAIK'
  /** Very poor (below expectation). */
  | 'SANGAT_KURANG';

/** Why a course is in a training plan (the first that holds, in this order). */
export type PlanReason =
  /** A gap competency reaches its required level with it. */
  | 'CLOSES_GAP'
  /** Another planned course needs it first. */
  | 'PREREQUISITE'
  /** It raises a gap competency on the way to a later course that closes the gap. */
  | 'RAISES_LEVEL'
  /** The position requires it to have been held. */
  | 'REQUIRED_COURSE';

/** Position category (UU ASN); `categoryName` on Position gives the Indonesian name. */
export type PositionCategory =
  /** Administrator (old echelon III). */
  | 'ADMINISTRATOR'
  /** Functional expert, senior (Ahli Madya). */
  | 'FUNGSIONAL_AHLI_MADYA'
  /** Functional expert, middle (Ahli Muda). */
  | 'FUNGSIONAL_AHLI_MUDA'
  /** Functional expert, first (Ahli Pertama). */
  | 'FUNGSIONAL_AHLI_PERTAMA'
  /** Functional expert, principal (Ahli Utama). */
  | 'FUNGSIONAL_AHLI_UTAMA'
  /** Functional skilled, advanced (Mahir). */
  | 'FUNGSIONAL_MAHIR'
  /** Functional skilled, beginner (Pemula). */
  | 'FUNGSIONAL_PEMULA'
  /** Functional skilled, supervising (Penyelia). */
  | 'FUNGSIONAL_PENYELIA'
  /** Functional skilled (Terampil). */
  | 'FUNGSIONAL_TERAMPIL'
  /** Senior executive, second tier (old echelon I). */
  | 'JPT_MADYA'
  /** Senior executive, third tier (old echelon II). */
  | 'JPT_PRATAMA'
  /** Senior executive, first tier (old echelon I). */
  | 'JPT_UTAMA'
  /** Staff position without a functional or structural tier. */
  | 'PELAKSANA'
  /** Supervisor (old echelon IV). */
  | 'PENGAWAS';

/** Which positions to list. */
export type PositionFilter = {
  /** Only positions of this agency (code). */
  agencyCode?: string | null | undefined;
  /** Only these categories. */
  categories?: Array<PositionCategory> | null | undefined;
  /** Only positions of this org unit (code). */
  orgUnitCode?: string | null | undefined;
  /** Only positions requiring this competency (code). */
  requiresCompetency?: string | null | undefined;
  /** Code or name contains this text (any case). */
  search?: string | null | undefined;
};

/** Order of Position lists; ties are broken by creation order. */
export type PositionOrder = {
  /** Direction. */
  direction?: OrderDirection;
  /** Sort key. */
  field?: PositionOrderField;
};

/** Sort key of positions. */
export type PositionOrderField =
  /** By code. */
  | 'CODE'
  /** By name. */
  | 'NAME'
  /** Top posts first: JPT Utama, Madya, Pratama, Administrator, Pengawas, Pelaksana, then the functional ranks from Ahli Utama down; by code within a category. */
  | 'SENIORITY'
  /** By name (the old name of NAME). */
  | 'TITLE';

/** Potential axis of the talent matrix. */
export type PotentialLevel =
  /** At least the high cut-off (default 75). */
  | 'HIGH'
  /** Potential score below the medium cut-off (default 50). */
  | 'LOW'
  /** From the medium cut-off to below the high one (default 50 to < 75). */
  | 'MEDIUM';

/** A range of codes in their own order (ranks I/a … IV/e, education SD … S3), or a list of codes. */
export type RangeFilter = {
  /** This code or above. */
  gte?: string | null | undefined;
  /** One of these codes. */
  in?: Array<string> | null | undefined;
  /** This code or below. */
  lte?: string | null | undefined;
};

/** How soon a candidate could hold the position. */
export type Readiness =
  /** Would qualify after the training plan (which includes missing required courses). */
  | 'AFTER_TRAINING'
  /** A condition training cannot fix (rank, education, service, performance, retirement), or gaps no course closes. */
  | 'BLOCKED'
  /** Stale or missing assessments must be redone before a verdict. */
  | 'NEEDS_ASSESSMENT'
  /** Qualified now. */
  | 'READY_NOW';

/** When a candidate could be ready: now, in 1–2 years, or later (succession planning). */
export type ReadinessHorizon =
  /** A longer plan, or a condition training cannot change. */
  | 'LATER'
  /** The training plan fits in two years of the yearly development hours (and any assessment to redo). */
  | 'ONE_TO_TWO_YEARS'
  /** Qualified now. */
  | 'READY_NOW';

/** A decision on a candidate of an open selection, named by `nip` or by `employee` (exactly one). */
export type RecordDecisionInput = {
  /** The decision. */
  decision: Decision;
  /** Global ID of a candidate of the selection (or give `nip`): how a PPPK candidate, who has no NIP, is named. */
  employee?: string | number | null | undefined;
  /** NIP of a candidate of the selection (or give `employee`). */
  nip?: string | null | undefined;
  /** Why (required, at most 2,000 characters). */
  reason: string;
  /** The selection. */
  selectionId: string | number;
};

/** A stage score for a candidate of an open selection. */
export type RecordStageScoreInput = {
  /** Global ID of a candidate of the selection. */
  employee: string | number;
  /** A note (at most 2,000 characters). */
  note?: string | null | undefined;
  /** The score, 0–100; on a pass/fail stage 100 (passes) or 0 (fails). */
  score: number;
  /** The selection. */
  selectionId: string | number;
  /** Global ID of a stage of the selection. */
  stage: string | number;
};

/** How to score; every field has the default of the domain rules. */
export type ScoringPolicyInput = {
  /** Evaluate as of this date (levels, staleness, service, retirement); default today. */
  asOf?: string | null | undefined;
  /** Count min(actual, required) per competency; default true. */
  capPerCompetency?: boolean | null | undefined;
  /** Cap the total at 100; default true. */
  capTotal?: boolean | null | undefined;
  /** Threshold for `qualified`, 0–100; default 78 (OPTIMAL) or 68 (ELIGIBILITY). */
  minJobPersonMatch?: number | null | undefined;
  /** Category scale; default OPTIMAL. */
  scale?: JpmScale | null | undefined;
  /** Years an assessment stays valid; default 3. */
  validityYears?: number | null | undefined;
};

/** A member of a selection committee. */
export type SelectionMemberInput = {
  /** Full name with titles (not empty, at most 200 characters). */
  name: string;
  /** NIP: 18 digits with a valid birth date, TMT and sex. */
  nip: string;
  /** Role in the committee. */
  role: CommitteeRole;
};

/** The members of the committee of an open selection. */
export type SetSelectionMembersInput = {
  /** Every member, replacing any recorded before: an odd number from 3 to 15, one CHAIR, at most one SECRETARY, valid distinct NIPs. */
  members: Array<SelectionMemberInput>;
  /** The selection (open). */
  selectionId: string | number;
};

/** A stage of an open (JPT) or competitive (administrator) selection, PermenPANRB 15/2019. */
export type StageKind =
  /** Administration: documents and conditions. Passes or fails only (score 100 or 0), no weight. */
  | 'ADMINISTRATION'
  /** Managerial and socio-cultural competency (assessment centre): the JPM of the SKJ; the frozen JPM stands in while no score is entered. */
  | 'COMPETENCY'
  /** Health and psychological tests. Passes or fails only (score 100 or 0), no weight. */
  | 'HEALTH_PSYCHOLOGY'
  /** The final interview. */
  | 'INTERVIEW'
  /** A paper (makalah) and its presentation. */
  | 'PAPER'
  /** Technical competency of the post’s field. */
  | 'TECHNICAL'
  /** The track record (rekam jejak): performance, integrity, discipline. */
  | 'TRACK_RECORD';

/** Where a succession plan stands in the talent review. */
export type SuccessionPlanStatus =
  /** Approved as a whole by the talent committee; it no longer changes. */
  | 'APPROVED'
  /** Successors are being nominated; not yet decided. */
  | 'DRAFT';

/** The rule that ordered two standings of equal total, tried in this order. */
export type TieBreak =
  /** The higher COMPETENCY score (entered, or the frozen JPM) goes first. */
  | 'COMPETENCY_SCORE'
  /** The earlier place in the ranking frozen at opening goes first (never ties). */
  | 'FROZEN_RANKING'
  /** The higher JPM frozen at opening goes first. */
  | 'JOB_PERSON_MATCH';

/** Why a mutation input was rejected. */
export type UserErrorCode =
  /** History cannot be changed; record a new entry instead. */
  | 'APPEND_ONLY'
  /** The selection is closed: nothing about it changes any more. */
  | 'CLOSED'
  /** The change would make a cycle (prerequisites, org-unit tree). */
  | 'CYCLE'
  /** The same key appears twice in the input. */
  | 'DUPLICATE'
  /** The value has the wrong form (e.g. a malformed NIP). */
  | 'INVALID'
  /** A referenced record (by code or NIP) does not exist. */
  | 'NOT_FOUND'
  /** The value is outside its allowed range (e.g. level 6). */
  | 'OUT_OF_RANGE'
  /** A required value is missing. */
  | 'REQUIRED'
  /** A record with this natural key already exists. */
  | 'TAKEN';

export type ConsoleEmployeeQueryVariables = Exact<{
  nip: string;
}>;


export type ConsoleEmployeeQuery = { employee: { nip: string | null, name: string | null, rank: { code: string, name: string } | null, education: { code: string, name: string } | null, orgUnit: { code: string, name: string }, agency: { code: string, name: string }, position: { code: string, name: string } | null, competencies: Array<{ level: number, assessedOn: string, stale: boolean, competency: { code: string, name: string } }> | null, trainingHours: { year: number, hours: number, target: number, met: boolean } | null, talentBox: { box: number, label: string, action: string } | null, bestFitPositions: Array<{ jobPersonMatch: number, category: JpmCategory, qualified: boolean, readiness: Readiness, position: { code: string, name: string, categoryName: string } }> | null } | null };

export type ConsoleDevelopmentPlansQueryVariables = Exact<{
  nip: string;
}>;


export type ConsoleDevelopmentPlansQuery = { employee: { developmentPlans: Array<{ yearlyHours: number, onTrack: boolean, targetPosition: { code: string, name: string } | null, courses: Array<{ targetYear: number, completedOn: string | null, course: { code: string, name: string, hours: number } }> }> | null } | null };

export type ConsolePositionsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: PositionFilter | null | undefined;
  orderBy?: PositionOrder | null | undefined;
}>;


export type ConsolePositionsQuery = { positions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, name: string, category: PositionCategory, categoryName: string, orgUnit: { code: string, name: string, agency: { code: string, name: string } }, requirements: Array<{ level: number }> }> } };

export type ConsoleAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAgenciesQuery = { agencies: { nodes: Array<{ code: string, name: string }> } };

export type ConsoleReportQueryVariables = Exact<{
  code: string;
  policy?: ScoringPolicyInput | null | undefined;
  first: number;
}>;


export type ConsoleReportQuery = { position: { code: string, name: string, categoryName: string, orgUnit: { name: string, agency: { code: string, name: string, timeZone: string } }, requirements: Array<{ level: number, competency: { code: string } }> } | null, candidates: { totalCount: number, nodes: Array<{ asOf: string, threshold: number, jobPersonMatch: number, category: JpmCategory, qualified: boolean, readiness: Readiness, employee: { nip: string | null, name: string | null, rank: { code: string } | null }, terms: Array<{ actual: number | null, required: number, stale: boolean, competency: { code: string } }>, unmetConditions: Array<{ code: ConditionCode, message: string, required: string | null, actual: string | null }> }> } | null };

export type ConsoleSkillOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSkillOptionsQuery = { competencies: { nodes: Array<{ code: string, name: string }> } };

export type ConsoleSkillSearchQueryVariables = Exact<{
  filter: EmployeeFilter;
  code: string;
}>;


export type ConsoleSkillSearchQuery = { employees: { totalCount: number, nodes: Array<{ nip: string | null, name: string | null, rank: { code: string } | null, orgUnit: { name: string }, competencies: Array<{ level: number, assessedOn: string, competency: { code: string } }> | null }> }, competency: { name: string } | null };

export type ConsoleSuccessionPlanQueryVariables = Exact<{
  code: string;
}>;


export type ConsoleSuccessionPlanQuery = { position: { code: string, name: string, category: PositionCategory, successionPlan: { version: number, status: SuccessionPlanStatus, approvedAt: string | null, successors: Array<{ readiness: ReadinessHorizon, emergency: boolean, employee: { id: string, nip: string | null, name: string | null } | null }> } | null, successionPlans: Array<{ version: number, status: SuccessionPlanStatus, createdAt: string, approvedAt: string | null, successors: Array<{ readiness: ReadinessHorizon, emergency: boolean, employee: { name: string | null } | null }> }> | null } | null, succession: Array<{ box: number | null, fit: { readinessHorizon: ReadinessHorizon, employee: { id: string, nip: string | null, name: string | null } } }> | null };

export type ConsoleNominateSuccessorMutationVariables = Exact<{
  input: NominateSuccessorInput;
}>;


export type ConsoleNominateSuccessorMutation = { nominateSuccessor: { userErrors: Array<{ field: Array<string>, message: string }> } | null };

export type ConsoleApproveSuccessionMutationVariables = Exact<{
  code: string;
}>;


export type ConsoleApproveSuccessionMutation = { approveSuccession: { userErrors: Array<{ field: Array<string>, message: string }> } | null };

export type ConsoleTalentReviewQueryVariables = Exact<{
  agency?: string | null | undefined;
  year: number;
  after?: string | null | undefined;
}>;


export type ConsoleTalentReviewQuery = { employees: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, nip: string | null, name: string | null, talentBox: { box: number, computedBox: number, calibrated: boolean, reason: string | null } | null }> } };

export type ConsoleCalibrateTalentBoxMutationVariables = Exact<{
  input: CalibrateTalentBoxInput;
}>;


export type ConsoleCalibrateTalentBoxMutation = { calibrateTalentBox: { userErrors: Array<{ field: Array<string>, message: string }> } | null };

export type ConsoleUnitQueryVariables = Exact<{
  code: string;
}>;


export type ConsoleUnitQuery = { orgUnit: { code: string, name: string, agency: { code: string, name: string }, parent: { code: string, name: string } | null, children: Array<{ code: string, name: string }> } | null };

export type ConsoleAgencyQueryVariables = Exact<{
  code: string;
}>;


export type ConsoleAgencyQuery = { agency: { code: string, name: string } | null };

export type ConsoleUnitsQueryVariables = Exact<{
  after?: string | null | undefined;
  filter?: OrgUnitFilter | null | undefined;
}>;


export type ConsoleUnitsQuery = { orgUnits: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, name: string, agency: { code: string, name: string }, parent: { name: string } | null }> } };

export type ConsoleVacanciesQueryVariables = Exact<{
  within: number;
  agencyCode?: string | null | undefined;
}>;


export type ConsoleVacanciesQuery = { vacancies: Array<{ retiresOn: string, position: { code: string, name: string, categoryName: string }, holder: { nip: string | null, name: string | null } | null, bench: { pool: number, readyNow: number, readyInOneToTwoYears: number, readyLater: number } }> | null };

export type ConsoleBenchStrengthQueryVariables = Exact<{
  scope: AnalyticsScope;
}>;


export type ConsoleBenchStrengthQuery = { benchStrength: Array<{ pool: number, readyNow: number, readyInOneToTwoYears: number, readyLater: number, afterTraining: number, needsAssessment: number, blocked: number, position: { code: string, name: string, categoryName: string } }> | null };

export type ConsoleComplianceQueryVariables = Exact<{
  scope: AnalyticsScope;
}>;


export type ConsoleComplianceQuery = { trainingCompliance: { year: number, target: number, employees: number, reachedTarget: number, belowTarget: number, withoutTraining: number, averageHours: number, totalHours: number } | null };

export type ConsoleBelowTargetQueryVariables = Exact<{
  scope: AnalyticsScope;
  after?: string | null | undefined;
}>;


export type ConsoleBelowTargetQuery = { trainingCompliance: { employeesBelowTarget: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ hours: number | null, shortfall: number | null, employee: { nip: string | null, name: string | null, orgUnit: { name: string } } | null }> } } | null };

export type ConsoleHeatMapQueryVariables = Exact<{
  scope: AnalyticsScope;
}>;


export type ConsoleHeatMapQuery = { competencyHeatMap: { asOf: string, competencies: Array<{ code: string, name: string }>, rows: Array<{ employees: number, orgUnit: { code: string, name: string }, cells: Array<{ required: number, meeting: number, share: number, meanGap: number, stale: number, unassessed: number, competency: { code: string } }> }> } | null };

export type ConsoleTrainingNeedsQueryVariables = Exact<{
  scope: AnalyticsScope;
}>;


export type ConsoleTrainingNeedsQuery = { trainingNeeds: { employees: number, gapLevels: number, competencies: Array<{ people: number, gapLevels: number, averageGap: number, maxGap: number, competency: { code: string, name: string } }>, courses: Array<{ participants: number, gapLevels: number, gapLevelsPerJp: number, cost: number, course: { code: string, name: string, hours: number } }> } | null };

export type ConsoleProfessionalismQueryVariables = Exact<{
  scope: AnalyticsScope;
}>;


export type ConsoleProfessionalismQuery = { professionalismIndex: { year: number, employees: number, average: number, qualification: number, competency: number, performance: number, discipline: number, bands: Array<{ band: string, count: number }> } | null };

export type ConsoleTalentMatrixQueryVariables = Exact<{
  scope: AnalyticsScope;
}>;


export type ConsoleTalentMatrixQuery = { talentMatrix: { year: number, employees: number, unplaced: number, cells: Array<{ box: number, label: string, action: string, count: number, performance: PerformanceLevel, potential: PotentialLevel }> } | null };

export type ConsoleTalentPeopleQueryVariables = Exact<{
  scope: AnalyticsScope;
  after?: string | null | undefined;
}>;


export type ConsoleTalentPeopleQuery = { talentMatrix: { cells: Array<{ box: number, employees: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ nip: string | null, name: string | null, position: { name: string } | null }> } }> } | null };

export type ConsoleWhatIfQueryVariables = Exact<{
  nip: string;
  code: string;
  policy?: ScoringPolicyInput | null | undefined;
  assume?: Assumptions | null | undefined;
}>;


export type ConsoleWhatIfQuery = { fit: { jobPersonMatch: number, category: JpmCategory, qualified: boolean, readiness: Readiness } | null };

export type ConsoleFitQueryVariables = Exact<{
  nip: string;
  code: string;
  policy?: ScoringPolicyInput | null | undefined;
}>;


export type ConsoleFitQuery = { fit: { asOf: string, threshold: number, jobPersonMatch: number, jobPersonMatchUncapped: number, gapIndex: number, category: JpmCategory, qualified: boolean, readiness: Readiness, employee: { nip: string | null, name: string | null, rank: { code: string, name: string } | null, education: { code: string } | null, orgUnit: { code: string, name: string }, position: { name: string } | null }, position: { code: string, name: string }, terms: Array<{ required: number, actual: number | null, gap: number, weight: number, contribution: number, critical: boolean, stale: boolean, assessedOn: string | null, competency: { code: string, name: string } }>, unmetConditions: Array<{ code: ConditionCode, message: string, required: string | null, actual: string | null }>, trainingPlan: { totalHours: number, totalCost: number, closesAllGaps: boolean, courses: Array<{ reason: PlanReason, required: boolean, course: { code: string, name: string, hours: number, cost: number, provider: string }, closes: Array<{ code: string, name: string }>, raises: Array<{ code: string, name: string }>, prerequisiteOf: Array<{ code: string }> }>, byReason: Array<{ reason: PlanReason, courses: number, hours: number, cost: number }>, uncoveredGaps: Array<{ gap: number, competency: { code: string, name: string } }> } } | null };

export type ConsoleCandidatesQueryVariables = Exact<{
  code: string;
  first: number;
  after?: string | null | undefined;
  filter?: CandidateFilter | null | undefined;
  policy?: ScoringPolicyInput | null | undefined;
}>;


export type ConsoleCandidatesQuery = { candidates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ jobPersonMatch: number, category: JpmCategory, qualified: boolean, readiness: Readiness, incumbent: boolean, threshold: number, employee: { nip: string | null, name: string | null, orgUnit: { name: string }, rank: { code: string } | null }, unmetConditions: Array<{ code: ConditionCode, message: string, required: string | null, actual: string | null }> }> } | null };

export type ConsoleOpenSelectionMutationVariables = Exact<{
  input: OpenSelectionInput;
}>;


export type ConsoleOpenSelectionMutation = { openSelection: { userErrors: Array<{ field: Array<string>, code: UserErrorCode }>, selection: { id: string } | null } | null };

export type ConsoleSelectionSizeQueryVariables = Exact<{
  code: string;
  policy?: ScoringPolicyInput | null | undefined;
}>;


export type ConsoleSelectionSizeQuery = { candidates: { totalCount: number } | null };

export type ConsolePositionQueryVariables = Exact<{
  code: string;
}>;


export type ConsolePositionQuery = { position: { code: string, name: string, summary: string, category: PositionCategory, categoryName: string, orgUnit: { code: string, name: string, agency: { code: string, name: string, orgUnits: { nodes: Array<{ code: string, name: string }> } } }, requirements: Array<{ level: number, weight: number, critical: boolean, competency: { code: string, name: string } }>, conditions: { minYearsOfService: number | null, minPerformance: PerformanceRating | null, performanceYears: number, retirementAge: number, minRank: { code: string, name: string } | null, minEducation: { code: string, name: string } | null, requiredCourses: Array<{ code: string, name: string }> } } | null };

export type ConsoleSelectionQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleSelectionQuery = { selection: { id: string, agency: string, note: string | null, openedAt: string, openedBy: string, closedAt: string | null, fingerprint: string, verified: boolean, number: string | null, members: Array<{ name: string, nip: string, role: CommitteeRole }>, stages: Array<{ id: string, name: string, kind: StageKind, weight: number, passMark: number | null, order: number }>, standings: Array<{ rank: number | null, total: number | null, complete: boolean, tieBreak: TieBreak | null, employee: { id: string, nip: string | null, name: string | null } | null, droppedAt: { id: string, name: string, order: number } | null, scores: Array<{ score: number, note: string | null, fromJobPersonMatch: boolean, stage: { id: string } }> }>, proposedNames: Array<{ rank: number | null, total: number | null, employee: { nip: string | null, name: string | null } | null }>, position: { code: string, name: string, orgUnit: { agency: { code: string, name: string, timeZone: string } } }, policy: { asOf: string, scale: JpmScale }, candidates: { nodes: Array<{ jobPersonMatch: number, category: JpmCategory, qualified: boolean, readiness: Readiness, threshold: number, unmetConditions: Array<{ code: ConditionCode, message: string, required: string | null, actual: string | null }>, terms: Array<{ critical: boolean, gap: number }>, employee: { nip: string | null, name: string | null } }> }, decisions: Array<{ current: boolean, decision: Decision, reason: string, decidedAt: string, decidedBy: string, employee: { nip: string | null, name: string | null } | null }> } | null };

export type ConsoleRecordDecisionMutationVariables = Exact<{
  input: RecordDecisionInput;
}>;


export type ConsoleRecordDecisionMutation = { recordDecision: { userErrors: Array<{ field: Array<string>, code: UserErrorCode }> } | null };

export type ConsoleCloseSelectionMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCloseSelectionMutation = { closeSelection: { userErrors: Array<{ field: Array<string>, code: UserErrorCode }> } | null };

export type ConsoleRecordStageScoreMutationVariables = Exact<{
  input: RecordStageScoreInput;
}>;


export type ConsoleRecordStageScoreMutation = { recordStageScore: { userErrors: Array<{ field: Array<string>, code: UserErrorCode }> } | null };

export type ConsoleSetSelectionMembersMutationVariables = Exact<{
  input: SetSelectionMembersInput;
}>;


export type ConsoleSetSelectionMembersMutation = { setSelectionMembers: { userErrors: Array<{ field: Array<string>, code: UserErrorCode }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConsoleEmployeeDocument = new TypedDocumentString(`
    query ConsoleEmployee($nip: String!) {
  employee(nip: $nip) {
    nip
    name
    rank {
      code
      name
    }
    education {
      code
      name
    }
    orgUnit {
      code
      name
    }
    agency {
      code
      name
    }
    position {
      code
      name
    }
    competencies {
      competency {
        code
        name
      }
      level
      assessedOn
      stale
    }
    trainingHours {
      year
      hours
      target
      met
    }
    talentBox {
      box
      label
      action
    }
    bestFitPositions(first: 5) {
      position {
        code
        name
        categoryName
      }
      jobPersonMatch
      category
      qualified
      readiness
    }
  }
}
    `, {"hash":"sha256:5c5dd2dd9174b126accb74e459e3b375961ea2fa1dd0eba174b248f48f20fcd9"}) as unknown as TypedDocumentString<ConsoleEmployeeQuery, ConsoleEmployeeQueryVariables>;
export const ConsoleDevelopmentPlansDocument = new TypedDocumentString(`
    query ConsoleDevelopmentPlans($nip: String!) {
  employee(nip: $nip) {
    developmentPlans {
      yearlyHours
      onTrack
      targetPosition {
        code
        name
      }
      courses {
        targetYear
        completedOn
        course {
          code
          name
          hours
        }
      }
    }
  }
}
    `, {"hash":"sha256:0474b603bb7ad1b3b2fc51d96c2b0f88c499017684ea573c96ae54c9501fe3d2"}) as unknown as TypedDocumentString<ConsoleDevelopmentPlansQuery, ConsoleDevelopmentPlansQueryVariables>;
export const ConsolePositionsDocument = new TypedDocumentString(`
    query ConsolePositions($first: Int!, $after: String, $filter: PositionFilter, $orderBy: PositionOrder) {
  positions(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      name
      category
      categoryName
      orgUnit {
        code
        name
        agency {
          code
          name
        }
      }
      requirements {
        level
      }
    }
  }
}
    `, {"hash":"sha256:83c18bc76cbf99165537df459256dc1bb03e1565f20d59b2ed611052283bc1ac"}) as unknown as TypedDocumentString<ConsolePositionsQuery, ConsolePositionsQueryVariables>;
export const ConsoleAgenciesDocument = new TypedDocumentString(`
    query ConsoleAgencies {
  agencies(first: 100) {
    nodes {
      code
      name
    }
  }
}
    `, {"hash":"sha256:4c9bdd01ef3bee1198a92498ac891d1d7b751cb4611018fb362c8af1bbc70ffb"}) as unknown as TypedDocumentString<ConsoleAgenciesQuery, ConsoleAgenciesQueryVariables>;
export const ConsoleReportDocument = new TypedDocumentString(`
    query ConsoleReport($code: String!, $policy: ScoringPolicyInput, $first: Int!) {
  position(code: $code) {
    code
    name
    categoryName
    orgUnit {
      name
      agency {
        code
        name
        timeZone
      }
    }
    requirements {
      level
      competency {
        code
      }
    }
  }
  candidates(positionCode: $code, first: $first, policy: $policy) {
    totalCount
    nodes {
      asOf
      threshold
      jobPersonMatch
      category
      qualified
      readiness
      employee {
        nip
        name
        rank {
          code
        }
      }
      terms {
        competency {
          code
        }
        actual
        required
        stale
      }
      unmetConditions {
        code
        message
        required
        actual
      }
    }
  }
}
    `, {"hash":"sha256:c33640113cb714cbae624a7feba7093f19a9e2bb2a3a67e0b6359caffc8d0aab"}) as unknown as TypedDocumentString<ConsoleReportQuery, ConsoleReportQueryVariables>;
export const ConsoleSkillOptionsDocument = new TypedDocumentString(`
    query ConsoleSkillOptions {
  competencies(first: 100) {
    nodes {
      code
      name
    }
  }
}
    `, {"hash":"sha256:3de57eca9a3d93db4d256b180520f262bf97b1b6ff71d11ac4bfc6fcc7252f65"}) as unknown as TypedDocumentString<ConsoleSkillOptionsQuery, ConsoleSkillOptionsQueryVariables>;
export const ConsoleSkillSearchDocument = new TypedDocumentString(`
    query ConsoleSkillSearch($filter: EmployeeFilter!, $code: String!) {
  employees(filter: $filter, first: 100) {
    totalCount
    nodes {
      nip
      name
      rank {
        code
      }
      orgUnit {
        name
      }
      competencies {
        level
        assessedOn
        competency {
          code
        }
      }
    }
  }
  competency(code: $code) {
    name
  }
}
    `, {"hash":"sha256:3ad88949e3d5a2c6765cf7b7ee3e3cd6227ad5f1d4484863eaa11f5f4c5770ec"}) as unknown as TypedDocumentString<ConsoleSkillSearchQuery, ConsoleSkillSearchQueryVariables>;
export const ConsoleSuccessionPlanDocument = new TypedDocumentString(`
    query ConsoleSuccessionPlan($code: String!) {
  position(code: $code) {
    code
    name
    category
    successionPlan {
      version
      status
      approvedAt
      successors {
        readiness
        emergency
        employee {
          id
          nip
          name
        }
      }
    }
    successionPlans {
      version
      status
      createdAt
      approvedAt
      successors {
        readiness
        emergency
        employee {
          name
        }
      }
    }
  }
  succession(positionCode: $code, first: 20) {
    box
    fit {
      readinessHorizon
      employee {
        id
        nip
        name
      }
    }
  }
}
    `, {"hash":"sha256:9a39b042f291907b8e9c692ce8f86734ddd54df8bf54db6db0c98fcc8cb9b58d"}) as unknown as TypedDocumentString<ConsoleSuccessionPlanQuery, ConsoleSuccessionPlanQueryVariables>;
export const ConsoleNominateSuccessorDocument = new TypedDocumentString(`
    mutation ConsoleNominateSuccessor($input: NominateSuccessorInput!) {
  nominateSuccessor(input: $input) {
    userErrors {
      field
      message
    }
  }
}
    `, {"hash":"sha256:4f551eeeda4d5d394585724eb7103f67d5a55c5ae84fc4c7c32bc74b2f32c2d5"}) as unknown as TypedDocumentString<ConsoleNominateSuccessorMutation, ConsoleNominateSuccessorMutationVariables>;
export const ConsoleApproveSuccessionDocument = new TypedDocumentString(`
    mutation ConsoleApproveSuccession($code: String!) {
  approveSuccession(input: {positionCode: $code}) {
    userErrors {
      field
      message
    }
  }
}
    `, {"hash":"sha256:6a2c7fb0038e83398287f2fe559b510b9e64fe9d2251595d989e507cf44f36e8"}) as unknown as TypedDocumentString<ConsoleApproveSuccessionMutation, ConsoleApproveSuccessionMutationVariables>;
export const ConsoleTalentReviewDocument = new TypedDocumentString(`
    query ConsoleTalentReview($agency: String, $year: Int!, $after: String) {
  employees(first: 20, after: $after, filter: {agencyCode: $agency}) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      nip
      name
      talentBox(year: $year) {
        box
        computedBox
        calibrated
        reason
      }
    }
  }
}
    `, {"hash":"sha256:1058164e27c2a17f0bff79e3c6763e01f92c0b54e3640d78ea736b93e41cb740"}) as unknown as TypedDocumentString<ConsoleTalentReviewQuery, ConsoleTalentReviewQueryVariables>;
export const ConsoleCalibrateTalentBoxDocument = new TypedDocumentString(`
    mutation ConsoleCalibrateTalentBox($input: CalibrateTalentBoxInput!) {
  calibrateTalentBox(input: $input) {
    userErrors {
      field
      message
    }
  }
}
    `, {"hash":"sha256:2b2cc1976402275b42db727b5a03d7988d911ec5074508e96467bd9652321637"}) as unknown as TypedDocumentString<ConsoleCalibrateTalentBoxMutation, ConsoleCalibrateTalentBoxMutationVariables>;
export const ConsoleUnitDocument = new TypedDocumentString(`
    query ConsoleUnit($code: String!) {
  orgUnit(code: $code) {
    code
    name
    agency {
      code
      name
    }
    parent {
      code
      name
    }
    children {
      code
      name
    }
  }
}
    `, {"hash":"sha256:2b852ea35e7adf6d2d156694a8d30906ccb92e7f9d04ce3000470716151a96f8"}) as unknown as TypedDocumentString<ConsoleUnitQuery, ConsoleUnitQueryVariables>;
export const ConsoleAgencyDocument = new TypedDocumentString(`
    query ConsoleAgency($code: String!) {
  agency(code: $code) {
    code
    name
  }
}
    `, {"hash":"sha256:9b84219b1c38c997e2c6daac0cd39bc1e12ef9a4979d4549caee08ff1e9b176c"}) as unknown as TypedDocumentString<ConsoleAgencyQuery, ConsoleAgencyQueryVariables>;
export const ConsoleUnitsDocument = new TypedDocumentString(`
    query ConsoleUnits($after: String, $filter: OrgUnitFilter) {
  orgUnits(first: 50, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      name
      agency {
        code
        name
      }
      parent {
        name
      }
    }
  }
}
    `, {"hash":"sha256:c10b601126de718a1212b464b6c516087d272f5149c3bf5c70779f125d95fab4"}) as unknown as TypedDocumentString<ConsoleUnitsQuery, ConsoleUnitsQueryVariables>;
export const ConsoleVacanciesDocument = new TypedDocumentString(`
    query ConsoleVacancies($within: Int!, $agencyCode: String) {
  vacancies(within: $within, agencyCode: $agencyCode) {
    retiresOn
    position {
      code
      name
      categoryName
    }
    holder {
      nip
      name
    }
    bench {
      pool
      readyNow
      readyInOneToTwoYears
      readyLater
    }
  }
}
    `, {"hash":"sha256:7c419e2f354fbc899a753b7f6ebb7619037a3d4c1a63ee5d6380b6ff8677ee65"}) as unknown as TypedDocumentString<ConsoleVacanciesQuery, ConsoleVacanciesQueryVariables>;
export const ConsoleBenchStrengthDocument = new TypedDocumentString(`
    query ConsoleBenchStrength($scope: AnalyticsScope!) {
  benchStrength(scope: $scope) {
    position {
      code
      name
      categoryName
    }
    pool
    readyNow
    readyInOneToTwoYears
    readyLater
    afterTraining
    needsAssessment
    blocked
  }
}
    `, {"hash":"sha256:6ea02df7d5455f371f8728bb929aa85d125e17904c278a2744159ebffa380e25"}) as unknown as TypedDocumentString<ConsoleBenchStrengthQuery, ConsoleBenchStrengthQueryVariables>;
export const ConsoleComplianceDocument = new TypedDocumentString(`
    query ConsoleCompliance($scope: AnalyticsScope!) {
  trainingCompliance(scope: $scope) {
    year
    target
    employees
    reachedTarget
    belowTarget
    withoutTraining
    averageHours
    totalHours
  }
}
    `, {"hash":"sha256:4fd0b979c5c4b979124f831c09b9deceefdaaf51989bd9b057da93fec5761be8"}) as unknown as TypedDocumentString<ConsoleComplianceQuery, ConsoleComplianceQueryVariables>;
export const ConsoleBelowTargetDocument = new TypedDocumentString(`
    query ConsoleBelowTarget($scope: AnalyticsScope!, $after: String) {
  trainingCompliance(scope: $scope) {
    employeesBelowTarget(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        hours
        shortfall
        employee {
          nip
          name
          orgUnit {
            name
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:bcf7b04de3095cfb0baa3e997b21bf26d6a424bc2a7070a3b2b3b8e89e2631c7"}) as unknown as TypedDocumentString<ConsoleBelowTargetQuery, ConsoleBelowTargetQueryVariables>;
export const ConsoleHeatMapDocument = new TypedDocumentString(`
    query ConsoleHeatMap($scope: AnalyticsScope!) {
  competencyHeatMap(scope: $scope) {
    asOf
    competencies {
      code
      name
    }
    rows {
      orgUnit {
        code
        name
      }
      employees
      cells {
        competency {
          code
        }
        required
        meeting
        share
        meanGap
        stale
        unassessed
      }
    }
  }
}
    `, {"hash":"sha256:5d274894cfa1f06595c79db9f6870d47069a4a16c23ce69fbd487885fb60dcc0"}) as unknown as TypedDocumentString<ConsoleHeatMapQuery, ConsoleHeatMapQueryVariables>;
export const ConsoleTrainingNeedsDocument = new TypedDocumentString(`
    query ConsoleTrainingNeeds($scope: AnalyticsScope!) {
  trainingNeeds(scope: $scope) {
    employees
    gapLevels
    competencies {
      competency {
        code
        name
      }
      people
      gapLevels
      averageGap
      maxGap
    }
    courses {
      course {
        code
        name
        hours
      }
      participants
      gapLevels
      gapLevelsPerJp
      cost
    }
  }
}
    `, {"hash":"sha256:1d0750f1b489986e61aa9f77ca84637cff72c87cf2ad67898f358a0162de7177"}) as unknown as TypedDocumentString<ConsoleTrainingNeedsQuery, ConsoleTrainingNeedsQueryVariables>;
export const ConsoleProfessionalismDocument = new TypedDocumentString(`
    query ConsoleProfessionalism($scope: AnalyticsScope!) {
  professionalismIndex(scope: $scope) {
    year
    employees
    average
    qualification
    competency
    performance
    discipline
    bands {
      band
      count
    }
  }
}
    `, {"hash":"sha256:24c1686d70e560a75a0672a937073b0e8cd504186e1570270bc54d7af949273b"}) as unknown as TypedDocumentString<ConsoleProfessionalismQuery, ConsoleProfessionalismQueryVariables>;
export const ConsoleTalentMatrixDocument = new TypedDocumentString(`
    query ConsoleTalentMatrix($scope: AnalyticsScope!) {
  talentMatrix(scope: $scope) {
    year
    employees
    unplaced
    cells {
      box
      label
      action
      count
      performance
      potential
    }
  }
}
    `, {"hash":"sha256:3c3194aebd46866cc2bc3b09e154a92f4b1d52e5b56d86bb946fa321a8ed7a77"}) as unknown as TypedDocumentString<ConsoleTalentMatrixQuery, ConsoleTalentMatrixQueryVariables>;
export const ConsoleTalentPeopleDocument = new TypedDocumentString(`
    query ConsoleTalentPeople($scope: AnalyticsScope!, $after: String) {
  talentMatrix(scope: $scope) {
    cells {
      box
      employees(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          nip
          name
          position {
            name
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:85fbbf59bfbe168859bf4fe2eb39903f2a0c938b53e01cbcae879b39d400ef8a"}) as unknown as TypedDocumentString<ConsoleTalentPeopleQuery, ConsoleTalentPeopleQueryVariables>;
export const ConsoleWhatIfDocument = new TypedDocumentString(`
    query ConsoleWhatIf($nip: String!, $code: String!, $policy: ScoringPolicyInput, $assume: Assumptions) {
  fit(nip: $nip, positionCode: $code, policy: $policy, assume: $assume) {
    jobPersonMatch
    category
    qualified
    readiness
  }
}
    `, {"hash":"sha256:38a97ed7f5918ccacd34e95f7e02ffc93da88a6cfe3e64caa07d52ca124e220f"}) as unknown as TypedDocumentString<ConsoleWhatIfQuery, ConsoleWhatIfQueryVariables>;
export const ConsoleFitDocument = new TypedDocumentString(`
    query ConsoleFit($nip: String!, $code: String!, $policy: ScoringPolicyInput) {
  fit(nip: $nip, positionCode: $code, policy: $policy) {
    asOf
    threshold
    jobPersonMatch
    jobPersonMatchUncapped
    gapIndex
    category
    qualified
    readiness
    employee {
      nip
      name
      rank {
        code
        name
      }
      education {
        code
      }
      orgUnit {
        code
        name
      }
      position {
        name
      }
    }
    position {
      code
      name
    }
    terms {
      competency {
        code
        name
      }
      required
      actual
      gap
      weight
      contribution
      critical
      stale
      assessedOn
    }
    unmetConditions {
      code
      message
      required
      actual
    }
    trainingPlan {
      totalHours
      totalCost
      closesAllGaps
      courses {
        course {
          code
          name
          hours
          cost
          provider
        }
        reason
        required
        closes {
          code
          name
        }
        raises {
          code
          name
        }
        prerequisiteOf {
          code
        }
      }
      byReason {
        reason
        courses
        hours
        cost
      }
      uncoveredGaps {
        competency {
          code
          name
        }
        gap
      }
    }
  }
}
    `, {"hash":"sha256:75fed3faef7a27421ea5d941caf1d55fd7664b9bbb8a6a61fa6d414b0a67456b"}) as unknown as TypedDocumentString<ConsoleFitQuery, ConsoleFitQueryVariables>;
export const ConsoleCandidatesDocument = new TypedDocumentString(`
    query ConsoleCandidates($code: String!, $first: Int!, $after: String, $filter: CandidateFilter, $policy: ScoringPolicyInput) {
  candidates(
    positionCode: $code
    first: $first
    after: $after
    filter: $filter
    policy: $policy
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      jobPersonMatch
      category
      qualified
      readiness
      incumbent
      threshold
      employee {
        nip
        name
        orgUnit {
          name
        }
        rank {
          code
        }
      }
      unmetConditions {
        code
        message
        required
        actual
      }
    }
  }
}
    `, {"hash":"sha256:794acd6f079c30cd42a7431334420497096543f1f28184c4a77a656b6569263c"}) as unknown as TypedDocumentString<ConsoleCandidatesQuery, ConsoleCandidatesQueryVariables>;
export const ConsoleOpenSelectionDocument = new TypedDocumentString(`
    mutation ConsoleOpenSelection($input: OpenSelectionInput!) {
  openSelection(input: $input) {
    userErrors {
      field
      code
    }
    selection {
      id
    }
  }
}
    `, {"hash":"sha256:db1219ea492b4fc280c210bbf23107a1120014cfacc553715538ecbcb9aeb327"}) as unknown as TypedDocumentString<ConsoleOpenSelectionMutation, ConsoleOpenSelectionMutationVariables>;
export const ConsoleSelectionSizeDocument = new TypedDocumentString(`
    query ConsoleSelectionSize($code: String!, $policy: ScoringPolicyInput) {
  candidates(positionCode: $code, policy: $policy, first: 1) {
    totalCount
  }
}
    `, {"hash":"sha256:f09fcfbfb0859f600f3b7370b90a95abd93365ba2962abfb97f2f8af522fc1bb"}) as unknown as TypedDocumentString<ConsoleSelectionSizeQuery, ConsoleSelectionSizeQueryVariables>;
export const ConsolePositionDocument = new TypedDocumentString(`
    query ConsolePosition($code: String!) {
  position(code: $code) {
    code
    name
    summary
    category
    categoryName
    orgUnit {
      code
      name
      agency {
        code
        name
        orgUnits(first: 100) {
          nodes {
            code
            name
          }
        }
      }
    }
    requirements {
      level
      weight
      critical
      competency {
        code
        name
      }
    }
    conditions {
      minRank {
        code
        name
      }
      minEducation {
        code
        name
      }
      minYearsOfService
      minPerformance
      performanceYears
      retirementAge
      requiredCourses {
        code
        name
      }
    }
  }
}
    `, {"hash":"sha256:023ae6dfb04496285fbdf451b3743647a3eb3c30d39c0db482d9aaa032250674"}) as unknown as TypedDocumentString<ConsolePositionQuery, ConsolePositionQueryVariables>;
export const ConsoleSelectionDocument = new TypedDocumentString(`
    query ConsoleSelection($id: ID!) {
  selection(id: $id) {
    id
    agency
    note
    openedAt
    openedBy
    closedAt
    fingerprint
    verified
    number
    members {
      name
      nip
      role
    }
    stages {
      id
      name
      kind
      weight
      passMark
      order
    }
    standings {
      rank
      total
      complete
      tieBreak
      employee {
        id
        nip
        name
      }
      droppedAt {
        id
        name
        order
      }
      scores {
        stage {
          id
        }
        score
        note
        fromJobPersonMatch
      }
    }
    proposedNames {
      rank
      total
      employee {
        nip
        name
      }
    }
    position {
      code
      name
      orgUnit {
        agency {
          code
          name
          timeZone
        }
      }
    }
    policy {
      asOf
      scale
    }
    candidates(first: 100) {
      nodes {
        jobPersonMatch
        category
        qualified
        readiness
        threshold
        unmetConditions {
          code
          message
          required
          actual
        }
        terms {
          critical
          gap
        }
        employee {
          nip
          name
        }
      }
    }
    decisions(history: true) {
      current
      decision
      reason
      decidedAt
      decidedBy
      employee {
        nip
        name
      }
    }
  }
}
    `, {"hash":"sha256:1ea187e0981aca728b8f35cbe8905e48ab66f84415d4aeeca8fdb9e6a91516af"}) as unknown as TypedDocumentString<ConsoleSelectionQuery, ConsoleSelectionQueryVariables>;
export const ConsoleRecordDecisionDocument = new TypedDocumentString(`
    mutation ConsoleRecordDecision($input: RecordDecisionInput!) {
  recordDecision(input: $input) {
    userErrors {
      field
      code
    }
  }
}
    `, {"hash":"sha256:736808e85f65624ca69130663c0659661301ad3fcf506d6bb9ff0bf0b2342678"}) as unknown as TypedDocumentString<ConsoleRecordDecisionMutation, ConsoleRecordDecisionMutationVariables>;
export const ConsoleCloseSelectionDocument = new TypedDocumentString(`
    mutation ConsoleCloseSelection($id: ID!) {
  closeSelection(input: {selectionId: $id}) {
    userErrors {
      field
      code
    }
  }
}
    `, {"hash":"sha256:395fbe06ba3db97c3c886d60cc62dd944b4170b7d59a2a5af16a2bb426f5e2d1"}) as unknown as TypedDocumentString<ConsoleCloseSelectionMutation, ConsoleCloseSelectionMutationVariables>;
export const ConsoleRecordStageScoreDocument = new TypedDocumentString(`
    mutation ConsoleRecordStageScore($input: RecordStageScoreInput!) {
  recordStageScore(input: $input) {
    userErrors {
      field
      code
    }
  }
}
    `, {"hash":"sha256:b1055a530fed489b95125fba1850659f1ad92969822a169c8ba062d242876aef"}) as unknown as TypedDocumentString<ConsoleRecordStageScoreMutation, ConsoleRecordStageScoreMutationVariables>;
export const ConsoleSetSelectionMembersDocument = new TypedDocumentString(`
    mutation ConsoleSetSelectionMembers($input: SetSelectionMembersInput!) {
  setSelectionMembers(input: $input) {
    userErrors {
      field
      code
    }
  }
}
    `, {"hash":"sha256:438980f9e3778e920d2c482cadedd73c3e26def951b8cf92d4b09ec8b6d43d9b"}) as unknown as TypedDocumentString<ConsoleSetSelectionMembersMutation, ConsoleSetSelectionMembersMutationVariables>;