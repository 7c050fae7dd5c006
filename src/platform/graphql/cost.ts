import type { CostModel, InputCost } from './limits';

/**
 * What one skill condition of a filter costs, in units of one plain field (~10 µs of server
 * time: a fit is 10, a page of 100 employees with their nested fields a few thousand). A skill
 * condition is a pass over every result of its competency in the ranking index, and the
 * employees it finds go to SQL as one array. At a million employees a competency everyone is
 * assessed in holds ~1.5 million results: the pass alone takes ~14 ms (measured on those
 * columns), the array of the ~600,000 it may find several times that; at 100,000 a tenth. So
 * 1,000, priced for the largest province, like every other entry here: fifty such conditions
 * are half of the default limit.
 */
export const SKILL_CONDITION_COST = 1_000;
/** A nested filter (`and`/`or` item, `not`): one more SQL expression; its own conditions count apart. */
export const FILTER_BRANCH_COST = 10;

/**
 * A feature's entries in the cost of a query, in units of one plain field (~10 µs of server
 * time). The entries are priced for the largest province, from the domain.
 */
export interface FeatureCost {
  /**
   * The most items each list field without a page argument can hold, from the domain (five
   * proficiency levels, nine talent boxes, a job profile's dozen-odd requirements). The cost of a
   * query assumes every list is this full.
   */
  readonly lists?: Readonly<Record<string, number>>;
  /**
   * What a field computes each time it resolves: a fit scores one employee against one profile
   * and plans the training (tens of fields' work); an analysis reads a whole scope.
   */
  readonly work?: Readonly<Record<string, number>>;
  /** What an argument of each input type asks for, by its value (types not here cost nothing). */
  readonly inputs?: Readonly<Record<string, (value: unknown) => InputCost>>;
}

/** The cost model of a schema, from its features' entries (see docs/security.md, "Limits"). */
export function costModelOf(costs: readonly (FeatureCost | undefined)[]): CostModel {
  const lists = new Map<string, number>();
  const work = new Map<string, number>();
  const inputs = new Map<string, (value: unknown) => InputCost>();
  for (const cost of costs) {
    addAll(lists, cost?.lists);
    addAll(work, cost?.work);
    addAll(inputs, cost?.inputs);
  }
  return {
    listBound: (type, field) => lists.get(`${type}.${field}`),
    work: (type, field) => work.get(`${type}.${field}`) ?? 0,
    inputCost: (type, value) => inputs.get(type)?.(value),
  };
}

/** Entries of one feature into the whole table; a field priced twice is a mistake, refused. */
function addAll<V>(into: Map<string, V>, entries: Readonly<Record<string, V>> | undefined): void {
  for (const [key, value] of Object.entries(entries ?? {})) {
    if (into.has(key)) throw new Error(`The cost of ${key} is declared by two features.`);
    into.set(key, value);
  }
}
