import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => app.close());

const ERRORS = 'userErrors { field code message }';

/** A fresh natural key for each use, so tests never collide. */
let serial = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`;

describe('agencies and org units', () => {
  it('are created, read and updated', async () => {
    const code = unique('KOTA');
    const created = await app.ok(
      `mutation($code: String!) { createAgency(input: { code: $code, name: "Pemerintah Kota Uji", kind: CITY }) { agency { code name kind } ${ERRORS} } }`,
      { code },
    );
    expect(created.createAgency).toEqual({
      agency: { code, name: 'Pemerintah Kota Uji', kind: 'CITY' },
      userErrors: [],
    });

    const unit = unique('BKPSDM');
    const child = unique('BIDANG');
    await app.ok(
      `mutation($unit: String!, $code: String!) { createOrgUnit(input: { code: $unit, agency: $code, name: "BKPSDM" }) { ${ERRORS} } }`,
      { unit, code },
    );
    const withChild = await app.ok(
      `mutation($child: String!, $unit: String!, $code: String!) { createOrgUnit(input: { code: $child, agency: $code, name: "Bidang", parent: $unit }) { orgUnit { code parent { code } agency { code } } ${ERRORS} } }`,
      { child, unit, code },
    );
    expect(withChild.createOrgUnit.orgUnit).toEqual({
      code: child,
      parent: { code: unit },
      agency: { code },
    });

    const renamed = await app.ok(
      `mutation($code: String!) { updateAgency(input: { code: $code, name: "Pemerintah Kota Uji Baru" }) { agency { name kind } ${ERRORS} } }`,
      { code },
    );
    expect(renamed.updateAgency.agency).toEqual({ name: 'Pemerintah Kota Uji Baru', kind: 'CITY' });

    const moved = await app.ok(
      `mutation($child: String!) { updateOrgUnit(input: { code: $child, parent: null }) { orgUnit { parent { code } name } ${ERRORS} } }`,
      { child },
    );
    expect(moved.updateOrgUnit.orgUnit).toEqual({ parent: null, name: 'Bidang' });
  });

  it('refuse a cycle in the org-unit tree and change nothing', async () => {
    const result = await app.ok(
      `mutation { updateOrgUnit(input: { code: "BKD-PROV", parent: "BKD-PROV-1" }) { orgUnit { code } ${ERRORS} } }`,
    );
    expect(result.updateOrgUnit.userErrors).toEqual([
      { field: ['input', 'parent'], code: 'CYCLE', message: expect.stringContaining('cycle') },
    ]);
    const after = await app.ok('{ orgUnit(code: "BKD-PROV") { parent { code } } }');
    expect(after.orgUnit.parent).toBeNull();
  });

  it('refuse an update of something that does not exist', async () => {
    const result = await app.ok(
      `mutation { updateAgency(input: { code: "NOPE-AGENCY", name: "x" }) { agency { code } ${ERRORS} } }`,
    );
    expect(result.updateAgency.userErrors[0]).toMatchObject({
      field: ['input', 'code'],
      code: 'NOT_FOUND',
    });
  });
});

describe('competencies', () => {
  it('are created with levels, read and updated', async () => {
    const code = unique('T.UJI');
    const created = await app.ok(
      `mutation($code: String!) { createCompetency(input: { code: $code, name: "Uji", type: TECHNICAL,
      levels: [{ level: 2, description: "dua", indicators: ["b"] }, { level: 1, description: "satu" }] }) {
      competency { code type levels { level description indicators } } ${ERRORS} } }`,
      { code },
    );
    expect(created.createCompetency.competency.levels).toEqual([
      { level: 1, description: 'satu', indicators: [] },
      { level: 2, description: 'dua', indicators: ['b'] },
    ]);
    const updated = await app.ok(
      `mutation($code: String!) { updateCompetency(input: { code: $code, description: "baru" }) { competency { description levels { level } } ${ERRORS} } }`,
      { code },
    );
    expect(updated.updateCompetency.competency).toEqual({
      description: 'baru',
      levels: [{ level: 1 }, { level: 2 }],
    });
  });

  it('refuse level 6 and a duplicate code, changing nothing', async () => {
    const sixth = await app.ok(
      `mutation { createCompetency(input: { code: "T.SIX", name: "x", type: TECHNICAL, levels: [{ level: 6, description: "x" }] }) { competency { code } ${ERRORS} } }`,
    );
    expect(sixth.createCompetency).toEqual({
      competency: null,
      userErrors: [
        {
          field: ['input', 'levels', '0', 'level'],
          code: 'OUT_OF_RANGE',
          message: 'levels[0].level: must be from 1 to 5, got 6',
        },
      ],
    });
    const duplicate = await app.ok(
      `mutation { createCompetency(input: { code: "M.01", name: "Lain", type: MANAGERIAL }) { competency { code } ${ERRORS} } }`,
    );
    expect(duplicate.createCompetency.userErrors).toEqual([
      {
        field: ['input', 'code'],
        code: 'TAKEN',
        message: 'code: "M.01" is already used by another record',
      },
    ]);
    const after = await app.ok(
      '{ competency(code: "M.01") { name } six: competency(code: "T.SIX") { code } }',
    );
    expect(after).toEqual({ competency: { name: 'Integritas' }, six: null });
  });
});

describe('courses', () => {
  it('are created with outcomes and prerequisites, read and updated', async () => {
    const code = unique('TEK');
    const created = await app.ok(
      `mutation($code: String!) { createCourse(input: { code: $code, title: "Uji", type: TECHNICAL, modality: BLENDED, hours: 24, cost: 1500000, provider: "BPSDM",
      outcomes: [{ competency: "T.SDM.01", minLevel: 1, toLevel: 3 }], prerequisites: ["BIMTEK-SIASN"] }) {
      course { code hours cost outcomes { competency { code } minLevel toLevel } prerequisites { code } } ${ERRORS} } }`,
      { code },
    );
    expect(created.createCourse.course).toEqual({
      code,
      hours: 24,
      cost: 1500000,
      outcomes: [{ competency: { code: 'T.SDM.01' }, minLevel: 1, toLevel: 3 }],
      prerequisites: [{ code: 'BIMTEK-SIASN' }],
    });
    const dependants = await app.ok('{ course(code: "BIMTEK-SIASN") { requiredFor { code } } }');
    expect(dependants.course.requiredFor).toContainEqual({ code });
    const updated = await app.ok(
      `mutation($code: String!) { updateCourse(input: { code: $code, hours: 30, prerequisites: [] }) { course { hours prerequisites { code } outcomes { toLevel } } ${ERRORS} } }`,
      { code },
    );
    expect(updated.updateCourse.course).toEqual({
      hours: 30,
      prerequisites: [],
      outcomes: [{ toLevel: 3 }],
    });
  });

  it('refuse a course that is its own prerequisite, an unknown competency, and a cycle', async () => {
    const self =
      await app.ok(`mutation { createCourse(input: { code: "SELF-1", title: "x", type: COURSE, modality: CLASSICAL, hours: 1, provider: "x", prerequisites: ["SELF-1"],
      outcomes: [{ competency: "Z.99", toLevel: 2 }] }) { course { code } ${ERRORS} } }`);
    expect(self.createCourse.userErrors).toEqual(
      expect.arrayContaining([
        {
          field: ['input', 'prerequisites', '0'],
          code: 'CYCLE',
          message: 'prerequisites[0]: a course cannot be its own prerequisite',
        },
        {
          field: ['input', 'outcomes', '0', 'competency'],
          code: 'NOT_FOUND',
          message: 'outcomes[0].competency: no competency has code "Z.99"',
        },
      ]),
    );
    // PKN-I requires PKN-II, which requires PKA: PKA requiring PKN-I would close the loop.
    const cycle = await app.ok(
      `mutation { updateCourse(input: { code: "PKA", prerequisites: ["PKN-I"] }) { course { code } ${ERRORS} } }`,
    );
    expect(cycle.updateCourse.userErrors).toEqual([
      {
        field: ['input', 'prerequisites', '0'],
        code: 'CYCLE',
        message: expect.stringContaining('PKN-I'),
      },
    ]);
    const after = await app.ok(
      '{ course(code: "PKA") { prerequisites { code } } self: course(code: "SELF-1") { code } }',
    );
    expect(after).toEqual({ course: { prerequisites: [] }, self: null });
  });
});

describe('positions', () => {
  it('are created with a job profile, read and updated', async () => {
    const code = unique('PEN');
    const created = await app.ok(
      `mutation($code: String!) { createPosition(input: { code: $code, title: "Kepala Seksi Uji", category: PENGAWAS, orgUnit: "BKD-PROV",
      requirements: [{ competency: "M.01", level: 2 }, { competency: "T.SDM.02", level: 2, weight: 2, critical: true }],
      conditions: { minRank: "III/b", minEducation: "D4", requiredCourses: ["PKP"], minYearsOfService: 4, minPerformance: BAIK } }) {
      position { code category retirementAge: conditions { retirementAge performanceYears minRank { code } minEducation { code } requiredCourses { code } minYearsOfService minPerformance }
        requirements { competency { code } level weight critical } } ${ERRORS} } }`,
      { code },
    );
    expect(created.createPosition.userErrors).toEqual([]);
    expect(created.createPosition.position.retirementAge).toEqual({
      retirementAge: 58,
      performanceYears: 2,
      minRank: { code: 'III/b' },
      minEducation: { code: 'S1' },
      requiredCourses: [{ code: 'PKP' }],
      minYearsOfService: 4,
      minPerformance: 'BAIK',
    });
    expect(created.createPosition.position.requirements).toEqual([
      { competency: { code: 'M.01' }, level: 2, weight: 1, critical: false },
      { competency: { code: 'T.SDM.02' }, level: 2, weight: 2, critical: true },
    ]);
    const updated = await app.ok(
      `mutation($code: String!) { updatePosition(input: { code: $code, title: "Kepala Seksi Uji Baru", requirements: [{ competency: "M.02", level: 3 }] }) {
      position { title requirements { competency { code } level } conditions { minRank { code } } } ${ERRORS} } }`,
      { code },
    );
    expect(updated.updatePosition.position).toEqual({
      title: 'Kepala Seksi Uji Baru',
      requirements: [{ competency: { code: 'M.02' }, level: 3 }],
      conditions: { minRank: { code: 'III/b' } },
    });
  });

  it('refuse a requirement at level 6, an unknown competency and an unknown rank', async () => {
    const result =
      await app.ok(`mutation { createPosition(input: { code: "BAD-POS", title: "x", category: PELAKSANA, orgUnit: "BKD-PROV",
      requirements: [{ competency: "M.01", level: 6 }, { competency: "NOPE", level: 1 }], conditions: { minRank: "III/z" } }) { position { code } ${ERRORS} } }`);
    expect(result.createPosition.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['input.requirements.0.level', 'OUT_OF_RANGE'],
      ['input.requirements.1.competency', 'NOT_FOUND'],
      ['input.conditions.minRank', 'INVALID'],
    ]);
    expect((await app.ok('{ position(code: "BAD-POS") { code } }')).position).toBeNull();
  });
});

describe('employees, assessments, trainings and performance', () => {
  const nip = '198609262015051001';

  it('register an employee, then record and read history', async () => {
    const created = await app.ok(
      `mutation($nip: String!) { createEmployee(input: { nip: $nip, name: "Budi Contoh", employmentType: PNS, rank: "III/c", education: "D4", orgUnit: "BPSDM-MALUKU" }) {
      employee { nip name employmentType rank { code } education { code } orgUnit { code } birthDate appointedOn } ${ERRORS} } }`,
      { nip },
    );
    expect(created.createEmployee).toEqual({
      employee: {
        nip,
        name: 'Budi Contoh',
        employmentType: 'PNS',
        rank: { code: 'III/c' },
        education: { code: 'S1' },
        orgUnit: { code: 'BPSDM-MALUKU' },
        birthDate: '1986-09-26',
        appointedOn: '2015-05-01',
      },
      userErrors: [],
    });

    const recorded = await app.ok(
      `mutation($nip: String!) { recordAssessment(input: { nip: $nip, assessedOn: "2025-03-01", method: ASSESSMENT_CENTER, assessor: "UPT", results: [{ competency: "M.01", level: 3 }, { competency: "M.02", level: 2 }] }) {
      assessment { assessedOn method assessor results { competency { code } level } } employee { competencies(asOf: "2026-01-01") { competency { code } level stale } } ${ERRORS} } }`,
      { nip },
    );
    expect(recorded.recordAssessment.userErrors).toEqual([]);
    expect(recorded.recordAssessment.employee.competencies).toEqual([
      { competency: { code: 'M.01' }, level: 3, stale: false },
      { competency: { code: 'M.02' }, level: 2, stale: false },
    ]);

    // A later assessment becomes the current level; the history keeps both.
    await app.ok(
      `mutation($nip: String!) { recordAssessment(input: { nip: $nip, assessedOn: "2026-02-01", method: MULTI_RATER, results: [{ competency: "M.01", level: 4 }] }) { ${ERRORS} } }`,
      { nip },
    );
    const history = await app.ok(
      `query($nip: String!) { employee(nip: $nip) { competencies(asOf: "2026-06-01") { competency { code } level assessedOn } assessments { totalCount } } }`,
      { nip },
    );
    expect(history.employee.competencies).toEqual([
      { competency: { code: 'M.01' }, level: 4, assessedOn: '2026-02-01' },
      { competency: { code: 'M.02' }, level: 2, assessedOn: '2025-03-01' },
    ]);
    expect(history.employee.assessments.totalCount).toBe(2);
    // As of a date before the later assessment, the earlier level is current.
    const before = await app.ok(
      `query($nip: String!) { employee(nip: $nip) { competencies(asOf: "2025-12-31") { level } } }`,
      { nip },
    );
    expect(before.employee.competencies[0].level).toBe(3);

    const trained = await app.ok(
      `mutation($nip: String!) { recordTraining(input: { nip: $nip, course: "PKP", completedOn: "2026-05-20" }) {
      trainingRecord { hours course { code } } employee { trainingHours(year: 2026) { hours met } } ${ERRORS} } }`,
      { nip },
    );
    expect(trained.recordTraining.trainingRecord).toEqual({ hours: 225, course: { code: 'PKP' } });
    expect(trained.recordTraining.employee.trainingHours).toEqual({ hours: 225, met: true });

    await app.ok(
      `mutation($nip: String!) { recordPerformance(input: { nip: $nip, year: 2025, rating: BAIK }) { ${ERRORS} } }`,
      { nip },
    );
    const rated = await app.ok(
      `mutation($nip: String!) { recordPerformance(input: { nip: $nip, year: 2024, rating: SANGAT_BAIK }) { employee { performance { year rating } } ${ERRORS} } }`,
      { nip },
    );
    expect(rated.recordPerformance.employee.performance).toEqual([
      { year: 2025, rating: 'BAIK' },
      { year: 2024, rating: 'SANGAT_BAIK' },
    ]);

    const promoted = await app.ok(
      `mutation($nip: String!) { updateEmployee(input: { nip: $nip, rank: "III/d", position: "ADM-016" }) { employee { rank { code } position { code } performance { year } name } ${ERRORS} } }`,
      { nip },
    );
    expect(promoted.updateEmployee.employee).toEqual({
      rank: { code: 'III/d' },
      position: { code: 'ADM-016' },
      performance: [{ year: 2025 }, { year: 2024 }],
      name: 'Budi Contoh',
    });
  });

  it('keep assessment history append-only: an identical repeat is a no-op, a different one is refused', async () => {
    const input = {
      nip,
      assessedOn: '2025-03-01',
      method: 'ASSESSMENT_CENTER',
      assessor: 'UPT',
      results: [
        { competency: 'M.02', level: 2 },
        { competency: 'M.01', level: 3 },
      ],
    };
    const query = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessment { assessedOn } ${ERRORS} } }`;
    const same = await app.ok(query, { input });
    expect(same.recordAssessment.userErrors).toEqual([]);
    const changed = await app.ok(query, {
      input: { ...input, results: [{ competency: 'M.01', level: 5 }] },
    });
    expect(changed.recordAssessment.userErrors[0]).toMatchObject({
      field: ['input', 'results'],
      code: 'APPEND_ONLY',
    });
    const history = await app.ok(
      `query($nip: String!) { employee(nip: $nip) { assessments { totalCount } } }`,
      { nip },
    );
    expect(history.employee.assessments.totalCount).toBe(2);
  });

  it.each([
    ['a malformed NIP', { nip: '198613262015051001' }, ['input', 'nip'], 'INVALID'],
    ['a sex digit other than 1 or 2', { nip: '198609262015053002' }, ['input', 'nip'], 'INVALID'],
    ['a duplicate NIP', { nip: '198609262015051001' }, ['input', 'nip'], 'TAKEN'],
    [
      'an unknown org unit',
      { nip: '199001012015051001', orgUnit: 'NOPE' },
      ['input', 'orgUnit'],
      'NOT_FOUND',
    ],
    ['an unknown rank', { nip: '199001012015051001', rank: 'III/x' }, ['input', 'rank'], 'INVALID'],
    [
      'a PPPK number on a PNS',
      { nip: '199001012015051001', pppkNumber: '123456789' },
      ['input', 'pppkNumber'],
      'INVALID',
    ],
  ])('refuse an employee with %s', async (_name, change, field, code) => {
    const input = {
      name: 'Uji',
      employmentType: 'PNS',
      education: 'S1',
      orgUnit: 'BKD-PROV',
      ...change,
    };
    const result = await app.ok(
      `mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { nip } ${ERRORS} } }`,
      { input },
    );
    expect(result.createEmployee.employee).toBeNull();
    expect(result.createEmployee.userErrors).toContainEqual(
      expect.objectContaining({ field, code }),
    );
    if (change.nip !== nip)
      expect((await app.ok(`{ employee(nip: "${change.nip}") { nip } }`)).employee).toBeNull();
  });

  it('record an assessment in one transaction of ten statements, reading it back only when asked', async () => {
    const query = (fields: string) =>
      `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { ${fields} } }`;
    const input = (day: string) => ({
      nip,
      assessedOn: day,
      method: 'INTERVIEW',
      results: [
        { competency: 'M.03', level: 3 },
        { competency: 'M.04', level: 4 },
      ],
    });
    // BEGIN, the timeouts, the locks, the timeouts back, the keys it names (one statement),
    // its ids, the existing assessment, the assessment, its results, the audit row, COMMIT.
    const bare = await app.gql(query(ERRORS), { input: input('2025-04-01') });
    expect(bare.data.recordAssessment.userErrors).toEqual([]);
    expect(bare.extensions?.sqlStatements).toBe(12);
    const full = await app.gql(query(`assessment { assessedOn } employee { nip } ${ERRORS}`), {
      input: input('2025-04-02'),
    });
    expect(full.data.recordAssessment).toMatchObject({
      assessment: { assessedOn: '2025-04-02' },
      employee: { nip },
    });
    expect(full.extensions?.sqlStatements).toBe(14);
  });

  it('refuse an assessment at level 6, of an unknown competency, or in the future', async () => {
    const query = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessment { id } ${ERRORS} } }`;
    const base = { nip, assessedOn: '2026-01-15', method: 'TEST' };
    const count = async () =>
      (
        await app.ok(
          `query($nip: String!) { employee(nip: $nip) { assessments { totalCount } } }`,
          { nip },
        )
      ).employee.assessments.totalCount as number;
    const before = await count();
    const six = await app.ok(query, {
      input: { ...base, results: [{ competency: 'M.01', level: 6 }] },
    });
    expect(six.recordAssessment.userErrors).toEqual([
      {
        field: ['input', 'results', '0', 'level'],
        code: 'OUT_OF_RANGE',
        message: 'results[0].level: must be from 1 to 5, got 6',
      },
    ]);
    const unknown = await app.ok(query, {
      input: { ...base, results: [{ competency: 'X.42', level: 2 }] },
    });
    expect(unknown.recordAssessment.userErrors[0]).toMatchObject({
      field: ['input', 'results', '0', 'competency'],
      code: 'NOT_FOUND',
    });
    const future = await app.ok(query, {
      input: { ...base, assessedOn: '2999-01-01', results: [{ competency: 'M.01', level: 2 }] },
    });
    expect(future.recordAssessment.userErrors[0]).toMatchObject({
      field: ['input', 'assessedOn'],
      code: 'OUT_OF_RANGE',
    });
    expect(await count()).toBe(before);
  });

  it('register a PPPK employee by PPPK number', async () => {
    const pppkNumber = '199201012023011042';
    const result = await app.ok(
      `mutation($n: String!) { createEmployee(input: { pppkNumber: $n, name: "Sari", employmentType: PPPK, pppkGrade: 9, education: "S1", orgUnit: "BKD-PROV", birthDate: "1992-01-01", appointedOn: "2023-01-01" }) {
      employee { nip pppkNumber pppkGrade birthDate appointedOn } ${ERRORS} } }`,
      { n: pppkNumber },
    );
    expect(result.createEmployee).toEqual({
      employee: {
        nip: null,
        pppkNumber,
        pppkGrade: 9,
        birthDate: '1992-01-01',
        appointedOn: '2023-01-01',
      },
      userErrors: [],
    });
    const found = await app.ok(
      `query($n: String!) { employeeByPppkNumber(pppkNumber: $n) { name } }`,
      { n: pppkNumber },
    );
    expect(found.employeeByPppkNumber.name).toBe('Sari');
  });
});

describe('the database guards the same rules', () => {
  it('rejects a level outside 1–5 and any edit of assessment history, even in raw SQL', async () => {
    const knex = app.orm.em.getKnex();
    await expect(
      knex.raw(
        `update position_requirement set level = 6 where id = (select min(id) from position_requirement)`,
      ),
    ).rejects.toThrow(/position_requirement_level_check/);
    await expect(
      knex.raw(
        `update assessment_result set level = 1 where id = (select min(id) from assessment_result)`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      knex.raw(`delete from assessment where id = (select min(id) from assessment)`),
    ).rejects.toThrow(/append-only/);
    await expect(
      knex.raw(
        `insert into course_prerequisite (course_id, prerequisite_id) select id, id from course limit 1`,
      ),
    ).rejects.toThrow(/course_prerequisite_not_self/);
  });
});

describe('text that hides what it says', () => {
  const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    (result.errors ?? []).map((e) => e.extensions?.code);

  it('refuses a bidirectional control in an org unit’s name, naming the field, and stores nothing', async () => {
    const code = unique('BIDI');
    const result = await app.gql(
      `mutation { createOrgUnit(input: { code: "${code}", agency: "PROV-MALUKU", name: "Bidang \\u202EUMUM" }) { ${ERRORS} } }`,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toBe(
      'Argument `input.name` contains the bidirectional control U+202E.',
    );
    expect(result.errors![0].extensions?.argument).toBe('input.name');
    expect(
      (await app.ok('query($code: String!) { orgUnit(code: $code) { code } }', { code })).orgUnit,
    ).toBeNull();
  });

  it('refuses a bidirectional control in a variable and in a code too', async () => {
    const code = unique('BIDI');
    const inName = await app.gql(
      `mutation($code: String!, $name: String!) { createOrgUnit(input: { code: $code, agency: "PROV-MALUKU", name: $name }) { ${ERRORS} } }`,
      { code, name: 'Bidang \u2066x' },
    );
    expect(codes(inName)).toEqual(['BAD_USER_INPUT']);
    expect(inName.errors![0].message).toBe(
      'Variable `$name` contains the bidirectional control U+2066.',
    );
    const inCode = await app.gql(
      `mutation { createOrgUnit(input: { code: "${code}\\u200F", agency: "PROV-MALUKU", name: "Bidang" }) { ${ERRORS} } }`,
    );
    expect(inCode.errors![0].message).toBe(
      'Argument `input.code` contains the bidirectional control U+200F.',
    );
    expect(
      (await app.ok('query($code: String!) { orgUnit(code: $code) { code } }', { code })).orgUnit,
    ).toBeNull();
  });

  it('refuses a lone surrogate sent as "\\ud800" in JSON, and stores nothing', async () => {
    const code = unique('SURR');
    const body = JSON.stringify({
      query: `mutation($code: String!, $title: String!) { createPosition(input: { code: $code, title: $title, category: PENGAWAS, orgUnit: "BKD-PROV" }) { ${ERRORS} } }`,
      variables: { code, title: 'Kepala Seksi ' },
    }).replace('Kepala Seksi ', 'Kepala Seksi \\ud800');
    expect(body).toContain('\\ud800');
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('ADMIN')}` },
      body,
    });
    const result = (await response.json()) as {
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toBe('Variable `$title` contains a lone surrogate U+D800.');
    expect(
      (await app.ok('query($code: String!) { position(code: $code) { code } }', { code })).position,
    ).toBeNull();
  });

  it('takes an emoji (a surrogate pair) as it is', async () => {
    const code = unique('EMOJI');
    const created = await app.ok(
      `mutation($code: String!, $name: String!) { createOrgUnit(input: { code: $code, agency: "PROV-MALUKU", name: $name }) { orgUnit { name } ${ERRORS} } }`,
      { code, name: 'Bidang \ud83d\ude00' },
    );
    expect(created.createOrgUnit).toEqual({
      orgUnit: { name: 'Bidang \ud83d\ude00' },
      userErrors: [],
    });
  });
});
