import { axesOf, SUCCESSION_BOXES, type Placement } from './talent-box';

/**
 * The talent review (PermenPANRB 3/2020, manajemen talenta): the talent committee calibrates a
 * person's 9-box placement with a reason, the computed box kept beside it, and decides the
 * succession plan of each key position as a whole.
 */

/** Longest reason a calibration keeps. */
export const MAX_REASON = 2000;
/** The earliest year a calibration may be about. */
export const FIRST_REVIEW_YEAR = 2000;

/** One calibration as stored: append-only, a later one for the same employee and year supersedes. */
export interface Calibration {
  readonly id: number;
  readonly employeeId: number;
  readonly year: number;
  readonly box: number;
  readonly reason: string;
}

/** A placement after the talent review: the box in force, with the computed box beside it. */
export interface ReviewedPlacement extends Placement {
  readonly computedBox: number;
  readonly calibrated: boolean;
  readonly reason: string | null;
}

/**
 * The calibration in force for each employee and year: the latest one recorded (highest id);
 * earlier ones stay as history.
 */
export function calibrationsInForce(rows: readonly Calibration[]): Map<string, Calibration> {
  const inForce = new Map<string, Calibration>();
  for (const row of rows) {
    const key = calibrationKey(row.employeeId, row.year);
    const held = inForce.get(key);
    if (!held || row.id > held.id) inForce.set(key, row);
  }
  return inForce;
}

/** The key of an employee's calibration for a year. */
export function calibrationKey(employeeId: number, year: number): string {
  return `${employeeId}/${year}`;
}

/**
 * The placement in force: the calibrated box (with the axes of that box) when the committee
 * calibrated one for the year, else the computed one. The computed box, the rating and the
 * potential score the rules read stay as they were computed.
 */
export function reviewedPlacement(
  computed: Placement,
  calibration: Pick<Calibration, 'box' | 'reason'> | null | undefined,
): ReviewedPlacement {
  if (!calibration)
    return { ...computed, computedBox: computed.box, calibrated: false, reason: null };
  return {
    ...computed,
    ...axesOf(calibration.box),
    box: calibration.box,
    computedBox: computed.box,
    calibrated: true,
    reason: calibration.reason,
  };
}

export interface FieldProblem {
  /** The input field at fault. */
  readonly field: 'employee' | 'year' | 'box' | 'reason' | 'positionCode' | 'emergency';
  readonly code: 'REQUIRED' | 'INVALID' | 'OUT_OF_RANGE' | 'NOT_FOUND' | 'DUPLICATE' | 'TAKEN';
  readonly message: string;
}

/**
 * What is wrong with a calibration before anything is read: the box is 1–9, the year from 2000
 * to the current one (a review decides on years rated, not on years to come), the reason is
 * given (spaces alone are none) and at most 2,000 characters.
 */
export function calibrationProblems(
  input: { year: number; box: number; reason: string },
  currentYear: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(input.year) || input.year < FIRST_REVIEW_YEAR || input.year > currentYear)
    problems.push({
      field: 'year',
      code: 'OUT_OF_RANGE',
      message: `year must be ${FIRST_REVIEW_YEAR}–${currentYear} (a year already rated), got ${input.year}`,
    });
  if (!Number.isInteger(input.box) || input.box < 1 || input.box > 9)
    problems.push({
      field: 'box',
      code: 'OUT_OF_RANGE',
      message: `box must be 1–9, got ${input.box}`,
    });
  const reason = input.reason.trim();
  if (!reason)
    problems.push({
      field: 'reason',
      code: 'REQUIRED',
      message: 'reason is required: a calibration says why the box differs from the computed one',
    });
  else if (reason.length > MAX_REASON)
    problems.push({
      field: 'reason',
      code: 'OUT_OF_RANGE',
      message: `reason must be at most ${MAX_REASON} characters, got ${reason.length}`,
    });
  return problems;
}

export type PlanStatus = 'DRAFT' | 'APPROVED';

/** A successor as a plan keeps them. */
export interface Nominee {
  readonly employeeId: number;
  readonly readiness: 'READY_NOW' | 'ONE_TO_TWO_YEARS' | 'LATER';
  readonly emergency: boolean;
}

/** A version of a position's succession plan. */
export interface PlanVersion {
  readonly version: number;
  readonly status: PlanStatus;
  readonly successors: readonly Nominee[];
}

/**
 * The draft a nomination goes into: the open draft, else a new version after the latest (an
 * approved plan stays as it was approved; the next review starts an empty draft and approves it
 * as a whole).
 */
export function draftFor(latest: PlanVersion | null): { version: number; opens: boolean } {
  if (latest && latest.status === 'DRAFT') return { version: latest.version, opens: false };
  return { version: (latest?.version ?? 0) + 1, opens: true };
}

/** What the rules know of a nominee when the committee names them. */
export interface NomineeFacts {
  readonly employeeId: number;
  readonly label: string;
  readonly agency: string;
  /** Their box (calibrated when calibrated) for the review year; null when unplaced. */
  readonly box: number | null;
  readonly emergency: boolean;
}

/**
 * Why a nominee cannot join a draft: a successor comes from the position's agency, from its
 * talent pool (boxes 7–9, calibrated boxes counting), is not the holder of the position, is
 * named once, and a plan has at most one emergency successor.
 */
export function nominationProblems(
  draft: readonly Nominee[],
  nominee: NomineeFacts,
  position: { code: string; agency: string; holderIds: readonly number[] },
  year: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (nominee.agency !== position.agency)
    problems.push({
      field: 'employee',
      code: 'INVALID',
      message: `employee ${nominee.label} is of agency ${nominee.agency}; successors of ${position.code} come from ${position.agency}`,
    });
  if (position.holderIds.includes(nominee.employeeId))
    problems.push({
      field: 'employee',
      code: 'INVALID',
      message: `employee ${nominee.label} holds ${position.code}: a holder is not their own successor`,
    });
  if (draft.some((n) => n.employeeId === nominee.employeeId))
    problems.push({
      field: 'employee',
      code: 'DUPLICATE',
      message: `employee ${nominee.label} is already a successor in the draft plan of ${position.code}`,
    });
  if (nominee.box === null || !SUCCESSION_BOXES.includes(nominee.box))
    problems.push({
      field: 'employee',
      code: 'INVALID',
      message: `employee ${nominee.label} is ${nominee.box === null ? 'not placed in a talent box' : `in box ${nominee.box}`} for ${year}; successors come from the talent pool (boxes 7, 8, 9)`,
    });
  if (nominee.emergency && draft.some((n) => n.emergency))
    problems.push({
      field: 'emergency',
      code: 'TAKEN',
      message: `the draft plan of ${position.code} already has its emergency successor (at most one)`,
    });
  return problems;
}

/** Why a plan cannot be approved: there must be a draft, and it must name a successor. */
export function approvalProblems(latest: PlanVersion | null, positionCode: string): FieldProblem[] {
  if (!latest || latest.status !== 'DRAFT')
    return [
      {
        field: 'positionCode',
        code: 'NOT_FOUND',
        message: latest
          ? `${positionCode} has no draft plan: version ${latest.version} is already approved; nominate a successor to start the next`
          : `${positionCode} has no draft plan: nominate a successor first`,
      },
    ];
  if (latest.successors.length === 0)
    return [
      {
        field: 'positionCode',
        code: 'REQUIRED',
        message: `the draft plan of ${positionCode} names no successor: an empty plan is not approved`,
      },
    ];
  return [];
}

/** Approved successors of a position by readiness, for its bench strength. */
export interface ApprovedBench {
  readonly approved: number;
  readonly approvedReadyNow: number;
  readonly approvedReadyInOneToTwoYears: number;
  readonly approvedReadyLater: number;
  readonly emergencySuccessor: boolean;
}

/** Counts the successors of a position's approved plan (none approved: all zero). */
export function approvedBench(successors: readonly Nominee[]): ApprovedBench {
  const count = (r: Nominee['readiness']) => successors.filter((s) => s.readiness === r).length;
  return {
    approved: successors.length,
    approvedReadyNow: count('READY_NOW'),
    approvedReadyInOneToTwoYears: count('ONE_TO_TWO_YEARS'),
    approvedReadyLater: count('LATER'),
    emergencySuccessor: successors.some((s) => s.emergency),
  };
}
