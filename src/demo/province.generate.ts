import { groupBy } from '../domain/collections';
import type {
  AssessmentRecord,
  CourseRecord,
  EmployeeRecord,
  TrainingRecordInput,
  DatasetDocument,
  OrgUnitRecord,
  PositionRecord,
} from '../domain/dataset.types';
import type { PositionCategory } from '../domain/position.enums';
import { demoCompetencies, technicalCompetencyRecord } from './demo.dictionary';
import { AGENCIES, UNIT_TEMPLATES } from './demo.data';
import { demoCourses, demoPersons, random, type Random } from './demo.generate';
import { positionCode, positionRecord } from './demo.positions';
import { demoDiscipline } from './demo.discipline';

export interface ProvinceOptions {
  /** How many employees (PNS, CPNS and PPPK). */
  employees: number;
  seed: number;
  /** Today's date (ISO); every date generated is on or before it. */
  today: string;
}

/** Regencies and cities of the province, in the order they are added as the size grows. */
const REGENCIES = [
  ['KAB-MALTENG', 'Kabupaten Maluku Tengah', 'MALTENG'],
  ['KAB-SBB', 'Kabupaten Seram Bagian Barat', 'SBB'],
  ['KOTA-AMBON', 'Kota Ambon', 'AMBON'],
  ['KAB-SBT', 'Kabupaten Seram Bagian Timur', 'SBT'],
  ['KAB-MALRA', 'Kabupaten Maluku Tenggara', 'MALRA'],
  ['KAB-KKT', 'Kabupaten Kepulauan Tanimbar', 'KKT'],
  ['KAB-BURU', 'Kabupaten Buru', 'BURU'],
  ['KAB-BURSEL', 'Kabupaten Buru Selatan', 'BURSEL'],
  ['KAB-ARU', 'Kabupaten Kepulauan Aru', 'ARU'],
  ['KAB-MBD', 'Kabupaten Maluku Barat Daya', 'MBD'],
  ['KOTA-TUAL', 'Kota Tual', 'TUAL'],
] as const;

/** Technical fields and their competency codes beyond the dictionary, ~300 in all. */
const FIELDS = [
  ['SDM', 'Kepegawaian'],
  ['REN', 'Perencanaan'],
  ['KEU', 'Keuangan'],
  ['HUK', 'Hukum dan Pengawasan'],
  ['UMM', 'Umum dan Tata Usaha'],
  ['TIK', 'Teknologi Informasi'],
  ['KES', 'Kesehatan'],
  ['PDK', 'Pendidikan'],
  ['PU', 'Pekerjaan Umum'],
  ['LH', 'Lingkungan Hidup'],
  ['ARS', 'Kearsipan'],
  ['PAR', 'Pariwisata'],
  ['PER', 'Perikanan dan Kelautan'],
  ['TAN', 'Pertanian'],
  ['SOS', 'Sosial'],
  ['DUK', 'Kependudukan dan Pencatatan Sipil'],
  ['HUB', 'Perhubungan'],
  ['IND', 'Perindustrian dan Perdagangan'],
  ['PMD', 'Pemberdayaan Masyarakat dan Desa'],
  ['BPB', 'Penanggulangan Bencana'],
] as const;
const PER_FIELD = 15;
const SKILLS = [
  'Analisis',
  'Perencanaan Program',
  'Pelaksanaan Kegiatan',
  'Evaluasi',
  'Pengelolaan Data',
  'Penyusunan Regulasi',
  'Pelayanan Publik',
  'Pembinaan Teknis',
  'Pengendalian Mutu',
  'Kerja Sama',
  'Pengelolaan Anggaran',
  'Pelaporan',
  'Pengawasan',
  'Inovasi',
  'Manajemen Risiko',
];

/**
 * A province at any size, deterministic for a seed: the province and as many regencies as the
 * size needs, each with the standard units and enough sub-units to hold ~60 people each; the
 * national competencies and ~300 technical ones; ~450 courses (the demo catalogue, a basic and
 * often an advanced course per technical competency, the advanced one requiring the basic one);
 * ~1 position per 35 employees across every tier; employees with ~12 assessed competencies,
 * training history and three years of ratings. Dataset format (API.md), ready to import.
 */
export function generateProvince(options: ProvinceOptions): Required<DatasetDocument> {
  const { catalogue, people } = provinceParts(options);
  const employees: EmployeeRecord[] = [];
  const assessments: AssessmentRecord[] = [];
  const trainings: TrainingRecordInput[] = [];
  for (const person of people()) {
    employees.push(person.employee);
    assessments.push(...person.assessments);
    trainings.push(...person.trainings);
  }
  return {
    ...catalogue,
    employees,
    assessments,
    trainings,
    discipline: demoDiscipline(employees, options.today),
  };
}

/** The sections of a province before its people, small at any size. */
export type ProvinceCatalogue = Pick<
  Required<DatasetDocument>,
  'agencies' | 'orgUnits' | 'competencies' | 'courses' | 'positions'
>;

/**
 * The province of `generateProvince` in two parts: the catalogue, and its people one employee
 * at a time (each with their assessments and trainings; the discipline follows from the NIPs,
 * see `disciplineOfNips`). `people` may be walked once: it draws from the same random numbers.
 */
export function provinceParts(options: ProvinceOptions): {
  catalogue: ProvinceCatalogue;
  people: () => ReturnType<typeof demoPersons>;
} {
  if (!Number.isInteger(options.employees) || options.employees < 1)
    throw new Error(`employees must be a positive whole number, got ${options.employees}`);
  const rnd = random(options.seed);
  const year = Number(options.today.slice(0, 4));
  const regencyCount = Math.min(
    REGENCIES.length,
    Math.max(2, Math.round(options.employees / 9000)),
  );
  const agencies = [
    AGENCIES[0],
    ...REGENCIES.slice(0, regencyCount).map(([code, name, short]) => ({
      code,
      name: `Pemerintah ${name}`,
      kind: code.startsWith('KOTA') ? 'CITY' : 'REGENCY',
      short,
    })),
  ];
  const technical = technicalCatalogue();
  const orgUnits = provinceUnits(agencies, Math.ceil(options.employees / 60));
  const courses = [...demoCourses(rnd), ...technicalCourses(rnd, technical)];
  const positions = provincePositions(rnd, orgUnits, technical, Math.ceil(options.employees / 35));
  return {
    catalogue: {
      agencies: agencies.map(({ code, name, kind }) => ({ code, name, kind })),
      orgUnits,
      competencies: [
        ...demoCompetencies(),
        ...technical.filter((t) => t.generated).map((t) => technicalCompetencyRecord(t)),
      ],
      courses,
      positions,
    },
    people: () =>
      demoPersons(
        rnd,
        options.employees,
        positions,
        orgUnits,
        courses,
        options.today,
        year,
        technical.map((t) => t.code),
      ),
  };
}

interface Technical {
  code: string;
  name: string;
  field: string;
  fieldKey: string;
  /** Not in the demo dictionary (so it needs its record). */
  generated: boolean;
}

function technicalCatalogue(): Technical[] {
  const known = new Map(
    demoCompetencies()
      .filter((c) => c.type === 'TECHNICAL')
      .map((c) => [c.code, c.name]),
  );
  const out: Technical[] = [];
  for (const [key, field] of FIELDS) {
    for (let i = 1; i <= PER_FIELD; i++) {
      const code = `T.${key}.${String(i).padStart(2, '0')}`;
      const name = known.get(code) ?? `${SKILLS[i - 1]} Bidang ${field}`;
      out.push({ code, name, field, fieldKey: key, generated: !known.has(code) });
    }
  }
  // Dictionary competencies outside the generated grid stay available too.
  for (const [code, name] of known) {
    if (!out.some((t) => t.code === code)) {
      const key = code.split('.')[1];
      out.push({ code, name, field: key, fieldKey: key, generated: false });
    }
  }
  return out;
}

function technicalCourses(rnd: Random, technical: Technical[]): CourseRecord[] {
  const courses: CourseRecord[] = [];
  for (const t of technical.filter((x) => x.generated)) {
    const basic = `PT-${t.code.slice(2).replaceAll('.', '-')}`;
    courses.push({
      code: basic,
      title: `Pelatihan Teknis ${t.name}`,
      type: 'TECHNICAL',
      modality: rnd.pick(['CLASSICAL', 'BLENDED', 'NON_CLASSICAL']),
      hours: rnd.pick([16, 24, 32, 40]),
      cost: rnd.pick([1_500_000, 2_500_000, 3_500_000, 5_000_000]),
      provider: rnd.pick(['BPSDM Provinsi Maluku', 'LAN RI', 'Kementerian Dalam Negeri']),
      outcomes: [{ competency: t.code, minLevel: null, toLevel: 3 }],
      prerequisites: [],
    });
    if (rnd.chance(0.45)) {
      courses.push({
        code: `${basic}-L`,
        title: `Pelatihan Teknis Lanjutan ${t.name}`,
        type: 'TECHNICAL',
        modality: rnd.pick(['CLASSICAL', 'BLENDED']),
        hours: rnd.pick([32, 40, 56]),
        cost: rnd.pick([4_000_000, 6_000_000, 8_500_000]),
        provider: rnd.pick(['BPSDM Provinsi Maluku', 'LAN RI']),
        outcomes: [{ competency: t.code, minLevel: 3, toLevel: 5 }],
        prerequisites: [basic],
      });
    }
  }
  return courses;
}

function provinceUnits(
  agencies: readonly { code: string; name: string; kind: string; short: string }[],
  target: number,
): OrgUnitRecord[] {
  const units: OrgUnitRecord[] = [];
  const tops: { code: string; agency: string }[] = [];
  for (const agency of agencies) {
    for (const t of UNIT_TEMPLATES) {
      const code = `${t.key}-${agency.short}`;
      const place = agency.name.replace('Pemerintah ', '');
      units.push({ code, agency: agency.code, name: `${t.name} ${place}`, parent: null });
      tops.push({ code, agency: agency.code });
      t.children.forEach((child, i) => {
        units.push({ code: `${code}-${i + 1}`, agency: agency.code, name: child, parent: code });
      });
    }
  }
  // More sub-units, round the top units, until the size is reached.
  const next = new Map<string, number>();
  for (let i = 0; units.length < target; i++) {
    const top = tops[i % tops.length];
    const template = UNIT_TEMPLATES.find((t) => top.code.startsWith(`${t.key}-`))!;
    const n = (next.get(top.code) ?? template.children.length) + 1;
    next.set(top.code, n);
    units.push({
      code: `${top.code}-${n}`,
      agency: top.agency,
      name: `Bidang ${n} ${template.name}`,
      parent: top.code,
    });
  }
  return units;
}

const STAFF_TIERS: PositionCategory[] = [
  'PENGAWAS',
  'PELAKSANA',
  'PELAKSANA',
  'FUNGSIONAL_AHLI_PERTAMA',
  'FUNGSIONAL_AHLI_MUDA',
  'FUNGSIONAL_AHLI_MADYA',
  'FUNGSIONAL_TERAMPIL',
  'FUNGSIONAL_MAHIR',
  'FUNGSIONAL_PENYELIA',
] as PositionCategory[];

function provincePositions(
  rnd: Random,
  units: OrgUnitRecord[],
  technical: Technical[],
  target: number,
): PositionRecord[] {
  const positions: PositionRecord[] = [];
  // One numbering per code prefix (JPT, ADM, PEN, PEL, FUN), as in the demo.
  const counts = new Map<string, number>();
  const byField = new Map(
    [...groupBy(technical, (t) => t.fieldKey)].map(([key, list]) => [key, list.map((t) => t.code)]),
  );
  const fieldsOf = (unit: OrgUnitRecord) => {
    const top = unit.parent ?? unit.code;
    const template = UNIT_TEMPLATES.find((t) => top.startsWith(`${t.key}-`));
    const keys = template?.fields.map((f) => f.split('.')[1]) ?? ['UMM'];
    return byField.get(rnd.pick(keys)) ?? byField.get('UMM')!;
  };
  const add = (category: PositionCategory, title: string, unit: OrgUnitRecord) => {
    const prefix = positionCode(category, 0);
    const n = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, n);
    const pool = fieldsOf(unit);
    const picked = [...new Set([rnd.pick(pool), rnd.pick(pool), rnd.pick(pool)])];
    positions.push(
      positionRecord(positionCode(category, n, 5), category, title, unit.code, picked),
    );
  };
  // Structural positions (a head per unit, top units first) take at most 60 % of the total;
  // the rest are staff of every other tier, spread over the units.
  const structural = Math.max(1, Math.floor(target * 0.6));
  const ordered = [...units.filter((u) => u.parent === null), ...units.filter((u) => u.parent)];
  for (const unit of ordered.slice(0, structural)) {
    const category = (unit.parent === null ? 'JPT_PRATAMA' : 'ADMINISTRATOR') as PositionCategory;
    add(category, `Kepala ${unit.name}`, unit);
  }
  for (let i = 0; positions.length < target; i++) {
    const unit = units[i % units.length];
    const category = STAFF_TIERS[i % STAFF_TIERS.length];
    add(
      category,
      `${category === 'PENGAWAS' ? 'Kepala Seksi' : 'Pejabat'} ${i + 1} ${unit.name}`,
      unit,
    );
  }
  return positions;
}
