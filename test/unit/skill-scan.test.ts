import { describe, expect, it } from 'vitest';
import { CandidateColumns } from '../../src/engine/ranking/candidate-columns';
import type { EmployeeFacts } from '../../src/engine/ranking/candidate-facts';
import { CandidateIndex, type SkillTest } from '../../src/engine/ranking/candidate-index';
import { dayNumber, isoOfDay } from '../../src/domain/days';
import { AppError } from '../../src/shared/errors';
import { scanStats, WorkMeter } from '../../src/shared/work-meter';

/**
 * The index's skill search must give the same employees however its work is cut into chunks,
 * give other callbacks their turn between chunks (never within a scan of one chunk), and stop
 * at its meter's limit.
 */
const ORIGIN = dayNumber('1700-01-01');
const AS_OF = '2026-11-01';
const AS_OF_DAY = dayNumber(AS_OF);
const SIZE = 30_000;

/** A deterministic history: per slot and competency, 0–3 results, some after `AS_OF`. */
function historyOf(slot: number, competency: number): { level: number; day: number }[] {
  const n = (slot * 7 + competency * 3) % 4;
  return Array.from({ length: n }, (_, k) => ({
    level: 1 + ((slot + competency + k) % 5),
    // Latest first; the first of every ninth slot's is after the date asked about.
    day: AS_OF_DAY - 400 * k + (k === 0 && slot % 9 === 0 ? 30 : -10),
  }));
}

function columnsOf(competencies: number[]): CandidateColumns {
  const columns = new CandidateColumns(SIZE);
  for (let s = 0; s < SIZE; s++) columns.ids[s] = 10 + 2 * s;
  for (const c of competencies) {
    const slots: number[] = [];
    const entries: number[] = [];
    for (let s = 0; s < SIZE; s++)
      for (const { level, day } of historyOf(s, c)) {
        slots.push(s);
        entries.push((2 ** 18 - 1 - (day - ORIGIN)) * 8 + level);
      }
    columns.results.set(c, { slots: Int32Array.from(slots), entries: Int32Array.from(entries) });
  }
  return columns;
}

const COMPETENCIES = [1, 2, 3];
const COLUMNS = columnsOf(COMPETENCIES);

/** An index over the columns, with some slots replaced by overlaid facts and some added. */
function indexOf(): CandidateIndex {
  const index = new CandidateIndex(null as never);
  const replaced = new Uint8Array(SIZE);
  const overlay = new Map<number, EmployeeFacts | null>();
  for (let s = 5; s < SIZE; s += 997) {
    replaced[s] = 1;
    // Gone, or assessed anew at level 5 in every competency.
    overlay.set(COLUMNS.ids[s], s % 2 === 0 ? null : withLevel(COLUMNS.factsAt(s), 5));
  }
  for (let id = 1; id <= 3; id++) overlay.set(id, withLevel({ ...COLUMNS.factsAt(0), id }, id + 2));
  Object.assign(index, { columns: COLUMNS, replaced, overlay });
  return index;
}

function withLevel(facts: EmployeeFacts, level: number): EmployeeFacts {
  const history = new Map(
    COMPETENCIES.map((c) => [c, [{ level, assessedOn: isoOfDay(AS_OF_DAY - 1) }]]),
  );
  return { ...facts, history };
}

/** The same search, plainly: each employee's levels, every condition. */
function plainly(index: CandidateIndex, tests: SkillTest[]): number[] {
  const ids = [...COLUMNS.ids, 1, 2, 3];
  return ids
    .filter((id) => {
      if (!index.facts(id)) return false;
      const levels = index.levelsOf(id, AS_OF);
      return tests.every(({ competencyId, test }) => {
        const current = levels.get(competencyId);
        return current !== undefined && test(current.level, dayNumber(current.assessedOn));
      });
    })
    .sort((a, b) => a - b);
}

const atLeast = (competencyId: number, min: number, freshFrom = -Infinity): SkillTest => ({
  competencyId,
  test: (level, day) => level >= min && day >= freshFrom,
});

describe('the skill search of the index', () => {
  it.each([
    ['one condition', [atLeast(1, 4)]],
    ['three conditions', [atLeast(1, 2), atLeast(2, 3), atLeast(3, 1)]],
    ['a fresh-only condition', [atLeast(2, 1, AS_OF_DAY - 300)]],
    ['a competency nobody holds', [atLeast(1, 1), atLeast(99, 1)]],
    ['no one passing the first', [atLeast(1, 6), atLeast(2, 1)]],
  ])('finds what a plain check finds, in chunks of any size: %s', async (_name, tests) => {
    const index = indexOf();
    const expected = plainly(index, tests);
    for (const chunk of [1_000, 4_099, 10_000_000]) {
      const found = await index.holders(tests, AS_OF, new WorkMeter(100_000_000, chunk));
      expect([...found].sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('gives other callbacks a turn between chunks of a long search', async () => {
    const index = indexOf();
    const order: string[] = [];
    const turns = scanStats.turns;
    const search = index
      .holders([atLeast(1, 1), atLeast(2, 1)], AS_OF, new WorkMeter(100_000_000, 5_000))
      .then(() => order.push('search'));
    setImmediate(() => order.push('other caller'));
    await search;
    expect(order).toEqual(['other caller', 'search']);
    expect(scanStats.turns - turns).toBeGreaterThan(10);
  });

  it('runs a search of one chunk or less straight through', async () => {
    const index = indexOf();
    const order: string[] = [];
    const turns = scanStats.turns;
    const meter = new WorkMeter(100_000_000, 10_000_000);
    const search = index.holders([atLeast(1, 1)], AS_OF, meter).then(() => order.push('search'));
    setImmediate(() => order.push('other caller'));
    await search;
    expect(order).toEqual(['search']);
    expect(scanStats.turns).toBe(turns);
    expect(meter.spent).toBeGreaterThan(SIZE);
  });

  it('stops at the limit of its meter, before doing the work past it', async () => {
    const index = indexOf();
    const limit = COLUMNS.resultCount(1) + Math.floor(COLUMNS.resultCount(2) / 2);
    const meter = new WorkMeter(limit, 1_000);
    const stopped = scanStats.stopped;
    const error = await index
      .holders([atLeast(1, 1), atLeast(2, 1), atLeast(3, 1)], AS_OF, meter)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions).toMatchObject({
      code: 'QUERY_TIMEOUT',
      scanLimit: limit,
    });
    expect(meter.spent).toBeLessThanOrEqual(limit + 1_000);
    expect(scanStats.stopped).toBe(stopped + 1);
  });

  it('counts the work of a request across its searches', async () => {
    const index = indexOf();
    // Both passes and the overlay's few: the third search is past it.
    const meter = new WorkMeter(COLUMNS.resultCount(1) + COLUMNS.resultCount(2) + 1_000, 1_000);
    await index.holders([atLeast(1, 1)], AS_OF, meter);
    await expect(index.holders([atLeast(2, 1)], AS_OF, meter)).resolves.toBeDefined();
    await expect(index.holders([atLeast(3, 1), atLeast(1, 1)], AS_OF, meter)).rejects.toMatchObject(
      { extensions: { code: 'QUERY_TIMEOUT' } },
    );
  });
});
