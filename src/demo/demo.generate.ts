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
import { POSITION_CATEGORY_INFO, type PositionCategory } from '../domain/position.enums';
import { RANKS } from '../domain/reference.data';
import { demoCompetencies, NATIONAL_COMPETENCIES, TECHNICAL_COMPETENCIES } from './demo.dictionary';

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

export const AGENCIES = [
  { code: 'PROV-MALUKU', name: 'Pemerintah Provinsi Maluku', kind: 'PROVINCE', short: 'PROV' },
  {
    code: 'KAB-MALTENG',
    name: 'Pemerintah Kabupaten Maluku Tengah',
    kind: 'REGENCY',
    short: 'MALTENG',
  },
  {
    code: 'KAB-SBB',
    name: 'Pemerintah Kabupaten Seram Bagian Barat',
    kind: 'REGENCY',
    short: 'SBB',
  },
];

/** Units of every agency: code suffix, name, technical fields, and sub-units. */
export const UNIT_TEMPLATES: { key: string; name: string; fields: string[]; children: string[] }[] =
  [
    {
      key: 'SETDA',
      name: 'Sekretariat Daerah',
      fields: ['T.HUK.01', 'T.UMM.01', 'T.UMM.02'],
      children: ['Bagian Hukum', 'Bagian Umum'],
    },
    {
      key: 'BKD',
      name: 'Badan Kepegawaian dan Pengembangan SDM',
      fields: ['T.SDM.01', 'T.SDM.02', 'T.SDM.03', 'T.SDM.04'],
      children: ['Bidang Pengembangan Kompetensi', 'Bidang Mutasi dan Promosi'],
    },
    {
      key: 'BAPPEDA',
      name: 'Badan Perencanaan Pembangunan Daerah',
      fields: ['T.REN.01', 'T.REN.02', 'T.REN.03'],
      children: ['Bidang Perencanaan Ekonomi'],
    },
    {
      key: 'BPKAD',
      name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
      fields: ['T.KEU.01', 'T.KEU.02', 'T.KEU.03', 'T.KEU.04'],
      children: ['Bidang Anggaran', 'Bidang Aset'],
    },
    {
      key: 'INSPEKTORAT',
      name: 'Inspektorat Daerah',
      fields: ['T.HUK.02', 'T.HUK.03'],
      children: [],
    },
    {
      key: 'DISKOMINFO',
      name: 'Dinas Komunikasi dan Informatika',
      fields: ['T.TIK.01', 'T.TIK.02', 'T.TIK.03', 'T.TIK.04'],
      children: ['Bidang Aplikasi Informatika'],
    },
    {
      key: 'DINKES',
      name: 'Dinas Kesehatan',
      fields: ['T.KES.01', 'T.KES.02', 'T.KES.03'],
      children: ['Bidang Pencegahan Penyakit'],
    },
    {
      key: 'DISDIK',
      name: 'Dinas Pendidikan',
      fields: ['T.PDK.01', 'T.PDK.02', 'T.ARS.01'],
      children: [],
    },
    {
      key: 'DPUPR',
      name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      fields: ['T.PU.01', 'T.PU.02', 'T.PU.03', 'T.LH.01'],
      children: ['Bidang Bina Marga'],
    },
  ];

/** Required level of managerial competencies by category (Permenpan RB 38/2017 convention). */
export const TIER_LEVEL: Record<PositionCategory, number> = {
  JPT_UTAMA: 5,
  JPT_MADYA: 5,
  JPT_PRATAMA: 4,
  ADMINISTRATOR: 3,
  PENGAWAS: 2,
  PELAKSANA: 1,
  FUNGSIONAL_AHLI_UTAMA: 5,
  FUNGSIONAL_AHLI_MADYA: 4,
  FUNGSIONAL_AHLI_MUDA: 3,
  FUNGSIONAL_AHLI_PERTAMA: 2,
  FUNGSIONAL_PENYELIA: 2,
  FUNGSIONAL_MAHIR: 1,
  FUNGSIONAL_TERAMPIL: 1,
  FUNGSIONAL_PEMULA: 1,
};

/** Hard conditions by category: minimum rank, education, leadership course, years. */
const TIER_CONDITIONS: Partial<
  Record<PositionCategory, { rank: string; education: string; course?: string; years: number }>
> = {
  JPT_MADYA: { rank: 'IV/c', education: 'S2', course: 'PKN-I', years: 15 },
  JPT_PRATAMA: { rank: 'IV/b', education: 'S1', course: 'PKN-II', years: 10 },
  ADMINISTRATOR: { rank: 'III/d', education: 'S1', course: 'PKA', years: 6 },
  PENGAWAS: { rank: 'III/b', education: 'D3', course: 'PKP', years: 4 },
  PELAKSANA: { rank: 'II/a', education: 'SMA', years: 0 },
  FUNGSIONAL_AHLI_UTAMA: { rank: 'IV/d', education: 'S2', years: 20 },
  FUNGSIONAL_AHLI_MADYA: { rank: 'IV/a', education: 'S1', years: 12 },
  FUNGSIONAL_AHLI_MUDA: { rank: 'III/c', education: 'S1', years: 6 },
  FUNGSIONAL_AHLI_PERTAMA: { rank: 'III/a', education: 'S1', years: 0 },
  FUNGSIONAL_PENYELIA: { rank: 'III/c', education: 'D3', years: 10 },
  FUNGSIONAL_MAHIR: { rank: 'III/a', education: 'D3', years: 5 },
  FUNGSIONAL_TERAMPIL: { rank: 'II/c', education: 'D3', years: 0 },
  FUNGSIONAL_PEMULA: { rank: 'II/a', education: 'SMA', years: 0 },
};

export const FIRST_NAMES = [
  'Ahmad',
  'Budi',
  'Citra',
  'Dewi',
  'Eko',
  'Fajar',
  'Gita',
  'Hendra',
  'Indah',
  'Joko',
  'Kartika',
  'Lukas',
  'Maria',
  'Nur',
  'Oktavia',
  'Putri',
  'Rizky',
  'Sari',
  'Theresia',
  'Umar',
  'Vina',
  'Wahyu',
  'Yohanes',
  'Zainal',
  'Agustina',
  'Benediktus',
  'Fransina',
  'Hasan',
  'Ismail',
  'Julianus',
  'Marthen',
  'Novita',
  'Salmon',
  'Yuliana',
];
export const LAST_NAMES = [
  'Latuconsina',
  'Pattimura',
  'Tuhumury',
  'Wattimena',
  'Rumahlatu',
  'Sahetapy',
  'Tehupeiory',
  'Pelupessy',
  'Ohorella',
  'Marasabessy',
  'Lestaluhu',
  'Siwabessy',
  'Leiwakabessy',
  'Matulessy',
  'Polnaya',
  'Rahanra',
  'Santoso',
  'Wijaya',
  'Hidayat',
  'Saputra',
  'Kusuma',
  'Nugroho',
  'Rahman',
  'Sopacua',
];

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
    agencies: AGENCIES.map(({ code, name, kind }) => ({ code, name, kind })),
    orgUnits,
    competencies,
    courses,
    positions,
    employees,
    assessments,
    trainings,
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

export function demoCourses(rnd: Random): CourseRecord[] {
  const managerial = NATIONAL_COMPETENCIES.filter((c) => c.type === 'MANAGERIAL').map(
    (c) => c.code,
  );
  const all = [...managerial, 'SK.01'];
  const leadership = (toLevel: number) =>
    all.map((competency) => ({ competency, minLevel: toLevel > 2 ? toLevel - 1 : null, toLevel }));
  const courses: CourseRecord[] = [
    {
      code: 'LATSAR-II',
      title: 'Pelatihan Dasar CPNS Golongan II',
      type: 'LATSAR',
      modality: 'BLENDED',
      hours: 483,
      cost: 9_500_000,
      provider: 'BPSDM Provinsi Maluku',
      outcomes: all.map((competency) => ({ competency, minLevel: null, toLevel: 1 })),
      prerequisites: [],
    },
    {
      code: 'LATSAR-III',
      title: 'Pelatihan Dasar CPNS Golongan III',
      type: 'LATSAR',
      modality: 'BLENDED',
      hours: 483,
      cost: 11_000_000,
      provider: 'BPSDM Provinsi Maluku',
      outcomes: all.map((competency) => ({ competency, minLevel: null, toLevel: 2 })),
      prerequisites: [],
    },
    {
      code: 'PKP',
      title: 'Pelatihan Kepemimpinan Pengawas',
      type: 'LEADERSHIP',
      modality: 'BLENDED',
      hours: 225,
      cost: 17_500_000,
      provider: 'BPSDM Provinsi Maluku',
      outcomes: leadership(2),
      prerequisites: [],
    },
    {
      code: 'PKA',
      title: 'Pelatihan Kepemimpinan Administrator',
      type: 'LEADERSHIP',
      modality: 'BLENDED',
      hours: 271,
      cost: 25_000_000,
      provider: 'BPSDM Provinsi Maluku',
      outcomes: leadership(3),
      prerequisites: [],
    },
    {
      code: 'PKN-II',
      title: 'Pelatihan Kepemimpinan Nasional Tingkat II',
      type: 'LEADERSHIP',
      modality: 'BLENDED',
      hours: 390,
      cost: 47_000_000,
      provider: 'Lembaga Administrasi Negara',
      outcomes: leadership(4),
      prerequisites: ['PKA'],
    },
    {
      code: 'PKN-I',
      title: 'Pelatihan Kepemimpinan Nasional Tingkat I',
      type: 'LEADERSHIP',
      modality: 'BLENDED',
      hours: 450,
      cost: 72_000_000,
      provider: 'Lembaga Administrasi Negara',
      outcomes: leadership(5),
      prerequisites: ['PKN-II'],
    },
  ];
  const managerialCourses: [string, string, string][] = [
    ['M.01', 'ANTIKORUPSI', 'Pelatihan Integritas dan Antikorupsi'],
    ['M.02', 'TEAMWORK', 'Pelatihan Membangun Kerja Sama Tim'],
    ['M.03', 'KOMUNIKASI', 'Pelatihan Komunikasi Efektif'],
    ['M.04', 'KINERJA', 'Pelatihan Manajemen Kinerja'],
    ['M.05', 'PELAYANAN', 'Pelatihan Pelayanan Prima'],
    ['M.06', 'COACHING', 'Pelatihan Coaching dan Mentoring'],
    ['M.07', 'PERUBAHAN', 'Pelatihan Manajemen Perubahan'],
    ['M.08', 'KEPUTUSAN', 'Pelatihan Pengambilan Keputusan Berbasis Data'],
    ['SK.01', 'WAWASAN', 'Pelatihan Wawasan Kebangsaan'],
  ];
  for (const [competency, key, title] of managerialCourses) {
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
  courses.push(
    {
      code: 'FUNG-ASDM',
      title: 'Pelatihan Fungsional Analis SDM Aparatur',
      type: 'FUNCTIONAL',
      modality: 'CLASSICAL',
      hours: 120,
      cost: 12_000_000,
      provider: 'Badan Kepegawaian Negara',
      outcomes: [
        { competency: 'T.SDM.01', minLevel: null, toLevel: 3 },
        { competency: 'T.SDM.04', minLevel: null, toLevel: 3 },
      ],
      prerequisites: [],
    },
    {
      code: 'FUNG-PRANKOM',
      title: 'Pelatihan Fungsional Pranata Komputer',
      type: 'FUNCTIONAL',
      modality: 'CLASSICAL',
      hours: 100,
      cost: 10_000_000,
      provider: 'Badan Pusat Statistik',
      outcomes: [
        { competency: 'T.TIK.04', minLevel: null, toLevel: 3 },
        { competency: 'T.TIK.03', minLevel: null, toLevel: 2 },
      ],
      prerequisites: [],
    },
    {
      code: 'NK-MENTOR-SDM',
      title: 'Mentoring Manajemen Talenta',
      type: 'MENTORING',
      modality: 'NON_CLASSICAL',
      hours: 20,
      cost: 0,
      provider: 'BPSDM Provinsi Maluku',
      outcomes: [
        { competency: 'T.SDM.04', minLevel: 2, toLevel: 4 },
        { competency: 'M.06', minLevel: 2, toLevel: 3 },
      ],
      prerequisites: ['FUNG-ASDM'],
    },
    {
      code: 'NK-ELEARN-SPBE',
      title: 'E-learning Tata Kelola SPBE',
      type: 'E_LEARNING',
      modality: 'NON_CLASSICAL',
      hours: 12,
      cost: 0,
      provider: 'Kementerian PANRB',
      outcomes: [{ competency: 'T.TIK.01', minLevel: null, toLevel: 2 }],
      prerequisites: [],
    },
    {
      code: 'NK-COACH-KINERJA',
      title: 'Coaching Kinerja bagi Atasan Langsung',
      type: 'COACHING',
      modality: 'NON_CLASSICAL',
      hours: 10,
      cost: 500_000,
      provider: 'BPSDM Provinsi Maluku',
      outcomes: [{ competency: 'M.04', minLevel: 1, toLevel: 3 }],
      prerequisites: [],
    },
    {
      code: 'SEM-REFORMASI',
      title: 'Seminar Reformasi Birokrasi',
      type: 'SEMINAR',
      modality: 'CLASSICAL',
      hours: 8,
      cost: 750_000,
      provider: 'Universitas Pattimura',
      outcomes: [{ competency: 'M.07', minLevel: null, toLevel: 2 }],
      prerequisites: [],
    },
    {
      code: 'BIMTEK-SIASN',
      title: 'Bimbingan Teknis Sistem Informasi ASN',
      type: 'TECHNICAL_GUIDANCE',
      modality: 'CLASSICAL',
      hours: 16,
      cost: 1_500_000,
      provider: 'Badan Kepegawaian Negara',
      outcomes: [{ competency: 'T.SDM.01', minLevel: null, toLevel: 2 }],
      prerequisites: [],
    },
    {
      code: 'BENCH-PELAYANAN',
      title: 'Benchmarking Mal Pelayanan Publik',
      type: 'BENCHMARKING',
      modality: 'NON_CLASSICAL',
      hours: 24,
      cost: 8_000_000,
      provider: 'Kementerian PANRB',
      outcomes: [{ competency: 'M.05', minLevel: 3, toLevel: 4 }],
      prerequisites: [],
    },
  );
  return courses;
}

/** A position of a tier with the national profile at the tier's level and up to three technical requirements. */
export function positionRecord(
  code: string,
  category: PositionCategory,
  title: string,
  orgUnit: string,
  technical: readonly string[],
): PositionRecord {
  const level = TIER_LEVEL[category];
  const isJpt = category.startsWith('JPT');
  const requirements = [
    ...NATIONAL_COMPETENCIES.map((c) => ({
      competency: c.code,
      level,
      weight: 1,
      critical: isJpt && c.code === 'M.01',
    })),
    ...technical.slice(0, 3).map((competency, i) => ({
      competency,
      level: Math.max(1, level - (i === 0 ? 0 : 1)),
      weight: i === 0 ? 2 : 1,
      critical: i === 0 && category !== 'PELAKSANA',
    })),
  ];
  const c = TIER_CONDITIONS[category]!;
  return {
    code,
    title,
    category,
    orgUnit,
    summary: `${title}: melaksanakan tugas ${POSITION_CATEGORY_INFO[category].name.toLowerCase()} di unit kerja.`,
    governmentAffair: null,
    requirements,
    conditions: {
      minRank: c.rank,
      minEducation: c.education,
      requiredCourses: c.course ? [c.course] : [],
      minYearsOfService: c.years || null,
      minPerformance: category === 'PELAKSANA' ? null : 'BAIK',
      performanceYears: 2,
      retirementAge: POSITION_CATEGORY_INFO[category].retirementAge,
    },
  };
}

/** The position code of the `n`th position of a category: `JPT-001`, `ADM-016`, … */
export function positionCode(category: PositionCategory, n: number, width = 3): string {
  return `${category.split('_')[0].slice(0, 3)}-${String(n).padStart(width, '0')}`;
}

function demoPositions(units: OrgUnitRecord[]): PositionRecord[] {
  const positions: PositionRecord[] = [];
  const fieldsOf = (unitCode: string) =>
    UNIT_TEMPLATES.find((t) => unitCode.startsWith(`${t.key}-`))?.fields ?? ['T.UMM.01'];
  let n = 0;
  const add = (
    tier: `${PositionCategory}`,
    title: string,
    orgUnit: string,
    technical: string[],
  ) => {
    n++;
    const category = tier as PositionCategory;
    positions.push(positionRecord(positionCode(category, n), category, title, orgUnit, technical));
  };
  add('JPT_MADYA', 'Sekretaris Daerah Provinsi', 'SETDA-PROV', ['T.REN.01', 'T.HUK.01']);
  for (const unit of units.filter(
    (u) => !u.parent && !u.code.startsWith('SETDA') && u.code !== 'BPSDM-MALUKU',
  )) {
    const agencyIsProvince = unit.agency === 'PROV-MALUKU';
    if (agencyIsProvince || ['BKD', 'BAPPEDA', 'DINKES'].some((k) => unit.code.startsWith(k))) {
      add(
        'JPT_PRATAMA',
        `Kepala ${unit.name.split(' Provinsi')[0].split(' Kabupaten')[0]}`,
        unit.code,
        fieldsOf(unit.code),
      );
    }
  }
  for (const unit of units.filter((u) => u.parent)) {
    if (positions.length >= 26) break;
    add('ADMINISTRATOR', `Kepala ${unit.name}`, unit.code, fieldsOf(unit.code));
  }
  add('ADMINISTRATOR', 'Sekretaris BPSDM', 'BPSDM-MALUKU', ['T.SDM.02', 'T.SDM.01']);
  add('PENGAWAS', 'Kepala Subbagian Umum dan Kepegawaian', 'BKD-PROV', ['T.SDM.01', 'T.UMM.01']);
  add('PENGAWAS', 'Kepala Seksi Pengembangan Kompetensi Teknis', 'BPSDM-MALUKU', ['T.SDM.02']);
  add('PENGAWAS', 'Kepala Subbagian Keuangan', 'BPKAD-PROV', ['T.KEU.02', 'T.KEU.01']);
  add('PENGAWAS', 'Kepala Seksi Surveilans', 'DINKES-MALTENG', ['T.KES.02']);
  add('PENGAWAS', 'Kepala Subbagian Program', 'BAPPEDA-SBB', ['T.REN.01']);
  add('PELAKSANA', 'Pengadministrasi Perkantoran', 'SETDA-PROV', ['T.UMM.01']);
  add('PELAKSANA', 'Penata Kelola Sistem dan Teknologi Informasi', 'DISKOMINFO-PROV', ['T.TIK.01']);
  add('PELAKSANA', 'Pengelola Keuangan', 'BPKAD-MALTENG', ['T.KEU.02']);
  add('FUNGSIONAL_AHLI_UTAMA', 'Analis Kebijakan Ahli Utama', 'BAPPEDA-PROV', [
    'T.REN.02',
    'T.REN.01',
  ]);
  add('FUNGSIONAL_AHLI_MADYA', 'Auditor Ahli Madya', 'INSPEKTORAT-PROV', ['T.HUK.03', 'T.HUK.02']);
  add('FUNGSIONAL_AHLI_MUDA', 'Analis SDM Aparatur Ahli Muda', 'BKD-PROV', [
    'T.SDM.01',
    'T.SDM.04',
    'T.SDM.03',
  ]);
  add('FUNGSIONAL_AHLI_PERTAMA', 'Perencana Ahli Pertama', 'BAPPEDA-MALTENG', [
    'T.REN.01',
    'T.REN.03',
  ]);
  add('FUNGSIONAL_AHLI_PERTAMA', 'Widyaiswara Ahli Pertama', 'BPSDM-MALUKU', ['T.SDM.02']);
  add('FUNGSIONAL_PENYELIA', 'Pranata Komputer Penyelia', 'DISKOMINFO-PROV', [
    'T.TIK.04',
    'T.TIK.03',
  ]);
  add('FUNGSIONAL_MAHIR', 'Pranata Komputer Mahir', 'DISKOMINFO-MALTENG', ['T.TIK.04']);
  add('FUNGSIONAL_TERAMPIL', 'Arsiparis Terampil', 'DISDIK-PROV', ['T.ARS.01']);
  add('FUNGSIONAL_PEMULA', 'Pengawas Jalan dan Jembatan Pemula', 'DPUPR-PROV', [
    'T.PU.02',
    'T.PU.01',
  ]);
  return positions;
}

export function demoPeople(
  rnd: Random,
  count: number,
  positions: PositionRecord[],
  units: OrgUnitRecord[],
  courses: CourseRecord[],
  today: string,
  year: number,
  technicalPool: readonly string[] = TECHNICAL_COMPETENCIES.map((c) => c.code),
) {
  const employees: EmployeeRecord[] = [];
  const assessments: AssessmentRecord[] = [];
  const trainings: TrainingRecordInput[] = [];
  const sequences = new Map<string, number>();
  const courseByCode = new Map(courses.map((c) => [c.code, c]));
  const leaders = positions.filter(
    (p) => !p.category.startsWith('FUNGSIONAL') && p.category !== 'PELAKSANA',
  );
  const staffPositions = positions.filter(
    (p) => p.category.startsWith('FUNGSIONAL') || p.category === 'PELAKSANA',
  );
  const competencyPool = [...NATIONAL_COMPETENCIES.map((c) => c.code), ...technicalPool];
  const shortCourses = courses.filter((c) => c.hours <= 120);

  for (let i = 0; i < count; i++) {
    // Leaders first (each structural position has a holder), then staff spread over units.
    const held =
      i < leaders.length ? leaders[i] : rnd.chance(0.55) ? rnd.pick(staffPositions) : null;
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
      rating: rnd.pick([
        'SANGAT_BAIK',
        'BAIK',
        'BAIK',
        'BAIK',
        'BAIK',
        'BUTUH_PERBAIKAN',
        'KURANG',
      ]),
    }));
    const nip = isPppk ? null : `${prefix}${String(seq).padStart(3, '0')}`;
    const pppkNumber = isPppk
      ? `${birth.replaceAll('-', '')}${appointYear}${appointMonth}${sex}${String(900 - seq).padStart(3, '0')}`
      : null;
    employees.push({
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
    });
    const ref = { nip, pppkNumber };

    // Assessments: most employees have one or two; some only an old (stale) one.
    if (rnd.chance(0.9)) {
      const required = held
        ? held.requirements.map((r) => r.competency)
        : competencyPool.slice(0, 9);
      const extra = Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(competencyPool));
      const assessed = [...new Set([...required, ...extra])];
      const rounds = rnd.chance(0.35) ? 2 : 1;
      const firstYearsAgo = rnd.chance(0.25) ? rnd.int(4, 6) : rnd.int(0, 2);
      for (let round = 0; round < rounds; round++) {
        const yearsAgo = round === 0 ? firstYearsAgo : Math.max(0, firstYearsAgo - rnd.int(2, 4));
        let assessedOn = addYears(
          `${year}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
          -yearsAgo,
        );
        if (assessedOn > today) assessedOn = addYears(assessedOn, -1);
        if (round === 1 && assessedOn <= assessments.at(-1)!.assessedOn) break;
        assessments.push({
          ...ref,
          assessedOn,
          method:
            round === 0
              ? 'ASSESSMENT_CENTER'
              : rnd.pick(['ASSESSMENT_CENTER', 'MULTI_RATER', 'TEST']),
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

    // Trainings: a few courses in the last three years; some employees none this year.
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
    // Holders of structural positions have usually completed the tier's leadership course.
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
  return { employees, assessments, trainings };
}

export const pad = (n: number) => String(n).padStart(2, '0');
