import { dayNumber } from '../../domain/days';
import type { WorkMeter } from '../../shared/work-meter';
import { candidateSpecOf, type EmployeeFacts } from './candidate-facts';
import type { CandidateColumns } from './candidate-columns';
import { EMPLOYMENT_TYPES, firstAtLeast, NONE } from './column-packing';
import { EDUCATION_LEVELS, RANKS } from '../../domain/reference.data';

/** One condition of a skill search: a competency, and what its current level must pass. */
export interface SkillTest {
  competencyId: number;
  test: (level: number, assessedOnDay: number) => boolean;
}

/**
 * A condition on employees that the index holds the facts for: the employee list's filter and
 * the viewer's visibility, as SQL reads them. A rank condition is unknown (SQL's null) for an
 * employee without a rank, a position condition for one without a position (both are left
 * joins there), so `not` of either leaves those out, as in SQL; every other condition is true
 * or false.
 */
export type EmployeeCondition =
  | { readonly all: readonly EmployeeCondition[] }
  | { readonly any: readonly EmployeeCondition[] }
  | { readonly not: EmployeeCondition }
  | { readonly orgUnits: ReadonlySet<number> }
  | { readonly positions: ReadonlySet<number> }
  | { readonly employmentType: string }
  | { readonly rank: (ordinal: number) => boolean }
  | { readonly education: (ordinal: number) => boolean }
  | { readonly skills: readonly SkillTest[] }
  | { readonly nobody: true };

/** What the index holds of one employee for the conditions: the columns' slot or the overlay's facts. */
type Truth = number;
/**
 * Three-valued truth as two bits (SQL's logic): bit 0 "may be true", bit 1 "may be false".
 * `and` is one `&` of the first bits and one `|` of the second, `or` the other way round, `not`
 * swaps them: no branch per employee.
 */
const TRUE = 1;
const FALSE = 2;
const UNKNOWN = 3;
const and = (a: Truth, b: Truth) => (a & b & TRUE) | ((a | b) & FALSE);
const or = (a: Truth, b: Truth) => ((a | b) & TRUE) | (a & b & FALSE);
const not = (a: Truth) => ((a & TRUE) << 1) | ((a & FALSE) >> 1);
const truth = (value: boolean) => (value ? TRUE : FALSE);

/** The three-valued rules, for the unit tests. */
export const threeValued = { TRUE, FALSE, UNKNOWN, and, or, not };

/**
 * The employees a condition selects: the columns' slots that hold (ascending, slots the
 * overlay replaces left out) and the overlay's employees that hold (their facts).
 */
export interface Selected {
  readonly slots: Int32Array;
  readonly overlaid: readonly EmployeeFacts[];
}

/**
 * Evaluates a condition over every employee of the columns and the overlay, as they are when
 * it starts: one pass over the slots per condition (one over each competency's results for a
 * skill condition), counted against the request's meter and giving other callers a turn
 * between chunks.
 */
export async function selectEmployees(
  condition: EmployeeCondition,
  columns: CandidateColumns,
  replaced: Uint8Array,
  overlay: readonly EmployeeFacts[],
  asOf: string,
  meter: WorkMeter,
): Promise<Selected> {
  const asOfDay = dayNumber(asOf);
  const truths = await columnTruths(condition, columns, asOfDay, meter);
  let count = 0;
  for (let slot = 0; slot < columns.size; slot++)
    if (truths[slot] === TRUE && replaced[slot] !== 1) count++;
  const slots = new Int32Array(count);
  if (count > 0)
    for (let slot = 0, i = 0; slot < columns.size; slot++)
      if (truths[slot] === TRUE && replaced[slot] !== 1) slots[i++] = slot;
  meter.charge(overlay.length, 'employee search');
  const overlaid = overlay.filter((facts) => factsTruth(condition, facts, asOf) === TRUE);
  return { slots, overlaid };
}

/** The condition's truth for every slot of the columns. */
async function columnTruths(
  condition: EmployeeCondition,
  columns: CandidateColumns,
  asOfDay: number,
  meter: WorkMeter,
): Promise<Uint8Array> {
  const { size } = columns;
  // A pass over the slots, a chunk at a time (the loop sits in each chunk's function, so it
  // runs as one compiled loop, not a call per slot).
  const pass = async (chunk: (from: number, to: number) => void) => {
    for (let from = 0; from < size; from += meter.chunk) {
      const turn = meter.turn();
      if (turn) await turn;
      const to = Math.min(size, from + meter.chunk);
      // A slot of a pass is one typed-array read, about an eighth of a result's evaluation
      // (what the meter counts): a million slots take about a millisecond.
      meter.charge(Math.ceil((to - from) / 8), 'employee search');
      chunk(from, to);
    }
  };
  if ('all' in condition || 'any' in condition) {
    const every = 'all' in condition;
    const parts = every ? condition.all : condition.any;
    if (parts.length === 1) return columnTruths(parts[0], columns, asOfDay, meter);
    if (parts.length === 0) return new Uint8Array(size).fill(every ? TRUE : FALSE);
    const truths = await columnTruths(parts[0], columns, asOfDay, meter);
    for (const part of parts.slice(1)) {
      const theirs = await columnTruths(part, columns, asOfDay, meter);
      await pass((from, to) => {
        if (every) for (let s = from; s < to; s++) truths[s] = and(truths[s], theirs[s]);
        else for (let s = from; s < to; s++) truths[s] = or(truths[s], theirs[s]);
      });
    }
    return truths;
  }
  if ('not' in condition) {
    const truths = await columnTruths(condition.not, columns, asOfDay, meter);
    await pass((from, to) => {
      for (let s = from; s < to; s++) truths[s] = not(truths[s]);
    });
    return truths;
  }
  if ('skills' in condition) return skillTruths(condition.skills, columns, asOfDay, meter);
  const truths = new Uint8Array(size);
  if ('orgUnits' in condition) {
    // Units as a table by id: a typed-array read per slot rather than a set's lookup.
    const units = condition.orgUnits;
    let largest = 0;
    for (const unit of units) largest = Math.max(largest, unit);
    const table = new Uint8Array(largest + 1);
    for (const unit of units) if (unit >= 0) table[unit] = 1;
    const unitOf = columns.orgUnit;
    await pass((from, to) => {
      for (let s = from; s < to; s++)
        truths[s] = unitOf[s] < table.length && table[unitOf[s]] === 1 ? TRUE : FALSE;
    });
  } else if ('positions' in condition) {
    const positions = condition.positions;
    const positionOf = columns.position;
    await pass((from, to) => {
      for (let s = from; s < to; s++)
        truths[s] = positionOf[s] < 0 ? UNKNOWN : positions.has(positionOf[s]) ? TRUE : FALSE;
    });
  } else if ('employmentType' in condition) {
    const type = EMPLOYMENT_TYPES.indexOf(condition.employmentType);
    const typeOf = columns.employmentType;
    await pass((from, to) => {
      for (let s = from; s < to; s++) truths[s] = typeOf[s] === type ? TRUE : FALSE;
    });
  } else if ('rank' in condition) {
    const passes = Uint8Array.from(RANKS, (r) => truth(condition.rank(r.ordinal)));
    const rankOf = columns.rank;
    await pass((from, to) => {
      for (let s = from; s < to; s++) truths[s] = rankOf[s] < 0 ? UNKNOWN : passes[rankOf[s]];
    });
  } else if ('education' in condition) {
    const passes = Uint8Array.from(EDUCATION_LEVELS, (e) => truth(condition.education(e.ordinal)));
    const educationOf = columns.education;
    await pass((from, to) => {
      for (let s = from; s < to; s++) truths[s] = passes[educationOf[s]];
    });
  } else truths.fill(FALSE);
  return truths;
}

/**
 * A skill condition over the columns: one pass over each competency's results, in order,
 * marking the slots that passed every test so far; none passing one ends the search.
 */
async function skillTruths(
  tests: readonly SkillTest[],
  columns: CandidateColumns,
  asOfDay: number,
  meter: WorkMeter,
): Promise<Uint8Array> {
  const truths = new Uint8Array(columns.size).fill(FALSE);
  if (tests.length === 0) return truths;
  const passed = new Uint16Array(columns.size);
  for (const [i, { competencyId, test }] of tests.entries()) {
    const last = i === tests.length - 1;
    let any = false;
    const visit = (slot: number, level: number, day: number) => {
      if (passed[slot] !== i || !test(level, day)) return;
      passed[slot] = i + 1;
      any = true;
      if (last) truths[slot] = TRUE;
    };
    const count = columns.resultCount(competencyId);
    let done = -1;
    for (let from = 0; from < count; from += meter.chunk) {
      const turn = meter.turn();
      if (turn) await turn;
      meter.charge(Math.min(meter.chunk, count - from), 'skill search');
      done = columns.eachCurrent(competencyId, asOfDay, visit, from, from + meter.chunk, done);
    }
    if (!any) break;
  }
  return truths;
}

/** The condition's truth for one employee's facts (the overlay's). */
function factsTruth(condition: EmployeeCondition, facts: EmployeeFacts, asOf: string): Truth {
  if ('all' in condition)
    return condition.all.reduce((t, part) => and(t, factsTruth(part, facts, asOf)), TRUE);
  if ('any' in condition)
    return condition.any.reduce((t, part) => or(t, factsTruth(part, facts, asOf)), FALSE);
  if ('not' in condition) return not(factsTruth(condition.not, facts, asOf));
  if ('orgUnits' in condition) return truth(condition.orgUnits.has(facts.orgUnitId));
  if ('positions' in condition)
    return facts.positionId == null ? UNKNOWN : truth(condition.positions.has(facts.positionId));
  if ('employmentType' in condition)
    return truth(facts.employmentType === condition.employmentType);
  if ('rank' in condition)
    return facts.rank === null ? UNKNOWN : truth(condition.rank(facts.rank.ordinal));
  if ('education' in condition) return truth(condition.education(facts.education.ordinal));
  if ('skills' in condition) {
    if (condition.skills.length === 0) return FALSE;
    const { levels } = candidateSpecOf(facts, asOf);
    return truth(
      condition.skills.every(({ competencyId, test }) => {
        const current = levels.get(competencyId);
        return current !== undefined && test(current.level, dayNumber(current.assessedOn));
      }),
    );
  }
  return FALSE;
}

/**
 * The first `limit` of the selected slots in an order, strictly past a bound: by `place` (a
 * place per slot in the order: the name order) or, without it, by slot (the id order), up
 * (`ascending`) or down. Slots without a place (-1: gone since the order was read) are left
 * out. One pass over the selection keeping the best so far, sorted: a page is a top-k.
 */
export function firstSlots(
  slots: Int32Array,
  place: Int32Array | null,
  limit: number,
  ascending: boolean,
  bound: number,
): number[] {
  if (limit <= 0) return [];
  if (!place) {
    // Slots are in id order: the page is a run of the selection.
    if (ascending) {
      const start = firstAtLeast(slots, bound + 1);
      return Array.from(slots.subarray(start, start + limit));
    }
    const end = firstAtLeast(slots, bound);
    return Array.from(slots.subarray(Math.max(0, end - limit), end)).reverse();
  }
  const sign = ascending ? 1 : -1;
  const signedBound = sign * bound;
  const best: number[] = []; // signed places, ascending
  const bestSlots: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    const at = place[slots[i]];
    if (at < 0) continue;
    const key = sign * at;
    if (key <= signedBound) continue;
    if (best.length === limit && key >= best[limit - 1]) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (best[middle] < key) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, key);
    bestSlots.splice(low, 0, slots[i]);
    if (best.length > limit) {
      best.pop();
      bestSlots.pop();
    }
  }
  return bestSlots;
}

/** A fact employees are counted by: the org unit (gathered into groups), rank, education, type. */
export type CountedField =
  | {
      readonly field: 'orgUnit';
      /** By unit id, its group (0 … groups − 1; -1 or past the end: not counted). */
      readonly groupOf: Int32Array;
      readonly groups: number;
    }
  | { readonly field: 'rank' | 'education' | 'employmentType' };

/** A group's key: per counted field, the org unit's group or the code (null: no rank). */
export type CountKey = (number | string | null)[];

/** The most buckets counted in an array; more are counted in a map. */
const MAX_DENSE_BUCKETS = 1 << 21;

/**
 * How many of the selected employees share each combination of the fields: every key as one
 * number (mixed radix over the fields' values), counted in an array when the combinations are
 * few enough, else in a map. Employees whose unit has no group (-1) are left out.
 */
export function countSelected(
  selected: Selected,
  columns: CandidateColumns,
  fields: readonly CountedField[],
): { key: CountKey; count: number }[] {
  // No field: one total, however many (none included), as SQL's count without grouping.
  if (fields.length === 0)
    return [{ key: [], count: selected.slots.length + selected.overlaid.length }];
  const radix = fields.map((f) =>
    f.field === 'orgUnit'
      ? f.groups
      : f.field === 'rank'
        ? RANKS.length + 1
        : f.field === 'education'
          ? EDUCATION_LEVELS.length
          : EMPLOYMENT_TYPES.length,
  );
  const buckets = radix.reduce((a, b) => a * b, 1);
  // Per org-unit field, a unit's group (-1: not counted).
  const unitGroups = fields.map((f) => {
    if (f.field !== 'orgUnit') return null;
    const { groupOf } = f;
    return (unitId: number) => (unitId < groupOf.length ? groupOf[unitId] : -1);
  });
  // Each selected slot's bucket, built field by field (-1: not counted), a loop per field.
  const { slots } = selected;
  const bucketOfSlot = new Float64Array(slots.length);
  for (const [i, f] of fields.entries()) {
    const r = radix[i];
    const values =
      f.field === 'orgUnit'
        ? columns.orgUnit
        : f.field === 'rank'
          ? columns.rank
          : f.field === 'education'
            ? columns.education
            : columns.employmentType;
    // The rank column holds -1 for none: counted as 0, the ranks from 1.
    const shift = f.field === 'rank' ? 1 : 0;
    const groupOf = f.field === 'orgUnit' ? f.groupOf : null;
    const groups = groupOf ? groupOf.length : 0;
    for (let j = 0; j < slots.length; j++) {
      const raw = values[slots[j]];
      const v = groupOf ? (raw < groups ? groupOf[raw] : -1) : raw + shift;
      const bucket = bucketOfSlot[j];
      bucketOfSlot[j] = v < 0 || bucket < 0 ? -1 : bucket * r + v;
    }
  }
  const valueOfFacts = (i: number, facts: EmployeeFacts): number => {
    const f = fields[i];
    if (f.field === 'orgUnit') return unitGroups[i]!(facts.orgUnitId);
    if (f.field === 'rank')
      return facts.rank === null ? 0 : RANKS.findIndex((r) => r.code === facts.rank!.code) + 1;
    if (f.field === 'education')
      return EDUCATION_LEVELS.findIndex((e) => e.code === facts.education.code);
    return EMPLOYMENT_TYPES.indexOf(facts.employmentType);
  };
  const dense = buckets <= MAX_DENSE_BUCKETS ? new Float64Array(buckets) : null;
  const sparse = new Map<number, number>();
  const add = (bucket: number) => {
    if (bucket < 0) return;
    if (dense) dense[bucket]++;
    else sparse.set(bucket, (sparse.get(bucket) ?? 0) + 1);
  };
  if (dense) {
    for (let j = 0; j < bucketOfSlot.length; j++)
      if (bucketOfSlot[j] >= 0) dense[bucketOfSlot[j]]++;
  } else for (const bucket of bucketOfSlot) add(bucket);
  for (const facts of selected.overlaid) {
    let bucket = 0;
    for (let i = 0; i < fields.length && bucket >= 0; i++) {
      const v = valueOfFacts(i, facts);
      bucket = v < 0 ? -1 : bucket * radix[i] + v;
    }
    add(bucket);
  }
  const counted: [number, number][] = [];
  if (dense) {
    for (let bucket = 0; bucket < dense.length; bucket++)
      if (dense[bucket] > 0) counted.push([bucket, dense[bucket]]);
  } else counted.push(...sparse);
  return counted.map(([bucket, count]) => {
    const key: CountKey = new Array<number | string | null>(fields.length);
    for (let i = fields.length - 1; i >= 0; i--) {
      const v = bucket % radix[i];
      bucket = (bucket - v) / radix[i];
      const f = fields[i];
      key[i] =
        f.field === 'orgUnit'
          ? v
          : f.field === 'rank'
            ? v === 0
              ? null
              : RANKS[v - 1].code
            : f.field === 'education'
              ? EDUCATION_LEVELS[v].code
              : EMPLOYMENT_TYPES[v];
    }
    return { key, count };
  });
}

/**
 * The employees a condition selected, as the index stood when it started (a refresh since does
 * not change them): how many, the first of them in the id or the name order, their counts by
 * group. Ids go out; slots stay in here.
 */
export class EmployeeSelection {
  constructor(
    private readonly selected: Selected,
    private readonly columns: CandidateColumns,
    private readonly replaced: Uint8Array,
    /** Ids of every employee the overlay holds (changed, added or gone since the columns). */
    readonly changedIds: readonly number[],
    private readonly nameOrder: () => Promise<Int32Array>,
    /**
     * A value derived from the org units and agencies, kept by the index until they change
     * (`CandidateIndex.fromUnits`): what counts by unit or agency name their groups with.
     */
    readonly fromUnits: <T>(key: string, make: () => Promise<T>) => Promise<T>,
  ) {}

  /** How many employees are selected. */
  get count(): number {
    return this.selected.slots.length + this.selected.overlaid.length;
  }

  /** The selected employees of the overlay, by id: a page reads them beside its candidates. */
  get overlaidIds(): number[] {
    return this.selected.overlaid.map((facts) => facts.id);
  }

  /**
   * Ids of the first `limit` selected employees of the columns in id order, strictly after
   * (`ascending`) or before `boundId` (null: from the start).
   */
  firstById(limit: number, ascending: boolean, boundId: number | null): number[] {
    const { ids } = this.columns;
    const bound =
      boundId === null
        ? ascending
          ? -1
          : this.columns.size
        : ascending
          ? firstAtLeast(ids, boundId + 1) - 1
          : firstAtLeast(ids, boundId);
    return firstSlots(this.selected.slots, null, limit, ascending, bound).map((s) => ids[s]);
  }

  /**
   * Ids of the first `limit` selected employees of the columns in name order, from the
   * employee `fromId` on (itself included; null: from the start) up (`ascending`) or down.
   * `fromId` must be an employee of the columns the overlay does not replace (`placed`);
   * undefined when it is not (the caller reads the page another way).
   */
  async firstByName(
    limit: number,
    ascending: boolean,
    fromId: number | null,
  ): Promise<number[] | undefined> {
    const place = await this.nameOrder();
    let bound = ascending ? -1 : this.columns.size;
    if (fromId !== null) {
      const at = this.placeOf(place, fromId);
      if (at === undefined) return undefined;
      bound = ascending ? at - 1 : at + 1;
    }
    return firstSlots(this.selected.slots, place, limit, ascending, bound).map(
      (s) => this.columns.ids[s],
    );
  }

  /** Whether an employee has a place in the name order the columns hold. */
  async placed(id: number): Promise<boolean> {
    return this.placeOf(await this.nameOrder(), id) !== undefined;
  }

  private placeOf(place: Int32Array, id: number): number | undefined {
    const slot = this.columns.slotOf(id);
    if (slot < 0 || this.replaced[slot] === 1 || place[slot] === NONE) return undefined;
    return place[slot];
  }

  /** How many selected employees share each combination of the fields (`countSelected`). */
  countBy(fields: readonly CountedField[]): { key: CountKey; count: number }[] {
    return countSelected(this.selected, this.columns, fields);
  }
}
