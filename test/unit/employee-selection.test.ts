import { describe, expect, it } from 'vitest';
import { CandidateColumns } from '../../src/engine/ranking/candidate-columns';
import {
  countSelected,
  firstSlots,
  selectEmployees,
  threeValued,
  type EmployeeCondition,
} from '../../src/engine/ranking/employee-selection';
import { RANKS } from '../../src/domain/reference.data';
import { WorkMeter } from '../../src/shared/work-meter';

const { TRUE, FALSE, UNKNOWN, and, or, not } = threeValued;
const names = new Map([
  [TRUE, 'true'],
  [FALSE, 'false'],
  [UNKNOWN, 'unknown'],
]);

describe('three-valued logic of index conditions', () => {
  // SQL's truth tables (null as unknown).
  it.each([
    [TRUE, TRUE, TRUE, TRUE],
    [TRUE, FALSE, FALSE, TRUE],
    [TRUE, UNKNOWN, UNKNOWN, TRUE],
    [FALSE, FALSE, FALSE, FALSE],
    [FALSE, UNKNOWN, FALSE, UNKNOWN],
    [UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN],
  ])('%s and/or %s is SQL’s', (a, b, both, either) => {
    expect(names.get(and(a, b))).toBe(names.get(both));
    expect(names.get(and(b, a))).toBe(names.get(both));
    expect(names.get(or(a, b))).toBe(names.get(either));
    expect(names.get(or(b, a))).toBe(names.get(either));
  });

  it('negates true and false and leaves unknown unknown', () => {
    expect([not(TRUE), not(FALSE), not(UNKNOWN)]).toEqual([FALSE, TRUE, UNKNOWN]);
  });
});

describe('firstSlots', () => {
  const slots = Int32Array.from([1, 3, 4, 8, 9, 12]);
  // Places in some order: slot s at place[s].
  const place = Int32Array.from({ length: 13 }, (_, s) => (s * 7) % 13);
  place[9] = -1;
  const byPlace = (ascending: boolean) =>
    [...slots]
      .filter((s) => place[s] >= 0)
      .sort((a, b) => (ascending ? place[a] - place[b] : place[b] - place[a]));

  it.each([
    [true, -1, 3],
    [true, 5, 10],
    [false, 13, 2],
    [false, 6, 10],
    [true, 13, 3],
  ])(
    'by place, ascending %s, past %i, the first %i as a full sort gives',
    (ascending, bound, limit) => {
      const past = byPlace(ascending).filter((s) =>
        ascending ? place[s] > bound : place[s] < bound,
      );
      expect(firstSlots(slots, place, limit, ascending, bound)).toEqual(past.slice(0, limit));
    },
  );

  it.each([
    [true, -1, 2, [1, 3]],
    [true, 4, 3, [8, 9, 12]],
    [false, 13, 2, [12, 9]],
    [false, 8, 10, [4, 3, 1]],
    [true, 12, 5, []],
  ])('by slot, ascending %s, past %i, the first %i are %j', (ascending, bound, limit, expected) => {
    expect(firstSlots(slots, null, limit, ascending, bound)).toEqual(expected);
  });
});

describe('selectEmployees and countSelected', () => {
  const SIZE = 50;
  const columns = new CandidateColumns(SIZE);
  for (let s = 0; s < SIZE; s++) {
    columns.ids[s] = 100 + s;
    columns.orgUnit[s] = s % 4;
    columns.position[s] = s % 5 === 0 ? -1 : s % 3;
    columns.employmentType[s] = s % 3;
    columns.rank[s] = s % 6 === 0 ? -1 : s % RANKS.length;
    columns.education[s] = s % 2;
  }
  const select = (condition: EmployeeCondition, replaced = new Uint8Array(SIZE)) =>
    selectEmployees(condition, columns, replaced, [], '2026-11-01', new WorkMeter());

  it('leaves out, under `not`, those without a rank or a position (SQL’s null)', async () => {
    const rank = { rank: (o: number) => o >= RANKS[3].ordinal };
    const ranked = (await select(rank)).slots;
    const notRanked = (await select({ not: rank })).slots;
    expect(ranked.length + notRanked.length).toBe(
      [...Array(SIZE).keys()].filter((s) => columns.rank[s] !== -1).length,
    );
    const held = (await select({ not: { positions: new Set([1]) } })).slots;
    expect([...held].every((s) => columns.position[s] !== -1 && columns.position[s] !== 1)).toBe(
      true,
    );
  });

  it('selects through and, or and not as a row-by-row evaluation does', async () => {
    const condition: EmployeeCondition = {
      any: [
        { all: [{ orgUnits: new Set([1, 2]) }, { employmentType: 'PNS' }] },
        { not: { education: (o) => o > 1 } },
      ],
    };
    const replaced = new Uint8Array(SIZE);
    replaced[7] = 1;
    const { slots } = await select(condition, replaced);
    const expected = [...Array(SIZE).keys()].filter(
      (s) =>
        s !== 7 &&
        (([1, 2].includes(columns.orgUnit[s]) && columns.employmentType[s] === 0) ||
          !(columns.education[s] + 1 > 1)),
    );
    expect([...slots]).toEqual(expected);
  });

  it('counts by unit groups and rank as a map over the rows does, with a total when ungrouped', async () => {
    const selected = await select({ all: [] });
    const groupOf = Int32Array.from([0, 1, 1, -1]);
    const counted = countSelected(selected, columns, [
      { field: 'orgUnit', groupOf, groups: 2 },
      { field: 'rank' },
    ]);
    const expected = new Map<string, number>();
    for (let s = 0; s < SIZE; s++) {
      const group = groupOf[columns.orgUnit[s]];
      if (group < 0) continue;
      const key = JSON.stringify([
        group,
        columns.rank[s] === -1 ? null : RANKS[columns.rank[s]].code,
      ]);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(new Map(counted.map((c) => [JSON.stringify(c.key), c.count]))).toEqual(expected);
    expect(countSelected({ slots: new Int32Array(0), overlaid: [] }, columns, [])).toEqual([
      { key: [], count: 0 },
    ]);
  });
});
