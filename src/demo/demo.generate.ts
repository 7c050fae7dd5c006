import type {
  AssessmentRecord,
  CourseRecord,
  DatasetDocument,
  EmployeeRecord,
  OrgUnitRecord,
  PositionRecord,
  TrainingRecordInput,
} from '../domain/dataset.types';
import { addYears } from '../domain/employee.dates';
import type { PositionCategory } from '../domain/position.enums';
import { RANKS } from '../domain/reference.data';
import {
  AGENCIES,
  CORE_COURSES,
  FIRST_NAMES,
  LAST_NAMES,
  MANAGERIAL_COURSES,
  OTHER_COURSES,
  TIER_LEVEL,
  UNIT_TEMPLATES,
} from './demo.data';
import { demoCompetencies, NATIONAL_COMPETENCIES, TECHNICAL_COMPETENCIES } from './demo.dictionary';
import { demoPositions } from './demo.positions';
import { demoDiscipline } from './demo.discipline';

/** A small deterministic PRNG (mulberry32), so a seed always gives the same province. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof random>;

interface DemoOptions {
  seed?: number;
  /** The date the data is generated as of: no assessment or training after it. */
  today: string;
  employees?: number;
}

/**
 * A realistic province with two regencies: the national competencies with all five levels, ~30
 * technical ones, ~60 courses, ~40 positions across every tier and ~500 employees with valid
 * NIPs, assessments (some stale), trainings and performance. Deterministic for a seed and date.
 */
export function generateDemoDataset(options: DemoOptions): Required<DatasetDocument> {
  const rnd = random(options.seed ?? 2026);
  const today = options.today;
  const year = Number(today.slice(0, 4));
  const orgUnits = demoOrgUnits();
  const competencies = demoCompetencies();
  const courses = demoCourses(rnd);
  const positions = demoPositions(orgUnits);
  const { employees, assessments, trainings } = demoPeople(
    rnd,
    options.employees ?? 500,
    positions,
    orgUnits,
    courses,
    today,
    year,
  );
  return {
    agencies: AGENCIES.map(({ code, name, kind, province }) => ({ code, name, kind, province })),
    orgUnits,
    competencies,
    courses,
    positions,
    employees,
    assessments,
    trainings,
    discipline: demoDiscipline(employees, today),
  };
}

function demoOrgUnits(): OrgUnitRecord[] {
  const units: OrgUnitRecord[] = [];
  for (const agency of AGENCIES) {
    const templates = agency.kind === 'PROVINCE' ? UNIT_TEMPLATES : UNIT_TEMPLATES.slice(0, 7);
    for (const t of templates) {
      const code = `${t.key}-${agency.short}`;
      units.push({
        code,
        agency: agency.code,
        name: `${t.name} ${agency.name.replace('Pemerintah ', '')}`,
        parent: null,
      });
      t.children.forEach((child, i) => {
        units.push({ code: `${code}-${i + 1}`, agency: agency.code, name: child, parent: code });
      });
    }
    if (agency.kind === 'PROVINCE') {
      units.push({
        code: 'BPSDM-MALUKU',
        agency: agency.code,
        name: 'BPSDM Provinsi Maluku',
        parent: null,
      });
    }
  }
  return units;
}

/**
 * The demo course catalogue: the basic and leadership courses, a basic and an advanced course
 * per managerial competency, a technical course per technical competency (often an advanced
 * one after it), and the other kinds of development; hours, costs, modalities and providers
 * drawn from `rnd` where the tables leave them open.
 */
export function demoCourses(rnd: Random): CourseRecord[] {
  const managerial = NATIONAL_COMPETENCIES.filter((c) => c.type === 'MANAGERIAL').map(
    (c) => c.code,
  );
  const all = [...managerial, 'SK.01'];
  const courses: CourseRecord[] = CORE_COURSES.map(({ toLevel, prerequisites, ...course }) => ({
    ...course,
    outcomes: all.map((competency) => ({
      competency,
      minLevel: toLevel > 2 ? toLevel - 1 : null,
      toLevel,
    })),
    prerequisites: [...prerequisites],
  }));
  for (const [competency, key, title] of MANAGERIAL_COURSES) {
    courses.push({
      code: `MNJ-${key}-1`,
      title: `${title} Dasar`,
      type: competency === 'SK.01' ? 'SOCIOCULTURAL' : 'MANAGERIAL',
      modality: 'CLASSICAL',
      hours: rnd.pick([16, 24, 32]),
      cost: rnd.pick([2_500_000, 3_000_000, 3_500_000]),
      provider: 'BPSDM Provinsi Maluku',
      outcomes: [{ competency, minLevel: null, toLevel: 2 }],
      prerequisites: [],
    });
    courses.push({
      code: `MNJ-${key}-2`,
      title: `${title} Lanjutan`,
      type: competency === 'SK.01' ? 'SOCIOCULTURAL' : 'MANAGERIAL',
      modality: rnd.pick(['CLASSICAL', 'BLENDED']),
      hours: rnd.pick([32, 40, 48]),
      cost: rnd.pick([4_500_000, 5_500_000, 6_000_000]),
      provider: rnd.pick(['BPSDM Provinsi Maluku', 'Lembaga Administrasi Negara']),
      outcomes: [{ competency, minLevel: 2, toLevel: 4 }],
      prerequisites: [],
    });
  }
  for (const c of TECHNICAL_COMPETENCIES) {
    const key = c.code.replace('T.', '').replace('.', '');
    courses.push({
      code: `TEK-${key}-1`,
      title: `Pelatihan Teknis ${c.name}`,
      type: 'TECHNICAL',
      modality: rnd.pick(['CLASSICAL', 'BLENDED', 'NON_CLASSICAL']),
      hours: rnd.pick([24, 30, 40]),
      cost: rnd.pick([3_000_000, 4_000_000, 5_000_000]),
      provider: rnd.pick([
        'BPSDM Provinsi Maluku',
        'Pusat Pelatihan Kementerian Dalam Negeri',
        'Universitas Pattimura',
      ]),
      outcomes: [{ competency: c.code, minLevel: null, toLevel: 3 }],
      prerequisites: [],
    });
    if (rnd.chance(0.4)) {
      courses.push({
        code: `TEK-${key}-2`,
        title: `Pelatihan Teknis ${c.name} Tingkat Lanjut`,
        type: 'TECHNICAL',
        modality: 'CLASSICAL',
        hours: rnd.pick([40, 48, 60]),
        cost: rnd.pick([6_000_000, 7_500_000, 9_000_000]),
        provider: rnd.pick(['BPSDM Provinsi Maluku', 'Lembaga Administrasi Negara']),
        outcomes: [{ competency: c.code, minLevel: 3, toLevel: 5 }],
        prerequisites: [`TEK-${key}-1`],
      });
    }
  }
  courses.push(...structuredClone(OTHER_COURSES));
  return courses;
}

/**
 * The people of a province: `count` employees (the holders of the structural positions first,
 * then staff spread over positions and units), each with assessments (most; some only a stale
 * one), trainings of the last three years, and, for leaders, the tier's leadership course.
 */
export function demoPeople(...args: Parameters<typeof demoPersons>) {
  const employees: EmployeeRecord[] = [];
  const assessments: AssessmentRecord[] = [];
  const trainings: TrainingRecordInput[] = [];
  for (const person of demoPersons(...args)) {
    employees.push(person.employee);
    assessments.push(...person.assessments);
    trainings.push(...person.trainings);
  }
  return { employees, assessments, trainings };
}

/**
 * The people of `demoPeople` one employee at a time, with their assessments and trainings: the
 * same records in the same order, so a national province is written out without being held.
 */
export function* demoPersons(
  rnd: Random,
  count: number,
  positions: PositionRecord[],
  units: OrgUnitRecord[],
  courses: CourseRecord[],
  today: string,
  year: number,
  technicalPool: readonly string[] = TECHNICAL_COMPETENCIES.map((c) => c.code),
): Generator<{
  employee: EmployeeRecord;
  assessments: AssessmentRecord[];
  trainings: TrainingRecordInput[];
}> {
  const sequences = new Map<string, number>();
  const leaders = positions.filter(
    (p) => !p.category.startsWith('FUNGSIONAL') && p.category !== 'PELAKSANA',
  );
  const staffPositions = positions.filter(
    (p) => p.category.startsWith('FUNGSIONAL') || p.category === 'PELAKSANA',
  );
  const pools: PeoplePools = {
    courseByCode: new Map(courses.map((c) => [c.code, c])),
    competencyPool: [...NATIONAL_COMPETENCIES.map((c) => c.code), ...technicalPool],
    shortCourses: courses.filter((c) => c.hours <= 120),
  };
  const asOf: AsOf = { today, year };

  for (let i = 0; i < count; i++) {
    // Leaders first (each structural position has a holder), then staff spread over units.
    const held =
      i < leaders.length ? leaders[i] : rnd.chance(0.55) ? rnd.pick(staffPositions) : null;
    const person = demoEmployee(rnd, held, units, sequences, asOf);
    const assessments: AssessmentRecord[] = [];
    const trainings: TrainingRecordInput[] = [];
    demoAssessments(rnd, person, pools, asOf, assessments);
    demoTrainings(rnd, person, pools, asOf, trainings);
    yield { employee: person.employee, assessments, trainings };
  }
}

/** What the people are drawn from beside their positions and units. */
interface PeoplePools {
  readonly courseByCode: ReadonlyMap<string, CourseRecord>;
  /** The competencies an assessment may cover beyond a position's. */
  readonly competencyPool: readonly string[];
  /** The courses of 120 JP or less, which anyone may have taken. */
  readonly shortCourses: readonly CourseRecord[];
}

/** The date the data is as of, and its year. */
interface AsOf {
  readonly today: string;
  readonly year: number;
}

/** One employee made, with what their assessments and trainings follow from. */
interface DemoPerson {
  readonly employee: EmployeeRecord;
  /** How assessments and trainings name the employee. */
  readonly ref: { nip: string | null; pppkNumber: string | null };
  readonly held: PositionRecord | null;
  /** The level their competencies sit around: their position's tier, or 1 to 3. */
  readonly tier: number;
  readonly appointYear: number;
}

/**
 * An employee: age, appointment, sex and so a valid NIP (or a PPPK number), employment type,
 * education and rank by years of service, unit, name, potential and the ratings of the years
 * they served.
 */
function demoEmployee(
  rnd: Random,
  held: PositionRecord | null,
  units: readonly OrgUnitRecord[],
  sequences: Map<string, number>,
  { year }: AsOf,
): DemoPerson {
  const tier = held ? TIER_LEVEL[held.category as PositionCategory] : rnd.int(1, 3);
  const age = held?.category.startsWith('JPT') ? rnd.int(45, 58) : rnd.int(24, 59);
  const birthYear = year - age;
  const birth = `${birthYear}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  const startAge = rnd.int(22, 30);
  const appointYear = Math.min(year - 1, birthYear + startAge);
  const appointMonth = pad(rnd.pick([1, 3, 4, 12]));
  const sex = rnd.chance(0.5) ? 1 : 2;
  const prefix = `${birth.replaceAll('-', '')}${appointYear}${appointMonth}${sex}`;
  const seq = (sequences.get(prefix) ?? 0) + 1;
  sequences.set(prefix, seq);
  const service = year - appointYear;
  const isPppk = !held && service < 6 && rnd.chance(0.35);
  const isCpns = !isPppk && service < 1;
  const education =
    held && tier >= 4
      ? rnd.pick(['S2', 'S2', 'S1', 'S3'])
      : rnd.pick(['SMA', 'D3', 'S1', 'S1', 'S1', 'S2']);
  const graduate = ['S1', 'S2', 'S3'].includes(education);
  const entryRank = graduate ? 8 : education === 'D3' ? 5 : 4; // III/a, II/c, II/b
  const rankIndex = Math.min(
    RANKS.length - 1,
    Math.max(0, entryRank + Math.floor(service / 4) + rnd.int(-1, 1)),
  );
  const unit = held ? held.orgUnit : rnd.pick(units).code;
  const name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
  const performance = [year - 3, year - 2, year - 1].map((y) => ({
    year: y,
    rating: rnd.pick(['SANGAT_BAIK', 'BAIK', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG']),
  }));
  const nip = isPppk ? null : `${prefix}${String(seq).padStart(3, '0')}`;
  const pppkNumber = isPppk
    ? `${birth.replaceAll('-', '')}${appointYear}${appointMonth}${sex}${String(900 - seq).padStart(3, '0')}`
    : null;
  const employee: EmployeeRecord = {
    nip,
    pppkNumber,
    name,
    employmentType: isPppk ? 'PPPK' : isCpns ? 'CPNS' : 'PNS',
    rank: isPppk ? null : isCpns ? (graduate ? 'III/a' : 'II/a') : RANKS[rankIndex].code,
    pppkGrade: isPppk ? rnd.int(5, 11) : null,
    education,
    orgUnit: unit,
    position: held?.code ?? null,
    birthDate: isPppk ? birth : null,
    appointedOn: isPppk ? `${appointYear}-${appointMonth}-01` : null,
    potential: rnd.chance(0.9) ? rnd.int(35, 95) : null,
    performance: performance.filter((p) => p.year >= appointYear),
  };
  return { employee, ref: { nip, pppkNumber }, held, tier, appointYear };
}

/** Assessments: most employees have one or two; some only an old (stale) one. */
function demoAssessments(
  rnd: Random,
  { ref, held, tier }: DemoPerson,
  { competencyPool }: PeoplePools,
  { today, year }: AsOf,
  assessments: AssessmentRecord[],
): void {
  if (!rnd.chance(0.9)) return;
  const required = held ? held.requirements.map((r) => r.competency) : competencyPool.slice(0, 9);
  const extra = Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(competencyPool));
  const assessed = [...new Set([...required, ...extra])];
  const rounds = rnd.chance(0.35) ? 2 : 1;
  const firstYearsAgo = rnd.chance(0.25) ? rnd.int(4, 6) : rnd.int(0, 2);
  for (let round = 0; round < rounds; round++) {
    const yearsAgo = round === 0 ? firstYearsAgo : Math.max(0, firstYearsAgo - rnd.int(2, 4));
    let assessedOn = addYears(`${year}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`, -yearsAgo);
    if (assessedOn > today) assessedOn = addYears(assessedOn, -1);
    if (round === 1 && assessedOn <= assessments.at(-1)!.assessedOn) break;
    assessments.push({
      ...ref,
      assessedOn,
      method:
        round === 0 ? 'ASSESSMENT_CENTER' : rnd.pick(['ASSESSMENT_CENTER', 'MULTI_RATER', 'TEST']),
      assessor: rnd.pick([
        'UPT Penilaian Kompetensi BKD Provinsi Maluku',
        'Kantor Regional XIV BKN',
        'Pusat Penilaian Kompetensi ASN',
      ]),
      potential: rnd.chance(0.7) ? rnd.int(35, 95) : null,
      results: assessed.map((competency) => ({
        competency,
        level: Math.min(5, Math.max(1, tier + rnd.pick([-2, -1, -1, 0, 0, 0, 1]) + round)),
      })),
    });
  }
}

/**
 * Trainings: a few courses in the last three years (some employees none this year); holders of
 * structural positions have usually completed the tier's leadership course.
 */
function demoTrainings(
  rnd: Random,
  { ref, held, appointYear }: DemoPerson,
  { courseByCode, shortCourses }: PeoplePools,
  { today, year }: AsOf,
  trainings: TrainingRecordInput[],
): void {
  const trainingCount = rnd.pick([0, 0, 1, 1, 2, 3, 4]);
  const taken = new Set<string>();
  for (let t = 0; t < trainingCount; t++) {
    const course = rnd.pick(shortCourses);
    const completedOn = addYears(
      `${year}-${pad(rnd.int(1, 11))}-${pad(rnd.int(1, 28))}`,
      -rnd.int(0, 2),
    );
    const key = `${course.code}|${completedOn}`;
    if (completedOn > today || taken.has(key) || completedOn.slice(0, 4) < String(appointYear))
      continue;
    taken.add(key);
    trainings.push({
      ...ref,
      course: course.code,
      completedOn,
      hours: courseByCode.get(course.code)!.hours,
    });
  }
  const leadership = held?.conditions.requiredCourses[0];
  if (leadership && rnd.chance(0.8)) {
    trainings.push({
      ...ref,
      course: leadership,
      completedOn: addYears(`${year}-03-15`, -rnd.int(2, 6)),
      hours: courseByCode.get(leadership)!.hours,
    });
  }
}

export const pad = (n: number) => String(n).padStart(2, '0');
