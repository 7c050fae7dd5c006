import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/modules/dataset/dataset.service';
import { EMPTY_KNOWN } from '../../src/records/known-keys';
import { validateDataset } from '../../src/records/validate-dataset';
import { generateProvince } from '../../src/demo/province.generate';
import { DEMO_TODAY } from '../support/constants';
import { startTestApp, type TestApp } from '../support/harness';

const N = 2000;
const province = generateProvince({ employees: N, seed: 11, today: DEMO_TODAY });
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('empty');
});
afterAll(() => app.close());

describe('the province generator', () => {
  it('gives the same document for the same seed, and another for another seed', () => {
    expect(digest(generateProvince({ employees: N, seed: 11, today: DEMO_TODAY }))).toBe(
      digest(province),
    );
    expect(digest(generateProvince({ employees: N, seed: 12, today: DEMO_TODAY }))).not.toBe(
      digest(province),
    );
  });

  it('has the shapes of a real province', () => {
    expect(province.employees).toHaveLength(N);
    // Summaries read as Indonesian: the category's name is not doubled ("jabatan jabatan …").
    for (const p of province.positions) expect(p.summary).not.toMatch(/jabatan jabatan/i);
    expect(province.positions.length).toBeGreaterThanOrEqual(N / 35);
    expect(province.positions.length).toBeLessThan((N / 35) * 1.6);
    const categories = new Set(province.positions.map((p) => p.category.split('_')[0]));
    expect(categories).toEqual(
      new Set(['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL']),
    );
    const technical = province.competencies.filter((c) => c.type === 'TECHNICAL');
    expect(technical.length).toBeGreaterThanOrEqual(290);
    expect(province.competencies.length - technical.length).toBe(9);
    expect(province.courses.length).toBeGreaterThanOrEqual(380);
    expect(province.courses.some((c) => c.prerequisites.length > 0)).toBe(true);
    const assessed = new Map<string, Set<string>>();
    for (const a of province.assessments) {
      const key = a.nip ?? a.pppkNumber!;
      const set = assessed.get(key) ?? new Set();
      for (const r of a.results) set.add(r.competency);
      assessed.set(key, set);
    }
    const mean = [...assessed.values()].reduce((s, c) => s + c.size, 0) / assessed.size;
    expect(mean).toBeGreaterThan(10);
    expect(mean).toBeLessThan(15);
    const years = new Set(province.assessments.map((a) => a.assessedOn.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
    expect(province.trainings.length).toBeGreaterThan(N);
  });

  it('passes every rule of the import and loads into an empty database', async () => {
    expect(validateDataset(province, EMPTY_KNOWN, DEMO_TODAY).issues).toEqual([]);
    const report = await importDataset(app.orm.em.getKnex(), province, {
      today: DEMO_TODAY,
      audit: { actor: { role: 'SYSTEM', subject: 'test' }, action: 'import' },
    });
    expect(report.issues).toEqual([]);
    expect(report.applied).toBe(true);
    const { positions } = await app.ok(
      '{ positions(filter: { categories: [ADMINISTRATOR] }, first: 1) { nodes { code } } }',
    );
    const result = await app.ok(
      `query($p: String!) { candidates(positionCode: $p, first: 3, policy: { asOf: "${DEMO_TODAY}" }) { totalCount nodes { jobPersonMatch } } }`,
      { p: positions.nodes[0].code },
    );
    expect(result.candidates.totalCount).toBeGreaterThan(0);
  });
});
