import { describe, expect, it } from 'vitest';
import { EMPTY_KNOWN, type KnownKeys } from '../../src/records/known-keys';
import { validateDataset } from '../../src/records/validate-dataset';
import { generateDemoDataset } from '../../src/demo/demo.generate';
import { isIsoDate } from '../../src/domain/record-reader';

const TODAY = '2026-11-01';

/** A small valid document; each case below breaks one thing in a copy of it. */
function baseDocument(): any {
  return {
    agencies: [{ code: 'PROV-X', name: 'Pemerintah Provinsi X', kind: 'PROVINCE' }],
    orgUnits: [
      { code: 'BKD-X', agency: 'PROV-X', name: 'BKD', parent: null },
      { code: 'BKD-X-1', agency: 'PROV-X', name: 'Bidang 1', parent: 'BKD-X' },
    ],
    competencies: [
      {
        code: 'M.01',
        name: 'Integritas',
        type: 'MANAGERIAL',
        description: '',
        levels: [{ level: 1, description: 'satu', indicators: ['a'] }],
      },
      { code: 'M.02', name: 'Kerja Sama', type: 'MANAGERIAL' },
    ],
    courses: [
      {
        code: 'PKP',
        title: 'PKP',
        type: 'LEADERSHIP',
        modality: 'CLASSICAL',
        hours: 225,
        cost: 1,
        provider: 'BPSDM',
        outcomes: [{ competency: 'M.01', toLevel: 2 }],
      },
      {
        code: 'PKA',
        title: 'PKA',
        type: 'LEADERSHIP',
        modality: 'CLASSICAL',
        hours: 271,
        provider: 'BPSDM',
        outcomes: [{ competency: 'M.01', minLevel: 2, toLevel: 3 }],
        prerequisites: ['PKP'],
      },
    ],
    positions: [
      {
        code: 'ADM-1',
        title: 'Kepala Bidang',
        category: 'ADMINISTRATOR',
        orgUnit: 'BKD-X',
        requirements: [
          { competency: 'M.01', level: 3 },
          { competency: 'M.02', level: 3, weight: 2, critical: true },
        ],
        conditions: {
          minRank: 'III/d',
          minEducation: 'D4',
          requiredCourses: ['PKA'],
          minYearsOfService: 4,
          minPerformance: 'BAIK',
        },
      },
    ],
    employees: [
      {
        nip: '198609262015051001',
        name: 'Budi',
        employmentType: 'PNS',
        rank: 'III/c',
        education: 'S1',
        orgUnit: 'BKD-X-1',
        position: 'ADM-1',
        performance: [{ year: 2025, rating: 'BAIK' }],
        potential: 72,
      },
      {
        pppkNumber: '199001012022011001',
        name: 'Sari',
        employmentType: 'PPPK',
        pppkGrade: 9,
        education: 'S1',
        orgUnit: 'BKD-X',
      },
    ],
    assessments: [
      {
        nip: '198609262015051001',
        assessedOn: '2025-03-01',
        method: 'ASSESSMENT_CENTER',
        results: [{ competency: 'M.01', level: 3 }],
      },
    ],
    trainings: [{ nip: '198609262015051001', course: 'PKP', completedOn: '2024-05-20', hours: 40 }],
  };
}

function issuesOf(change: (doc: any) => void, known: KnownKeys = EMPTY_KNOWN) {
  const doc = baseDocument();
  change(doc);
  return validateDataset(doc, known, TODAY).issues.map(({ section, index, field, code }) => ({
    section,
    index,
    field,
    code,
  }));
}

describe('validateDataset', () => {
  it('accepts the base document and fills the defaults', () => {
    const { dataset, issues } = validateDataset(baseDocument(), EMPTY_KNOWN, TODAY);
    expect(issues).toEqual([]);
    expect(dataset.positions[0].conditions).toMatchObject({
      minEducation: 'S1',
      performanceYears: 2,
      retirementAge: 58,
    });
    expect(dataset.positions[0].requirements[0]).toEqual({
      competency: 'M.01',
      level: 3,
      weight: 1,
      critical: false,
    });
    expect(dataset.competencies[1].levels).toEqual([]);
    expect(dataset.courses[0].prerequisites).toEqual([]);
  });

  it.each<
    [
      string,
      (doc: any) => void,
      { section: string; index: number | null; field: string | null; code: string },
    ]
  >([
    [
      'a malformed NIP',
      (d) => (d.employees[0].nip = '198613262015051001'),
      { section: 'employees', index: 0, field: 'nip', code: 'INVALID' },
    ],
    [
      'a NIP with sex digit 3',
      (d) => (d.employees[0].nip = '198609262015053001'),
      { section: 'employees', index: 0, field: 'nip', code: 'INVALID' },
    ],
    [
      'a PNS without NIP',
      (d) => delete d.employees[0].nip,
      { section: 'employees', index: 0, field: 'nip', code: 'REQUIRED' },
    ],
    [
      'a PPPK with a NIP',
      (d) => (d.employees[1].nip = '198609262015051002'),
      { section: 'employees', index: 1, field: 'nip', code: 'INVALID' },
    ],
    [
      'an unknown rank',
      (d) => (d.employees[0].rank = 'V/a'),
      { section: 'employees', index: 0, field: 'rank', code: 'INVALID' },
    ],
    [
      'an unknown education',
      (d) => (d.employees[0].education = 'S4'),
      { section: 'employees', index: 0, field: 'education', code: 'INVALID' },
    ],
    [
      'an unknown org unit',
      (d) => (d.employees[0].orgUnit = 'NOPE'),
      { section: 'employees', index: 0, field: 'orgUnit', code: 'NOT_FOUND' },
    ],
    [
      'a potential over 100',
      (d) => (d.employees[0].potential = 101),
      { section: 'employees', index: 0, field: 'potential', code: 'OUT_OF_RANGE' },
    ],
    [
      'a year rated twice',
      (d) => d.employees[0].performance.push({ year: 2025, rating: 'KURANG' }),
      { section: 'employees', index: 0, field: 'performance[1].year', code: 'DUPLICATE' },
    ],
    [
      'a year rated twice, the second one unusual',
      (d) => d.employees[0].performance.push({ year: 2025, rating: 'KURANG', note: 'x' }),
      { section: 'employees', index: 0, field: 'performance[1].note', code: 'INVALID' },
    ],
    [
      'a rating that is not one',
      (d) => (d.employees[0].performance[0].rating = 'LUAR_BIASA'),
      { section: 'employees', index: 0, field: 'performance[0].rating', code: 'INVALID' },
    ],
    [
      'a rated year before 1950',
      (d) => (d.employees[0].performance[0].year = 1949),
      { section: 'employees', index: 0, field: 'performance[0].year', code: 'OUT_OF_RANGE' },
    ],
    [
      'a rated year as text',
      (d) => (d.employees[0].performance[0].year = '2025'),
      { section: 'employees', index: 0, field: 'performance[0].year', code: 'INVALID' },
    ],
    [
      'a rating that is not an object',
      (d) => (d.employees[0].performance[0] = 'BAIK'),
      { section: 'employees', index: 0, field: 'performance[0]', code: 'INVALID' },
    ],
    [
      'a duplicate NIP',
      (d) => d.employees.push({ ...d.employees[0] }),
      { section: 'employees', index: 2, field: 'nip', code: 'DUPLICATE' },
    ],
    [
      'a level 6 requirement',
      (d) => (d.positions[0].requirements[0].level = 6),
      { section: 'positions', index: 0, field: 'requirements[0].level', code: 'OUT_OF_RANGE' },
    ],
    [
      'a level 0 assessment',
      (d) => (d.assessments[0].results[0].level = 0),
      { section: 'assessments', index: 0, field: 'results[0].level', code: 'OUT_OF_RANGE' },
    ],
    [
      'a level 6 assessment',
      (d) => (d.assessments[0].results[0].level = 6),
      { section: 'assessments', index: 0, field: 'results[0].level', code: 'OUT_OF_RANGE' },
    ],
    [
      'a fractional assessed level',
      (d) => (d.assessments[0].results[0].level = 2.5),
      { section: 'assessments', index: 0, field: 'results[0].level', code: 'INVALID' },
    ],
    [
      'an assessed level as text',
      (d) => (d.assessments[0].results[0].level = '3'),
      { section: 'assessments', index: 0, field: 'results[0].level', code: 'INVALID' },
    ],
    [
      'an assessed competency that does not exist',
      (d) => (d.assessments[0].results[0].competency = 'M.99'),
      { section: 'assessments', index: 0, field: 'results[0].competency', code: 'NOT_FOUND' },
    ],
    [
      'an assessed competency that is not a code',
      (d) => (d.assessments[0].results[0].competency = 'M 01'),
      { section: 'assessments', index: 0, field: 'results[0].competency', code: 'INVALID' },
    ],
    [
      'a competency assessed twice in one assessment',
      (d) => d.assessments[0].results.push({ competency: 'M.01', level: 4 }),
      { section: 'assessments', index: 0, field: 'results[1].competency', code: 'DUPLICATE' },
    ],
    [
      'a result with a field the format does not know',
      (d) => (d.assessments[0].results[0].note = 'baik'),
      { section: 'assessments', index: 0, field: 'results[0].note', code: 'INVALID' },
    ],
    [
      'a result that is not an object',
      (d) => (d.assessments[0].results[0] = 'M.01=3'),
      { section: 'assessments', index: 0, field: 'results[0]', code: 'INVALID' },
    ],
    [
      'a level 6 in the dictionary',
      (d) => (d.competencies[0].levels[0].level = 6),
      { section: 'competencies', index: 0, field: 'levels[0].level', code: 'OUT_OF_RANGE' },
    ],
    [
      'a fractional level',
      (d) => (d.positions[0].requirements[0].level = 2.5),
      { section: 'positions', index: 0, field: 'requirements[0].level', code: 'INVALID' },
    ],
    [
      'an unknown competency code',
      (d) => (d.positions[0].requirements[1].competency = 'M.99'),
      { section: 'positions', index: 0, field: 'requirements[1].competency', code: 'NOT_FOUND' },
    ],
    [
      'a competency required twice',
      (d) => (d.positions[0].requirements[1].competency = 'M.01'),
      { section: 'positions', index: 0, field: 'requirements[1].competency', code: 'DUPLICATE' },
    ],
    [
      'a zero weight',
      (d) => (d.positions[0].requirements[0].weight = 0),
      { section: 'positions', index: 0, field: 'requirements[0].weight', code: 'OUT_OF_RANGE' },
    ],
    [
      'an unknown required course',
      (d) => (d.positions[0].conditions.requiredCourses = ['PKN-IX']),
      { section: 'positions', index: 0, field: 'conditions.requiredCourses[0]', code: 'NOT_FOUND' },
    ],
    [
      'a duplicate code',
      (d) => d.competencies.push({ ...d.competencies[0] }),
      { section: 'competencies', index: 2, field: 'code', code: 'DUPLICATE' },
    ],
    [
      'a course that is its own prerequisite',
      (d) => (d.courses[0].prerequisites = ['PKP']),
      { section: 'courses', index: 0, field: 'prerequisites[0]', code: 'CYCLE' },
    ],
    [
      'an unknown prerequisite',
      (d) => (d.courses[1].prerequisites = ['NOPE']),
      { section: 'courses', index: 1, field: 'prerequisites[0]', code: 'NOT_FOUND' },
    ],
    [
      'an entry level at the level reached',
      (d) => (d.courses[1].outcomes[0].minLevel = 3),
      { section: 'courses', index: 1, field: 'outcomes[0].minLevel', code: 'OUT_OF_RANGE' },
    ],
    [
      'zero hours',
      (d) => (d.courses[0].hours = 0),
      { section: 'courses', index: 0, field: 'hours', code: 'OUT_OF_RANGE' },
    ],
    [
      'a negative cost',
      (d) => (d.courses[0].cost = -5),
      { section: 'courses', index: 0, field: 'cost', code: 'OUT_OF_RANGE' },
    ],
    [
      'an unknown course type',
      (d) => (d.courses[0].type = 'PARTY'),
      { section: 'courses', index: 0, field: 'type', code: 'INVALID' },
    ],
    [
      'an org unit parent in another agency',
      (d) => {
        d.agencies.push({ code: 'KAB-Y', name: 'Y', kind: 'REGENCY' });
        d.orgUnits[1].agency = 'KAB-Y';
      },
      { section: 'orgUnits', index: 1, field: 'parent', code: 'INVALID' },
    ],
    [
      'an org unit that is its own parent',
      (d) => (d.orgUnits[0].parent = 'BKD-X'),
      { section: 'orgUnits', index: 0, field: 'parent', code: 'CYCLE' },
    ],
    [
      'an unknown agency',
      (d) => (d.orgUnits[0].agency = 'NOPE'),
      { section: 'orgUnits', index: 0, field: 'agency', code: 'NOT_FOUND' },
    ],
    [
      'an assessment of an unknown NIP',
      (d) => (d.assessments[0].nip = '199001012020011001'),
      { section: 'assessments', index: 0, field: 'nip', code: 'NOT_FOUND' },
    ],
    [
      'an assessment in the future',
      (d) => (d.assessments[0].assessedOn = '2027-01-01'),
      { section: 'assessments', index: 0, field: 'assessedOn', code: 'OUT_OF_RANGE' },
    ],
    [
      'an impossible date',
      (d) => (d.assessments[0].assessedOn = '2025-02-30'),
      { section: 'assessments', index: 0, field: 'assessedOn', code: 'INVALID' },
    ],
    [
      'an assessment without results',
      (d) => (d.assessments[0].results = []),
      { section: 'assessments', index: 0, field: 'results', code: 'REQUIRED' },
    ],
    [
      'a training of an unknown course',
      (d) => (d.trainings[0].course = 'NOPE'),
      { section: 'trainings', index: 0, field: 'course', code: 'NOT_FOUND' },
    ],
    [
      'a misspelt field',
      (d) => (d.employees[0].nipp = '1'),
      { section: 'employees', index: 0, field: 'nipp', code: 'INVALID' },
    ],
    [
      'a record that is not an object',
      (d) => (d.agencies[0] = 'PROV-X'),
      { section: 'agencies', index: 0, field: null, code: 'INVALID' },
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(issuesOf(change)).toContainEqual(expected);
  });

  it('reports an unknown section and a section that is not a list', () => {
    expect(issuesOf((d) => (d.people = []))).toContainEqual({
      section: 'document',
      index: null,
      field: 'people',
      code: 'INVALID',
    });
    expect(issuesOf((d) => (d.courses = {}))).toContainEqual({
      section: 'courses',
      index: null,
      field: null,
      code: 'INVALID',
    });
  });

  it('names each bad record by its own key, printable, beside its index', () => {
    const doc = baseDocument();
    doc.agencies.push({ code: 'X\u001b[31mRED\u202E', name: 'x', kind: 'PLANET' });
    const issues = validateDataset(doc, EMPTY_KNOWN, TODAY).issues.filter(
      (i) => i.section === 'agencies',
    );
    expect(issues.map((i) => [i.index, i.key, i.field])).toContainEqual([
      doc.agencies.length - 1,
      'X?[31mRED?',
      'kind',
    ]);
  });

  it('finds a prerequisite cycle through several courses', () => {
    const issues = issuesOf((d) => {
      d.courses.push({
        code: 'PKN-II',
        title: 'PKN II',
        type: 'LEADERSHIP',
        modality: 'CLASSICAL',
        hours: 390,
        provider: 'LAN',
        prerequisites: ['PKA'],
      });
      d.courses[0].prerequisites = ['PKN-II'];
    });
    expect(issues.filter((i) => i.code === 'CYCLE').length).toBeGreaterThan(0);
  });

  it('finds a cycle that a document closes with prerequisites already stored', () => {
    const known: KnownKeys = {
      ...EMPTY_KNOWN,
      courses: new Map([['OLD-2', { hours: 10, prerequisites: ['PKP'] }]]),
    };
    const issues = issuesOf((d) => (d.courses[0].prerequisites = ['OLD-2']), known);
    expect(issues).toContainEqual({
      section: 'courses',
      index: 0,
      field: 'prerequisites[0]',
      code: 'CYCLE',
    });
  });

  it('finds a cycle that a document closes in the stored org-unit tree', () => {
    const known: KnownKeys = {
      ...EMPTY_KNOWN,
      agencies: new Set(['PROV-X']),
      orgUnits: new Map([['OLD', { agency: 'PROV-X', parent: 'BKD-X-1' }]]),
    };
    const issues = issuesOf((d) => (d.orgUnits[0].parent = 'OLD'), known);
    expect(issues).toContainEqual({
      section: 'orgUnits',
      index: 0,
      field: 'parent',
      code: 'CYCLE',
    });
  });

  it('resolves references to records the database already holds', () => {
    const known: KnownKeys = {
      ...EMPTY_KNOWN,
      agencies: new Set(['PROV-X']),
      competencies: new Set(['M.01']),
      nips: new Set(['198609262015051001']),
      courses: new Map([['PKP', { hours: 225, prerequisites: [] }]]),
    };
    const doc = {
      trainings: [{ nip: '198609262015051001', course: 'PKP', completedOn: '2024-05-20' }],
    };
    const { dataset, issues } = validateDataset(doc, known, TODAY);
    expect(issues).toEqual([]);
    expect(dataset.trainings[0].hours).toBe(225);
  });

  it('lists every bad record, not only the first', () => {
    const issues = issuesOf((d) => {
      d.employees[0].nip = 'x';
      d.employees[1].education = 'S9';
      d.positions[0].requirements[0].level = 9;
    });
    expect(issues.map((i) => `${i.section}[${i.index}]`)).toEqual(
      expect.arrayContaining(['employees[0]', 'employees[1]', 'positions[0]']),
    );
  });
});

describe('the demo province', () => {
  const demo = generateDemoDataset({ today: TODAY });

  it('is valid against every rule of the format', () => {
    expect(validateDataset(demo, EMPTY_KNOWN, TODAY).issues).toEqual([]);
  });

  it('is the same for the same seed and date', () => {
    expect(generateDemoDataset({ today: TODAY })).toEqual(demo);
  });

  it('has the size and spread the demo promises', () => {
    expect(demo.agencies.map((a) => a.kind)).toEqual(['PROVINCE', 'REGENCY', 'REGENCY']);
    expect(demo.competencies.filter((c) => c.type !== 'TECHNICAL')).toHaveLength(9);
    expect(demo.competencies.every((c) => c.levels.length === 5)).toBe(true);
    expect(demo.competencies.filter((c) => c.type === 'TECHNICAL').length).toBeGreaterThanOrEqual(
      30,
    );
    expect(demo.positions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(demo.positions.map((p) => p.category)).size).toBe(13);
    expect(demo.courses.length).toBeGreaterThanOrEqual(60);
    expect(demo.courses.some((c) => c.prerequisites.length > 0)).toBe(true);
    expect(demo.employees).toHaveLength(500);
    const stale = demo.assessments.filter((a) => a.assessedOn < '2023-11-01');
    expect(stale.length).toBeGreaterThan(20);
    expect(demo.employees.some((e) => e.employmentType === 'PPPK')).toBe(true);
  });
});

describe('normalisation of a document', () => {
  it('reads keys with surrounding spaces and other Unicode forms as the same key', () => {
    const document = baseDocument();
    document.orgUnits[1].parent = ' BKD-X\t';
    document.competencies[1].name = 'Kerja Sama'.normalize('NFD');
    const { dataset, issues } = validateDataset(document, EMPTY_KNOWN, TODAY);
    expect(issues).toEqual([]);
    expect(dataset.orgUnits[1].parent).toBe('BKD-X');
  });

  it('reports every control character with its section, record and field, list items included', () => {
    const document = baseDocument();
    document.agencies[0].name = 'Pemerintah\u0000';
    document.courses[0].outcomes[0].competency = 'M.01\u001b';
    document.competencies[0].levels[0].indicators = ['a\u0007'];
    const { issues } = validateDataset(document, EMPTY_KNOWN, TODAY);
    const control = issues.filter((i) => i.message.startsWith('contains the control character'));
    expect(control.map((i) => [i.section, i.index, i.field, i.message])).toEqual([
      ['agencies', 0, 'name', 'contains the control character U+0000'],
      ['competencies', 0, 'levels[0].indicators[0]', 'contains the control character U+0007'],
      ['courses', 0, 'outcomes[0].competency', 'contains the control character U+001B'],
    ]);
  });
});

describe('the documented format', () => {
  it('accepts the example of docs/dataset.md as it stands', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('docs/dataset.md', 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(example).toBeDefined();
    const { dataset, issues } = validateDataset(JSON.parse(example!), EMPTY_KNOWN, TODAY);
    expect(issues).toEqual([]);
    expect(dataset.employees).toHaveLength(1);
    expect(dataset.trainings[0].hours).toBe(271);
  });
});

describe('isIsoDate', () => {
  it('agrees with the calendar of JavaScript dates on every day of many years (property)', () => {
    const byDate = (value: string) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (const year of [0, 4, 100, 1600, 1899, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isIsoDate(value), value).toBe(byDate(value));
        }
      }
    }
  });

  it.each([
    '2024-2-01',
    '2024-02-1',
    '20240201',
    '2024-02-01T00:00',
    ' 2024-02-01',
    '२०२४-०२-०१',
    '',
  ])('refuses %j', (value) => expect(isIsoDate(value)).toBe(false));
});
