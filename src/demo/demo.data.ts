import type { CourseRecord } from '../domain/dataset.types';
import type { PositionCategory } from '../domain/position.enums';

/**
 * The demo province's data tables: its agencies and units, the tiers' levels and conditions,
 * the names of its people and its course catalogue. `demo.generate.ts` makes the province
 * from them (with a seeded PRNG where the data varies).
 */

export const AGENCIES = [
  {
    code: 'PROV-MALUKU',
    name: 'Pemerintah Provinsi Maluku',
    kind: 'PROVINCE',
    short: 'PROV',
    province: '81',
  },
  {
    code: 'KAB-MALTENG',
    name: 'Pemerintah Kabupaten Maluku Tengah',
    kind: 'REGENCY',
    short: 'MALTENG',
    province: '81',
  },
  {
    code: 'KAB-SBB',
    name: 'Pemerintah Kabupaten Seram Bagian Barat',
    kind: 'REGENCY',
    short: 'SBB',
    province: '81',
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
export const TIER_CONDITIONS: Partial<
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

/**
 * The basic (LATSAR) and leadership courses: each raises every managerial competency and the
 * sociocultural one to `toLevel` (from the level below, above level 2).
 */
export const CORE_COURSES: readonly (Omit<CourseRecord, 'outcomes'> & { toLevel: number })[] = [
  {
    code: 'LATSAR-II',
    title: 'Pelatihan Dasar CPNS Golongan II',
    type: 'LATSAR',
    modality: 'BLENDED',
    hours: 483,
    cost: 9_500_000,
    provider: 'BPSDM Provinsi Maluku',
    toLevel: 1,
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
    toLevel: 2,
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
    toLevel: 2,
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
    toLevel: 3,
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
    toLevel: 4,
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
    toLevel: 5,
    prerequisites: ['PKN-II'],
  },
];

/** A managerial course pair's competency, the key of its codes and its title. */
type ManagerialCourse = readonly [competency: string, key: string, title: string];

/** A basic and an advanced course per managerial competency (and the sociocultural one). */
export const MANAGERIAL_COURSES: readonly ManagerialCourse[] = [
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

/** Functional, mentoring, e-learning, coaching, seminar, guidance and benchmarking courses. */
export const OTHER_COURSES: readonly CourseRecord[] = [
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
];
