import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/app/context';
import { Role } from '../../src/platform/auth/auth.types';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { generateProvince } from '../../src/demo/province.generate';
import { candidateSpecOf, loadEmployeeFacts } from '../../src/engine/ranking/candidate-facts';
import { loadCandidateColumns } from '../../src/engine/ranking/load-columns';
import { candidateIndex } from '../../src/engine/ranking/candidate-index';
import {
  barredSlots,
  packingFor,
  ProfileRanking,
  scanColumns,
} from '../../src/engine/ranking/column-ranking';
import { ScanWorkers } from '../../src/engine/ranking/scan-workers';
import { policyFrom } from '../../src/modules/fit/fit.service';
import { scoreFit } from '../../src/domain/fit.scoring';
import { positionSpec } from '../../src/modules/fit/fit.specs';
import { rankKeyOf } from '../../src/domain/ranking';
import { Position } from '../../src/modules/position/position.entity';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, type TestApp } from '../support/harness';

/**
 * The columnar index against the object path: every employee's facts read back from the
 * columns equal the facts read from the database, and every employee's packed rank key from
 * the column scan equals the key of the pure scoring, for every position and several policies.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('empty');
  const report = await importDataset(
    app.orm.em.getKnex(),
    generateProvince({ employees: 1200, seed: 11, today: DEMO_TODAY }),
    { today: DEMO_TODAY, audit: { actor: { role: 'SYSTEM', subject: 'test' }, action: 'import' } },
  );
  expect(report.issues).toEqual([]);
}, 120_000);
afterAll(() => app?.close());

const ADMIN = { role: Role.ADMIN, subject: 'test', agencyCode: null, nip: null };
const POLICIES = [
  { asOf: DEMO_TODAY },
  { asOf: '2023-02-28', validityYears: 1 },
  { asOf: '2019-01-01', validityYears: 5 },
  { asOf: DEMO_TODAY, capPerCompetency: false, capTotal: false, minJobPersonMatch: 90 },
  { asOf: '2031-12-31', minJobPersonMatch: 0 },
];

/** Facts in a comparable shape (history and trainings in a fixed order). */
const comparable = (facts: ReturnType<typeof Object>) => {
  const f = facts as Awaited<ReturnType<typeof loadEmployeeFacts>>[number];
  return {
    ...f,
    history: [...f.history].sort((a, b) => a[0] - b[0]),
    trainings: [...f.trainings].sort(
      (a, b) => a.courseId - b.courseId || a.completedOn.localeCompare(b.completedOn),
    ),
  };
};

async function expectExact(knex = app.orm.em.getKnex()) {
  const { columns } = await loadCandidateColumns(knex);
  const ids = Array.from(columns.ids);
  const facts = new Map((await loadEmployeeFacts(knex, { ids })).map((f) => [f.id, f]));
  for (let slot = 0; slot < columns.size; slot++) {
    if (columns.exceptions.has(slot)) continue;
    expect(comparable(columns.factsAt(slot)), `employee ${ids[slot]}`).toEqual(
      comparable(facts.get(ids[slot])!),
    );
  }
  const ctx = createContext(app.orm, ADMIN);
  const positions = await ctx.em.find(Position, {}, { orderBy: { id: 'ASC' } });
  let compared = 0;
  // Scorings where a disciplinary sentence bars (the generated province has a few sentences).
  let disciplined = 0;
  for (const input of POLICIES) {
    const policy = policyFrom(ctx, input);
    for (const position of positions) {
      const spec = await positionSpec(ctx, position);
      const packing = packingFor(spec);
      const keys = scanColumns(columns, spec, policy);
      for (let slot = 0; slot < columns.size; slot++) {
        if (columns.exceptions.has(slot)) continue;
        const candidate = candidateSpecOf(facts.get(ids[slot])!, policy.asOf);
        const result = scoreFit(spec, candidate, policy, false);
        if (result.unmetConditions.some((c) => c.code === 'DISCIPLINE')) disciplined++;
        const expected = rankKeyOf(result, ids[slot]);
        if (keys[slot] !== packing.pack(expected))
          expect(packing.unpack(keys[slot], ids[slot]), `${position.code} ${ids[slot]}`).toEqual(
            expected,
          );
        compared++;
      }
    }
  }
  return { compared, disciplined, exceptions: columns.exceptions.size };
}

describe('the columnar ranking index', () => {
  it('holds every fact and scores every employee exactly as the pure scoring', async () => {
    const { compared, disciplined } = await expectExact();
    expect(compared).toBeGreaterThan(100_000);
    // Employees barred by a sentence are among those compared, serving and within a window.
    expect(disciplined).toBeGreaterThan(0);
  }, 120_000);

  it('reads whole, as objects, the employees the columns cannot hold, and still ranks them exactly', async () => {
    const knex = app.orm.em.getKnex();
    const [first, second] = (await knex('employee').orderBy('id').limit(2).pluck('id')) as number[];
    const competency = (await knex('competency').orderBy('id').first('id')).id as number;
    // Two results of one competency on one day (two methods), and a result dated before 1700.
    for (const [employee, on, method, level] of [
      [first, '2024-03-01', 'INTERVIEW', 2],
      [first, '2024-03-01', 'TEST', 4],
      [second, '1650-01-01', 'PORTFOLIO', 5],
    ] as const) {
      const [{ id }] = await knex('assessment')
        .insert({ employee_id: employee, assessed_on: on, method })
        .returning('id');
      await knex('assessment_result').insert({
        assessment_id: id,
        competency_id: competency,
        level,
      });
    }
    const { columns } = await loadCandidateColumns(knex);
    expect([...columns.exceptions].map((slot) => columns.ids[slot]).sort()).toEqual(
      [first, second].sort(),
    );
    await expectExact();
    const index = await candidateIndex(knex).current();
    expect(index.isReplaced(columns.slotOf(first))).toBe(true);
    // The later assessment of the two on one day is the current one.
    expect(index.spec(first, '2024-03-01')!.levels.get(competency)?.level).toBe(4);
  }, 120_000);

  it('stays exact when results were added out of employee order (the groups are then sorted)', async () => {
    const knex = app.orm.em.getKnex();
    const employees = (await knex('employee')
      .orderBy('id')
      .offset(2)
      .limit(3)
      .pluck('id')) as number[];
    const competencies = (await knex('competency').orderBy('id').limit(4).pluck('id')) as number[];
    // Newer assessments of early employees land at the end of the table, after everyone's.
    for (const [n, employee] of employees.entries()) {
      const [{ id }] = await knex('assessment')
        .insert({ employee_id: employee, assessed_on: `2025-0${n + 4}-15`, method: 'INTERVIEW' })
        .returning('id');
      await knex('assessment_result').insert(
        competencies.map((competency, i) => ({
          assessment_id: id,
          competency_id: competency,
          level: 1 + ((n + i) % 5),
        })),
      );
    }
    const { columns } = await loadCandidateColumns(knex);
    for (const employee of employees)
      expect(columns.exceptions.has(columns.slotOf(employee))).toBe(false);
    await expectExact();
  }, 120_000);

  it('gives every slot the very key of the single-thread scan when the scan is split over worker threads', async () => {
    const knex = app.orm.em.getKnex();
    const { columns } = await loadCandidateColumns(knex);
    const ctx = createContext(app.orm, ADMIN);
    const positions = await ctx.em.find(Position, {}, { orderBy: { id: 'ASC' } });
    // Three threads, for ranges of unequal length, on a province of any size.
    const scanner = new ScanWorkers(3, 0);
    expect(scanner.splits(columns.size)).toBe(true);
    try {
      let compared = 0;
      for (const input of POLICIES) {
        const policy = policyFrom(ctx, input);
        for (const position of positions) {
          const spec = await positionSpec(ctx, position);
          const alone = scanColumns(columns, spec, policy);
          const split = await scanner.scan(
            columns,
            spec,
            policy,
            barredSlots(columns, spec, policy.asOf),
          );
          expect(split.buffer).toBeInstanceOf(SharedArrayBuffer);
          for (let slot = 0; slot < columns.size; slot++) {
            if (split[slot] !== alone[slot])
              expect(split[slot], `${position.code} ${columns.ids[slot]}`).toBe(alone[slot]);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(100_000);

      // Employees changed since the load are in the overlay: their slots are left out of the
      // scan's keys and they are scored one by one, the same whichever way the columns are read.
      await candidateIndex(knex).current();
      const changed = (await knex('employee').orderBy('id').limit(3).pluck('id')) as number[];
      const competency = (await knex('competency').orderBy('id').first('id')).id as number;
      for (const employee of changed) {
        const [{ id }] = await knex('assessment')
          .insert({ employee_id: employee, assessed_on: '2025-02-03', method: 'TEST' })
          .returning('id');
        await knex('assessment_result').insert({
          assessment_id: id,
          competency_id: competency,
          level: 5,
        });
      }
      const index = await candidateIndex(knex).current();
      expect(changed.every((id) => index.isReplaced(index.base.slotOf(id)))).toBe(true);
      const entries = (ranking: ProfileRanking) => {
        const all: number[][] = [];
        ranking.each((packed, employeeId, unit, held) =>
          all.push([employeeId, packed, unit, held]),
        );
        return all.sort((a, b) => a[0] - b[0]);
      };
      const policy = policyFrom(ctx, POLICIES[0]);
      for (const position of positions) {
        const spec = await positionSpec(ctx, position);
        const split = await ProfileRanking.of(index, spec, policy, scanner);
        const alone = await ProfileRanking.of(index, spec, policy, new ScanWorkers(1));
        expect(entries(split)).toEqual(entries(alone));
        expect(split.length).toBe(index.size);
      }
    } finally {
      await scanner.close();
    }
  }, 120_000);
});
