import { describe, expect, it } from 'vitest';
import {
  barringSentence,
  DISCIPLINE_KIND_LEVEL,
  DISCIPLINE_LEVELS,
  DisciplineKind,
  DisciplineLevel,
  disciplineOrdinal,
  isServing,
  sentenceBars,
  type DisciplineRule,
  type DisciplineSentence,
} from '../../src/domain/discipline';
import { readDisciplineRecord } from '../../src/domain/discipline.fields';
import { RecordReader } from '../../src/domain/record-reader';
import { dayNumber, isoOfDay } from '../../src/domain/days';
import { scoringPolicy } from '../../src/domain/fit.policy';
import { scoreFit, type CandidateSpec, type PositionSpec } from '../../src/domain/fit.scoring';
import { random } from '../../src/demo/demo.generate';
import type { DatasetIssue } from '../../src/domain/dataset.types';

const AS_OF = '2026-12-07';
const JPT: DisciplineRule = { level: DisciplineLevel.SEDANG, years: 5 };
const NONE: DisciplineRule = { level: null, years: 5 };
const plus = (iso: string, days: number) => isoOfDay(dayNumber(iso) + days);
const sentence = (
  level: DisciplineLevel,
  from: string,
  until: string | null,
): DisciplineSentence => ({ level, from, until });

describe('discipline levels', () => {
  it('are ordered light to heavy', () => {
    expect(DISCIPLINE_LEVELS.map(disciplineOrdinal)).toEqual([0, 1, 2]);
    expect(disciplineOrdinal(DisciplineLevel.BERAT)).toBeGreaterThan(
      disciplineOrdinal(DisciplineLevel.SEDANG),
    );
  });

  it('give every sentence of PP 94/2021 one level, three kinds each', () => {
    for (const level of DISCIPLINE_LEVELS) {
      const kinds = Object.values(DisciplineKind).filter((k) => DISCIPLINE_KIND_LEVEL[k] === level);
      expect(kinds).toHaveLength(3);
    }
  });
});

describe('a sentence being served', () => {
  it.each([
    ['the first day', '2026-12-07', '2027-06-06', true],
    ['the last day', '2026-06-08', '2026-12-07', true],
    ['the day after the last', '2026-06-07', '2026-12-06', false],
    ['the day before the first', '2026-12-08', '2027-06-07', false],
    ['a dismissal, from its first day on', '2020-01-01', null, true],
    ['a dismissal not yet in force', '2026-12-08', null, false],
  ])('on %s: %s', (_name, from, until, serving) => {
    expect(isServing(sentence(DisciplineLevel.SEDANG, from, until), AS_OF)).toBe(serving);
  });
});

describe('whether a sentence bars (window of five years, SEDANG or heavier)', () => {
  // The window of 2026-12-07 over five years opens on 2021-12-07, both ends counted.
  it.each([
    [
      'RINGAN served now (serving always bars)',
      DisciplineLevel.RINGAN,
      '2026-12-01',
      '2026-12-31',
      JPT,
      true,
    ],
    [
      'RINGAN served now, no level asked',
      DisciplineLevel.RINGAN,
      '2026-12-07',
      '2026-12-07',
      NONE,
      true,
    ],
    [
      'SEDANG that ended on the day the window opens',
      DisciplineLevel.SEDANG,
      '2021-01-01',
      '2021-12-07',
      JPT,
      true,
    ],
    [
      'SEDANG that ended the day before the window opens',
      DisciplineLevel.SEDANG,
      '2021-01-01',
      '2021-12-06',
      JPT,
      false,
    ],
    [
      'BERAT that ended three years ago',
      DisciplineLevel.BERAT,
      '2022-12-08',
      '2023-12-07',
      JPT,
      true,
    ],
    [
      'BERAT that ended three years ago, no level asked',
      DisciplineLevel.BERAT,
      '2022-12-08',
      '2023-12-07',
      NONE,
      false,
    ],
    [
      'RINGAN within the window, below the level',
      DisciplineLevel.RINGAN,
      '2025-01-01',
      '2025-01-01',
      JPT,
      false,
    ],
    [
      'SEDANG starting tomorrow (not yet in force)',
      DisciplineLevel.SEDANG,
      '2026-12-08',
      '2027-06-07',
      JPT,
      false,
    ],
    ['a dismissal (no end)', DisciplineLevel.BERAT, '2010-01-01', null, JPT, true],
    [
      'SEDANG ended yesterday, asking BERAT',
      DisciplineLevel.SEDANG,
      '2026-01-01',
      '2026-12-06',
      { level: DisciplineLevel.BERAT, years: 5 },
      false,
    ],
    [
      'BERAT ended a year and a day ago, asking BERAT over one year',
      DisciplineLevel.BERAT,
      '2024-01-01',
      '2025-12-06',
      { level: DisciplineLevel.BERAT, years: 1 },
      false,
    ],
    [
      'BERAT ended a year ago, asking BERAT over one year',
      DisciplineLevel.BERAT,
      '2024-01-01',
      '2025-12-07',
      { level: DisciplineLevel.BERAT, years: 1 },
      true,
    ],
  ] as const)('%s', (_name, level, from, until, rule, bars) => {
    expect(sentenceBars(sentence(level, from, until), rule, AS_OF)).toBe(bars);
  });

  it('opens the window of a 29 February on 28 February of a common year, and on 29 February of a leap one', () => {
    const bars = (until: string, years: number) =>
      sentenceBars(
        sentence(DisciplineLevel.SEDANG, '2020-01-01', until),
        { level: DisciplineLevel.SEDANG, years },
        '2028-02-29',
      );
    expect(bars('2027-02-28', 1)).toBe(true);
    expect(bars('2027-02-27', 1)).toBe(false);
    expect(bars('2024-02-29', 4)).toBe(true);
    expect(bars('2024-02-28', 4)).toBe(false);
  });

  it('bars more as the window widens and as the level asked falls (property)', () => {
    const rnd = random(94);
    for (let i = 0; i < 3000; i++) {
      const from = plus('2015-01-01', rnd.int(0, 5000));
      const until = rnd.chance(0.1) ? null : plus(from, rnd.int(0, 400));
      const level = rnd.pick(DISCIPLINE_LEVELS);
      const s = sentence(level, from, until);
      const asOf = plus('2016-01-01', rnd.int(0, 5000));
      const years = rnd.int(1, 9);
      for (const asked of DISCIPLINE_LEVELS) {
        const rule = { level: asked, years };
        if (sentenceBars(s, rule, asOf)) {
          expect(sentenceBars(s, { ...rule, years: years + 1 }, asOf)).toBe(true);
          const lighter = DISCIPLINE_LEVELS[Math.max(0, disciplineOrdinal(asked) - 1)];
          expect(sentenceBars(s, { level: lighter, years }, asOf)).toBe(true);
        }
        // Serving bars under every rule; a sentence not yet in force bars under none.
        if (isServing(s, asOf)) expect(sentenceBars(s, rule, asOf)).toBe(true);
        if (from > asOf) expect(sentenceBars(s, rule, asOf)).toBe(false);
      }
      // With no level asked, serving is the whole rule.
      expect(sentenceBars(s, { level: null, years }, asOf)).toBe(isServing(s, asOf));
    }
  });

  it('agrees with a day-by-day reading of "in force on some day of the window" (property)', () => {
    const rnd = random(21);
    for (let i = 0; i < 500; i++) {
      const from = plus('2020-01-01', rnd.int(0, 2500));
      const until = rnd.chance(0.1) ? null : plus(from, rnd.int(0, 300));
      const s = sentence(rnd.pick(DISCIPLINE_LEVELS), from, until);
      const asOf = plus('2021-01-01', rnd.int(0, 2500));
      const rule = { level: DisciplineLevel.SEDANG, years: rnd.int(1, 3) };
      let inForce = false;
      const opens = dayNumber(
        `${Number(asOf.slice(0, 4)) - rule.years}${asOf.slice(4)}`.replace('-02-29', '-02-28'),
      );
      for (let day = opens; day <= dayNumber(asOf) && !inForce; day++)
        inForce = isServing(s, isoOfDay(day));
      const heavyEnough = disciplineOrdinal(s.level) >= disciplineOrdinal(rule.level);
      expect(sentenceBars(s, rule, asOf)).toBe(isServing(s, asOf) || (heavyEnough && inForce));
    }
  });
});

describe('the sentence named as the reason', () => {
  it('is the one being served, else the heaviest, else the latest ending', () => {
    const served = sentence(DisciplineLevel.RINGAN, '2026-12-01', '2026-12-31');
    const heavy = sentence(DisciplineLevel.BERAT, '2022-01-01', '2022-12-31');
    const moderate = sentence(DisciplineLevel.SEDANG, '2024-01-01', '2024-12-31');
    const later = sentence(DisciplineLevel.SEDANG, '2025-01-01', '2025-06-30');
    expect(barringSentence([heavy, served, moderate], JPT, AS_OF)).toBe(served);
    expect(barringSentence([moderate, heavy], JPT, AS_OF)).toBe(heavy);
    expect(barringSentence([moderate, later], JPT, AS_OF)).toBe(later);
    expect(barringSentence([], JPT, AS_OF)).toBeNull();
    expect(barringSentence([heavy, moderate], NONE, AS_OF)).toBeNull();
  });
});

describe('DISCIPLINE in a fit', () => {
  const policy = scoringPolicy(AS_OF);
  const position = (overrides: Partial<PositionSpec> = {}): PositionSpec => ({
    id: 1,
    requirements: [{ competencyId: 1, level: 3, weight: 1, critical: false }],
    minRank: null,
    minEducation: null,
    requiredCourses: [],
    minYearsOfService: null,
    minPerformance: null,
    performanceYears: 2,
    retirementAge: 60,
    ...overrides,
  });
  const candidate = (discipline: DisciplineSentence[]): CandidateSpec => ({
    id: 7,
    employmentType: 'PNS',
    rank: { code: 'IV/a', ordinal: 13 },
    pppkGrade: null,
    education: { code: 'S2', ordinal: 8 },
    birthDate: null,
    appointedOn: '2000-01-01',
    levels: new Map([[1, { level: 4, assessedOn: '2026-01-01' }]]),
    completedCourseIds: new Set(),
    performance: [],
    discipline,
  });
  const codes = (p: PositionSpec, c: CandidateSpec) =>
    scoreFit(p, c, policy).unmetConditions.map((u) => u.code);

  it('bars someone serving a sentence for a position without the condition', () => {
    const serving = [sentence(DisciplineLevel.RINGAN, '2026-12-01', '2026-12-31')];
    const fit = scoreFit(position(), candidate(serving), policy);
    expect(fit.unmetConditions).toEqual([
      {
        code: 'DISCIPLINE',
        message:
          'Is serving a disciplinary sentence (RINGAN, 2026-12-01 – 2026-12-31) on 2026-12-07.',
        required: 'not serving a disciplinary sentence',
        actual: 'RINGAN 2026-12-01 – 2026-12-31',
      },
    ]);
    expect(fit.qualified).toBe(false);
  });

  it('bars a past SEDANG sentence only where the position asks for it', () => {
    const past = [sentence(DisciplineLevel.SEDANG, '2023-01-01', '2023-06-30')];
    expect(codes(position(), candidate(past))).toEqual([]);
    const fit = scoreFit(
      position({ disciplineLevel: DisciplineLevel.SEDANG, disciplineYears: 5 }),
      candidate(past),
      policy,
    );
    expect(fit.unmetConditions.map((u) => u.code)).toEqual(['DISCIPLINE']);
    expect(fit.unmetConditions[0].required).toBe(
      'not serving a sentence, none SEDANG or heavier since 2021-12-07',
    );
    // The reason names the level and the period, never the decision.
    expect(fit.unmetConditions[0].message).not.toMatch(/decision|TUKIN|SK/);
    expect(fit.qualified).toBe(false);
  });

  it('counts once however many sentences bar, and not at all without sentences', () => {
    const many = [
      sentence(DisciplineLevel.SEDANG, '2023-01-01', '2023-06-30'),
      sentence(DisciplineLevel.BERAT, '2024-01-01', '2024-12-31'),
      sentence(DisciplineLevel.RINGAN, '2026-12-07', '2026-12-07'),
    ];
    const jpt = position({ disciplineLevel: DisciplineLevel.SEDANG });
    expect(codes(jpt, candidate(many))).toEqual(['DISCIPLINE']);
    expect(codes(jpt, candidate([]))).toEqual([]);
    expect(codes(jpt, { ...candidate([]), discipline: undefined })).toEqual([]);
  });
});

describe('a discipline record’s fields', () => {
  const read = (raw: Record<string, unknown>) => {
    const issues: DatasetIssue[] = [];
    const record = readDisciplineRecord(new RecordReader(issues, 'discipline', 0, raw));
    return { record, issues: issues.map((i) => `${i.field} ${i.code}: ${i.message}`) };
  };
  const good = {
    nip: '198609262015051001',
    level: 'SEDANG',
    kind: 'POTONGAN_TUKIN_6_BULAN',
    decisionNumber: '800/12/BKD/2025',
    from: '2025-01-01',
    until: '2025-06-30',
  };

  it('takes a whole record as it is', () => {
    expect(read(good)).toEqual({ record: good, issues: [] });
    const dismissal = { ...good, level: 'BERAT', kind: 'PEMBERHENTIAN', until: null };
    expect(read(dismissal)).toEqual({ record: dismissal, issues: [] });
    expect(read({ ...good, until: '2025-01-01', from: '2025-01-01' }).issues).toEqual([]);
  });

  it.each([
    [
      'an unknown level',
      { level: 'SANGAT_BERAT' },
      'level INVALID: "SANGAT_BERAT" is not one of RINGAN, SEDANG, BERAT',
    ],
    [
      'a kind of another level',
      { kind: 'TEGURAN_LISAN' },
      'kind INVALID: NIP 198609262015051001, decision 800/12/BKD/2025: TEGURAN_LISAN is a RINGAN sentence, not SEDANG',
    ],
    [
      'until before from',
      { until: '2024-12-31' },
      'until OUT_OF_RANGE: NIP 198609262015051001, decision 800/12/BKD/2025: ends on 2024-12-31, before it starts (2025-01-01)',
    ],
    [
      'no last day',
      { until: null },
      'until REQUIRED: NIP 198609262015051001, decision 800/12/BKD/2025: a POTONGAN_TUKIN_6_BULAN sentence has a last day (until)',
    ],
    [
      'a dismissal with an end',
      { level: 'BERAT', kind: 'PEMBERHENTIAN' },
      'until INVALID: NIP 198609262015051001, decision 800/12/BKD/2025: dismissal (PEMBERHENTIAN) has no end; leave until empty',
    ],
    [
      'a date that is no date',
      { from: '2025-02-30' },
      'from INVALID: "2025-02-30" is not a date (YYYY-MM-DD)',
    ],
    ['no decision number', { decisionNumber: '' }, 'decisionNumber REQUIRED: is required'],
  ])('refuses %s, naming the record and the field', (_name, change, issue) => {
    const { record, issues } = read({ ...good, ...change });
    expect(record).toBeNull();
    expect(issues).toEqual([issue]);
  });
});
