import { PositionCategory } from './position.enums';

/**
 * The stages of an open selection for a JPT post (PermenPANRB 15/2019) and of a competitive
 * selection for an administrator post, in the order they are held.
 */
export enum StageKind {
  ADMINISTRATION = 'ADMINISTRATION',
  COMPETENCY = 'COMPETENCY',
  TECHNICAL = 'TECHNICAL',
  PAPER = 'PAPER',
  INTERVIEW = 'INTERVIEW',
  TRACK_RECORD = 'TRACK_RECORD',
  HEALTH_PSYCHOLOGY = 'HEALTH_PSYCHOLOGY',
}

/**
 * Stages that only pass or fail (documents and conditions; the health and psychological
 * tests): a score is 0 (fails, "tidak memenuhi syarat") or 100 (passes), the pass mark is 100,
 * and they carry no weight: they gate the later stages, they do not add to the total.
 */
export const PASS_FAIL_KINDS: ReadonlySet<StageKind> = new Set([
  StageKind.ADMINISTRATION,
  StageKind.HEALTH_PSYCHOLOGY,
]);
export const PASS_SCORE = 100;
export const FAIL_SCORE = 0;
/** Scores, weights and pass marks are on a 0–100 scale; weights of a set add up to 100. */
export const SCALE = 100;
export const MAX_STAGES = 10;
export const MAX_STAGE_NAME = 100;

/** One stage as a template or a selection holds it. */
export interface StageSpec {
  readonly name: string;
  readonly kind: StageKind;
  /** Share of the final score, 0–100; the weights of a set add up to 100. */
  readonly weight: number;
  /** The lowest score that passes; null: no pass mark (nobody leaves at this stage). */
  readonly passMark: number | null;
  /** Position in the procedure, unique within the set. */
  readonly order: number;
}

/** A stage frozen into a selection, named by its key (the row's id). */
export interface SelectionStageSpec extends StageSpec {
  readonly id: number;
}

/** What is wrong with one field of one stage (index into the input list; null: the set). */
export interface StageIssue {
  readonly index: number | null;
  readonly field: 'name' | 'kind' | 'weight' | 'passMark' | 'order' | 'stages';
  readonly code: 'REQUIRED' | 'OUT_OF_RANGE' | 'DUPLICATE' | 'INVALID';
  readonly message: string;
}

const stage = (
  order: number,
  kind: StageKind,
  name: string,
  weight: number,
  passMark: number | null,
): StageSpec => ({ order, kind, name, weight, passMark });

/**
 * The default JPT template (policy defaults, not rule: PermenPANRB 15/2019 leaves weights and
 * pass marks to the selection committee; ADMIN changes them with `setStageTemplate`). The
 * competency pass mark 68 is the lowest "still meets" band of the eligibility scale.
 */
export const DEFAULT_JPT_STAGES: readonly StageSpec[] = [
  stage(1, StageKind.ADMINISTRATION, 'Seleksi administrasi', 0, PASS_SCORE),
  stage(2, StageKind.COMPETENCY, 'Kompetensi manajerial dan sosial kultural', 30, 68),
  stage(3, StageKind.TECHNICAL, 'Kompetensi teknis', 20, 60),
  stage(4, StageKind.PAPER, 'Penulisan makalah dan presentasi', 15, null),
  stage(5, StageKind.INTERVIEW, 'Wawancara akhir', 25, null),
  stage(6, StageKind.TRACK_RECORD, 'Rekam jejak', 10, null),
  stage(7, StageKind.HEALTH_PSYCHOLOGY, 'Tes kesehatan dan psikologi', 0, PASS_SCORE),
];

/** The default administrator template: the same shape, fewer stages (no paper, no health tests). */
export const DEFAULT_ADMINISTRATOR_STAGES: readonly StageSpec[] = [
  stage(1, StageKind.ADMINISTRATION, 'Seleksi administrasi', 0, PASS_SCORE),
  stage(2, StageKind.COMPETENCY, 'Kompetensi manajerial dan sosial kultural', 40, 68),
  stage(3, StageKind.TECHNICAL, 'Kompetensi teknis', 30, 60),
  stage(4, StageKind.INTERVIEW, 'Wawancara', 20, null),
  stage(5, StageKind.TRACK_RECORD, 'Rekam jejak', 10, null),
];

/** The templates the migration seeds: one per JPT category and the administrator's. */
export const DEFAULT_STAGE_TEMPLATES: ReadonlyMap<PositionCategory, readonly StageSpec[]> = new Map(
  [
    [PositionCategory.JPT_UTAMA, DEFAULT_JPT_STAGES],
    [PositionCategory.JPT_MADYA, DEFAULT_JPT_STAGES],
    [PositionCategory.JPT_PRATAMA, DEFAULT_JPT_STAGES],
    [PositionCategory.ADMINISTRATOR, DEFAULT_ADMINISTRATOR_STAGES],
  ],
);

/**
 * The stages of a selection for a category with no template: one COMPETENCY stage of weight
 * 100 and no pass mark, whose score is the frozen JPM unless the committee enters another; so
 * the standings are the frozen ranking until the committee scores.
 */
export const FALLBACK_STAGES: readonly StageSpec[] = [
  stage(1, StageKind.COMPETENCY, 'Kompetensi (JPM)', SCALE, null),
];

/** Whether a stage only passes or fails. */
export const isPassFail = (kind: StageKind): boolean => PASS_FAIL_KINDS.has(kind);

const isNumber = (value: number) => typeof value === 'number' && Number.isFinite(value);
/** Two sums of weights are equal when they differ by float noise only. */
export const sameSum = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

/**
 * What is wrong with a set of stages, each issue naming the stage's index and field: 1 to 10
 * stages; names non-empty, at most 100 characters; orders unique positive integers; weights and
 * pass marks in 0–100; pass/fail stages of weight 0 with pass mark 100 (or none given); at most
 * one COMPETENCY stage (the one the JPM stands in for); weights adding up to 100.
 */
export function stageIssues(stages: readonly StageSpec[]): StageIssue[] {
  const issues: StageIssue[] = [];
  if (stages.length === 0 || stages.length > MAX_STAGES)
    return [set('OUT_OF_RANGE', `stages: give 1 to ${MAX_STAGES}, got ${stages.length}`)];
  const orders = new Set<number>();
  stages.forEach((s, index) => {
    const at = (field: StageIssue['field'], code: StageIssue['code'], why: string) =>
      issues.push({ index, field, code, message: `stages[${index}].${field}: ${why}` });
    if (!s.name.trim()) at('name', 'REQUIRED', 'a stage needs a name');
    else if (s.name.length > MAX_STAGE_NAME)
      at('name', 'OUT_OF_RANGE', `at most ${MAX_STAGE_NAME} characters`);
    if (!Number.isInteger(s.order) || s.order < 1)
      at('order', 'OUT_OF_RANGE', `a positive whole number, got ${s.order}`);
    else if (orders.has(s.order))
      at('order', 'DUPLICATE', `order ${s.order} is given to an earlier stage too`);
    orders.add(s.order);
    if (!isNumber(s.weight) || s.weight < 0 || s.weight > SCALE)
      at('weight', 'OUT_OF_RANGE', `between 0 and ${SCALE}, got ${s.weight}`);
    else if (isPassFail(s.kind) && s.weight !== 0)
      at('weight', 'INVALID', `${s.kind} only passes or fails and carries no weight: give 0`);
    if (s.passMark !== null && (!isNumber(s.passMark) || s.passMark < 0 || s.passMark > SCALE))
      at('passMark', 'OUT_OF_RANGE', `between 0 and ${SCALE}, or none, got ${s.passMark}`);
    else if (isPassFail(s.kind) && s.passMark !== null && s.passMark !== PASS_SCORE)
      at('passMark', 'INVALID', `${s.kind} passes at ${PASS_SCORE} (or give none)`);
  });
  const competency = stages.findIndex((s) => s.kind === StageKind.COMPETENCY);
  const second = stages.findIndex((s, i) => i > competency && s.kind === StageKind.COMPETENCY);
  if (competency >= 0 && second >= 0)
    issues.push({
      index: second,
      field: 'kind',
      code: 'DUPLICATE',
      message: `stages[${second}].kind: only one COMPETENCY stage (stages[${competency}] is one)`,
    });
  const total = stages.reduce((sum, s) => sum + (isNumber(s.weight) ? s.weight : 0), 0);
  if (!sameSum(total, SCALE))
    issues.push(set('OUT_OF_RANGE', `stages: the weights add up to ${total}, not ${SCALE}`));
  return issues;
}

function set(code: StageIssue['code'], message: string): StageIssue {
  return { index: null, field: 'stages', code, message };
}

/** A set of stages as stored: in order, pass/fail stages with their pass mark of 100. */
export function normalStages<T extends StageSpec>(stages: readonly T[]): T[] {
  return [...stages]
    .map((s) => ({
      ...s,
      name: s.name.trim(),
      passMark: isPassFail(s.kind) ? PASS_SCORE : s.passMark,
    }))
    .sort((a, b) => a.order - b.order);
}

/** Why a score does not fit its stage (null: it fits): 0–100, and 0 or 100 on a pass/fail stage. */
export function scoreIssue(kind: StageKind, score: number): string | null {
  if (!isNumber(score) || score < 0 || score > SCALE) return `between 0 and ${SCALE}, got ${score}`;
  if (isPassFail(kind) && score !== PASS_SCORE && score !== FAIL_SCORE)
    return `${kind} only passes or fails: ${PASS_SCORE} (passes) or ${FAIL_SCORE} (fails), got ${score}`;
  return null;
}
