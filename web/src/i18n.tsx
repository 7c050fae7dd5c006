import { createContext, useContext, type ReactNode } from 'react';

export type Language = 'id' | 'en';

const id = {
  appTitle: 'Konsol Komite',
  appSubtitle: 'Kesesuaian pegawai ASN dengan jabatan',
  navPositions: 'Jabatan',
  navUnits: 'Unit kerja',
  navMyPage: 'Halaman saya',
  language: 'Bahasa',
  signOut: 'Keluar',
  signedInAs: 'Masuk sebagai {role}',
  signInTitle: 'Masuk',
  signInIntro: 'Tempelkan token akses dari administrator Anda.',
  token: 'Token akses',
  signIn: 'Masuk',
  demoRoles: 'Mode demo: pilih peran',
  demoRolesIntro: 'Server berjalan dalam mode demo; setiap peran memakai token demo.',
  tokenInvalid: 'Token ini tidak dapat dibaca.',
  loading: 'Memuat…',
  search: 'Cari',
  searchHint: 'Judul atau kode jabatan',
  category: 'Kategori',
  allCategories: 'Semua kategori',
  agency: 'Instansi',
  allAgencies: 'Semua instansi',
  unit: 'Unit kerja',
  allUnits: 'Semua unit',
  code: 'Kode',
  title: 'Jabatan',
  requirements: 'Persyaratan kompetensi',
  requirementsCount: 'Kompetensi',
  positionsFound: '{count} jabatan',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  page: 'Halaman {page}',
  jobProfile: 'Profil jabatan',
  competency: 'Kompetensi',
  requiredLevel: 'Level standar',
  weight: 'Bobot',
  critical: 'Kritis',
  yes: 'Ya',
  no: 'Tidak',
  conditions: 'Syarat jabatan',
  minRank: 'Pangkat minimal',
  minEducation: 'Pendidikan minimal',
  minYears: 'Masa kerja minimal',
  years: '{n} tahun',
  minPerformance: 'Kinerja minimal',
  performanceYears: 'dalam {n} tahun terakhir',
  retirementAge: 'Batas usia pensiun',
  requiredCourses: 'Pelatihan wajib',
  none: 'Tidak ada',
  candidates: 'Kandidat',
  candidatesCount: '{count} kandidat',
  qualifiedOnly: 'Hanya yang memenuhi syarat',
  scale: 'Skala',
  scaleOPTIMAL: 'OPTIMAL (BRIN 3/2023)',
  scaleELIGIBILITY: 'Kelayakan (uji kompetensi JF)',
  rank: 'Peringkat',
  name: 'Nama',
  jpm: 'JPM',
  qualified: 'Memenuhi syarat',
  notQualified: 'Belum memenuhi syarat',
  incumbent: 'Pemangku jabatan ini',
  readiness: 'Kesiapan',
  unmet: 'Syarat belum terpenuhi',
  compare: 'Bandingkan',
  compareSelected: 'Bandingkan terpilih ({count})',
  compareHint: 'Pilih 2–3 kandidat untuk dibandingkan.',
  selectForCompare: 'Pilih {name} untuk dibandingkan',
  report: 'Laporan komite',
  print: 'Cetak',
  back: 'Kembali',
  fitTitle: 'Kesesuaian {name} dengan {position}',
  asOf: 'Per tanggal',
  threshold: 'Ambang',
  uncapped: 'JPM tanpa batas',
  gapIndex: 'Indeks kesenjangan (IKK)',
  terms: 'Rincian JPM',
  actualLevel: 'Level aktual',
  gap: 'Selisih',
  contribution: 'Kontribusi',
  assessedOn: 'Diases',
  stale: 'Kedaluwarsa',
  notAssessed: 'belum diases',
  chartTitle: 'Level standar dan aktual',
  chartRequired: 'standar',
  chartActual: 'aktual',
  unmetConditions: 'Syarat yang belum terpenuhi',
  allConditionsMet: 'Semua syarat terpenuhi.',
  trainingPlan: 'Rencana pelatihan',
  trainingPlanEmpty: 'Tidak perlu pelatihan: tidak ada kesenjangan.',
  course: 'Pelatihan',
  hours: 'JP',
  cost: 'Biaya',
  closes: 'Menutup',
  total: 'Jumlah',
  closesAllGaps: 'Rencana ini menutup semua kesenjangan.',
  uncoveredGaps: 'Kesenjangan tanpa pelatihan yang menutup: {list}',
  employee: 'Pegawai',
  nip: 'NIP',
  position: 'Jabatan saat ini',
  noPosition: 'Tanpa jabatan',
  education: 'Pendidikan',
  competencyProfile: 'Profil kompetensi',
  level: 'Level',
  bestFits: 'Jabatan yang paling sesuai',
  trainingHours: 'Jam pelajaran tahun {year}',
  trainingHoursOf: '{hours} dari {target} JP',
  trainingMet: 'Target 20 JP terpenuhi',
  trainingNotMet: 'Target belum terpenuhi',
  talentBox: 'Kotak talenta',
  talentGrid: 'Matriks talenta {year}',
  potential: 'Potensi',
  performance: 'Kinerja',
  people: '{count} orang',
  unplaced: '{count} pegawai belum dapat ditempatkan',
  trainingNeeds: 'Kebutuhan pelatihan',
  gapLevels: 'Level kesenjangan',
  averageGap: 'Rata-rata selisih',
  participants: 'Peserta',
  perJp: 'Level per JP',
  programme: 'Program terbaik dalam anggaran',
  employees: 'Pegawai',
  units: 'Unit kerja',
  subunits: 'Unit di bawahnya',
  reportTitle: 'Laporan Komite: {position}',
  reportMeta: 'Dibuat {date}; penilaian per {asOf}; {policy}',
  reportPolicy:
    'skala {scale}, ambang JPM {threshold}, level dibatasi per kompetensi, masa berlaku asesmen 3 tahun',
  reportTop: '{count} kandidat teratas dari {total}',
  reasons: 'Alasan',
  notFound: 'Tidak ditemukan.',
  noRows: 'Tidak ada data.',
  retry: 'Coba lagi',
  openFit: 'Lihat kesesuaian {name}',
  low: 'Rendah',
  medium: 'Sedang',
  high: 'Tinggi',
  below: 'Di bawah ekspektasi',
  meets: 'Sesuai ekspektasi',
  above: 'Di atas ekspektasi',
  box: 'Kotak {box}',
  cellPeople: 'Kotak {box}: {count} orang',
  navVacancies: 'Lowongan mendatang',
  navSkills: 'Cari keahlian',
  rankGrade: 'Pangkat',
  downloadCsv: 'Unduh CSV',
  downloadXlsx: 'Unduh Excel',
  skillsTitle: 'Cari pegawai menurut keahlian',
  skillsIntro: 'Pegawai yang level kompetensinya saat ini mencapai level yang dipilih.',
  minLevel: 'Level minimal',
  anyRank: 'Semua pangkat',
  currentLevel: 'Level saat ini',
  employeesFound: '{count} pegawai',
  openSelection: 'Buka seleksi',
  selectionTitle: 'Seleksi {position}',
  selectionOpened: 'Dibuka {date} oleh {who}',
  selectionClosedOn: 'Ditutup {date}',
  selectionOpen: 'Masih terbuka',
  fingerprint: 'Sidik jari',
  verified: 'Terverifikasi',
  notVerified: 'Tidak cocok dengan sidik jari',
  frozenRanking: 'Peringkat yang dibekukan',
  decision: 'Keputusan',
  decisions: 'Keputusan panitia',
  reason: 'Alasan',
  recordDecision: 'Catat keputusan',
  closeSelection: 'Tutup seleksi',
  downloadReport: 'Unduh berita acara (PDF)',
  noDecisions: 'Belum ada keputusan.',
  selections: 'Seleksi',
  whatIf: 'Bagaimana jika',
  whatIfIntro: 'Pilih pelatihan yang dianggap selesai; tidak ada data yang diubah.',
  whatIfRun: 'Hitung',
  whatIfResult: 'JPM {before} → {after}',
  vacanciesTitle: 'Jabatan kunci yang akan lowong',
  within: 'Dalam (tahun)',
  holder: 'Pemangku',
  retiresOn: 'Mencapai BUP',
  bench: 'Kader',
  readyNow: 'Siap sekarang',
  readyOneToTwo: 'Siap 1–2 tahun',
  readyLater: 'Siap kemudian',
  developmentPlans: 'Rencana pengembangan',
  targetYear: 'Tahun target',
  done: 'Selesai',
  onTrack: 'Sesuai jadwal',
  behind: 'Tertinggal',
};

type Dictionary = Record<keyof typeof id, string>;

const en: Dictionary = {
  appTitle: 'Committee Console',
  appSubtitle: 'How civil servants fit positions',
  navPositions: 'Positions',
  navUnits: 'Org units',
  navMyPage: 'My page',
  language: 'Language',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {role}',
  signInTitle: 'Sign in',
  signInIntro: 'Paste the access token your administrator gave you.',
  token: 'Access token',
  signIn: 'Sign in',
  demoRoles: 'Demo mode: pick a role',
  demoRolesIntro: 'The server runs in demo mode; each role uses a demo token.',
  tokenInvalid: 'This token cannot be read.',
  loading: 'Loading…',
  search: 'Search',
  searchHint: 'Position title or code',
  category: 'Category',
  allCategories: 'All categories',
  agency: 'Agency',
  allAgencies: 'All agencies',
  unit: 'Org unit',
  allUnits: 'All units',
  code: 'Code',
  title: 'Position',
  requirements: 'Competency requirements',
  requirementsCount: 'Competencies',
  positionsFound: '{count} position|{count} positions',
  previous: 'Previous',
  next: 'Next',
  page: 'Page {page}',
  jobProfile: 'Job profile',
  competency: 'Competency',
  requiredLevel: 'Required level',
  weight: 'Weight',
  critical: 'Critical',
  yes: 'Yes',
  no: 'No',
  conditions: 'Conditions',
  minRank: 'Minimum rank',
  minEducation: 'Minimum education',
  minYears: 'Minimum years of service',
  years: '{n} years',
  minPerformance: 'Minimum performance',
  performanceYears: 'in the last {n} years',
  retirementAge: 'Retirement age',
  requiredCourses: 'Required courses',
  none: 'None',
  candidates: 'Candidates',
  candidatesCount: '{count} candidate|{count} candidates',
  qualifiedOnly: 'Qualified only',
  scale: 'Scale',
  scaleOPTIMAL: 'OPTIMAL (BRIN 3/2023)',
  scaleELIGIBILITY: 'Eligibility (functional competency tests)',
  rank: 'Rank',
  name: 'Name',
  jpm: 'JPM',
  qualified: 'Qualified',
  notQualified: 'Not qualified',
  incumbent: 'Holds this position',
  readiness: 'Readiness',
  unmet: 'Unmet conditions',
  compare: 'Compare',
  compareSelected: 'Compare selected ({count})',
  compareHint: 'Select 2–3 candidates to compare.',
  selectForCompare: 'Select {name} for comparison',
  report: 'Committee report',
  print: 'Print',
  back: 'Back',
  fitTitle: 'How {name} fits {position}',
  asOf: 'As of',
  threshold: 'Threshold',
  uncapped: 'Uncapped JPM',
  gapIndex: 'Gap index (IKK)',
  terms: 'JPM terms',
  actualLevel: 'Actual level',
  gap: 'Gap',
  contribution: 'Contribution',
  assessedOn: 'Assessed',
  stale: 'Stale',
  notAssessed: 'not assessed',
  chartTitle: 'Required and actual levels',
  chartRequired: 'required',
  chartActual: 'actual',
  unmetConditions: 'Unmet conditions',
  allConditionsMet: 'Every condition is met.',
  trainingPlan: 'Training plan',
  trainingPlanEmpty: 'No training needed: there are no gaps.',
  course: 'Course',
  hours: 'JP',
  cost: 'Cost',
  closes: 'Closes',
  total: 'Total',
  closesAllGaps: 'This plan closes every gap.',
  uncoveredGaps: 'Gaps no course closes: {list}',
  employee: 'Employee',
  nip: 'NIP',
  position: 'Current position',
  noPosition: 'No position',
  education: 'Education',
  competencyProfile: 'Competency profile',
  level: 'Level',
  bestFits: 'Positions that fit best',
  trainingHours: 'Training hours in {year}',
  trainingHoursOf: '{hours} of {target} JP',
  trainingMet: '20 JP target met',
  trainingNotMet: 'Target not met yet',
  talentBox: 'Talent box',
  talentGrid: 'Talent matrix {year}',
  potential: 'Potential',
  performance: 'Performance',
  people: '{count} person|{count} people',
  unplaced: '{count} employee cannot be placed yet|{count} employees cannot be placed yet',
  trainingNeeds: 'Training needs',
  gapLevels: 'Gap levels',
  averageGap: 'Average gap',
  participants: 'Participants',
  perJp: 'Levels per JP',
  programme: 'Best programme within the budget',
  employees: 'Employees',
  units: 'Org units',
  subunits: 'Units below',
  reportTitle: 'Committee report: {position}',
  reportMeta: 'Made {date}; evaluated as of {asOf}; {policy}',
  reportPolicy:
    'scale {scale}, JPM threshold {threshold}, levels capped per competency, assessments valid 3 years',
  reportTop: 'Top {count} of {total} candidates',
  reasons: 'Reasons',
  notFound: 'Not found.',
  noRows: 'Nothing to show.',
  retry: 'Try again',
  openFit: 'Open the fit of {name}',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  below: 'Below expectation',
  meets: 'Meets expectation',
  above: 'Above expectation',
  box: 'Box {box}',
  cellPeople: 'Box {box}: {count} person|Box {box}: {count} people',
  navVacancies: 'Vacancies ahead',
  navSkills: 'Find by skill',
  rankGrade: 'Rank',
  downloadCsv: 'Download CSV',
  downloadXlsx: 'Download Excel',
  skillsTitle: 'Find employees by skill',
  skillsIntro: 'Employees whose current level of the competency reaches the level chosen.',
  minLevel: 'Minimum level',
  anyRank: 'Any rank',
  currentLevel: 'Current level',
  employeesFound: '{count} employee|{count} employees',
  openSelection: 'Open a selection',
  selectionTitle: 'Selection for {position}',
  selectionOpened: 'Opened {date} by {who}',
  selectionClosedOn: 'Closed {date}',
  selectionOpen: 'Still open',
  fingerprint: 'Fingerprint',
  verified: 'Verified',
  notVerified: 'Does not match the fingerprint',
  frozenRanking: 'Frozen ranking',
  decision: 'Decision',
  decisions: 'Committee decisions',
  reason: 'Reason',
  recordDecision: 'Record decision',
  closeSelection: 'Close the selection',
  downloadReport: 'Download the report (PDF)',
  noDecisions: 'No decisions yet.',
  selections: 'Selections',
  whatIf: 'What if',
  whatIfIntro: 'Choose the courses to take as completed; nothing is changed.',
  whatIfRun: 'Compute',
  whatIfResult: 'JPM {before} → {after}',
  vacanciesTitle: 'Key positions falling vacant',
  within: 'Within (years)',
  holder: 'Holder',
  retiresOn: 'Reaches retirement age',
  bench: 'Bench',
  readyNow: 'Ready now',
  readyOneToTwo: 'Ready in 1–2 years',
  readyLater: 'Ready later',
  developmentPlans: 'Development plans',
  targetYear: 'Target year',
  done: 'Done',
  onTrack: 'On track',
  behind: 'Behind',
};

const enumLabels: Record<Language, Record<string, string>> = {
  id: {
    ADMIN: 'Administrator',
    HR: 'Kepegawaian (BKD)',
    COMMITTEE: 'Panitia seleksi',
    EMPLOYEE: 'Pegawai',
    ANALYST: 'Analis',
    SANGAT_BAIK: 'Sangat baik',
    BAIK: 'Baik',
    BUTUH_PERBAIKAN: 'Butuh perbaikan',
    KURANG: 'Kurang',
    SANGAT_KURANG: 'Sangat kurang',
    SHORTLISTED: 'Daftar pendek',
    SELECTED: 'Terpilih',
    NOT_SELECTED: 'Tidak terpilih',
    WITHDRAWN: 'Mengundurkan diri',
    OPTIMAL: 'Optimal',
    CUKUP_OPTIMAL: 'Cukup optimal',
    KURANG_OPTIMAL: 'Kurang optimal',
    MEMENUHI_SYARAT: 'Memenuhi syarat',
    MASIH_MEMENUHI_SYARAT: 'Masih memenuhi syarat',
    KURANG_MEMENUHI_SYARAT: 'Kurang memenuhi syarat',
    READY_NOW: 'Siap sekarang',
    AFTER_TRAINING: 'Siap setelah pelatihan',
    NEEDS_ASSESSMENT: 'Perlu asesmen',
    BLOCKED: 'Terhalang syarat',
    RANK_TOO_LOW: 'Pangkat kurang',
    EDUCATION_TOO_LOW: 'Pendidikan kurang',
    MISSING_REQUIRED_COURSE: 'Pelatihan wajib belum diikuti',
    TOO_FEW_YEARS_OF_SERVICE: 'Masa kerja kurang',
    PERFORMANCE_TOO_LOW: 'Kinerja kurang',
    NEAR_RETIREMENT: 'Mendekati pensiun',
    NOT_ASSESSED: 'Belum diases',
    ASSESSMENT_STALE: 'Asesmen kedaluwarsa',
  },
  en: {
    ADMIN: 'Administrator',
    HR: 'HR (BKD)',
    COMMITTEE: 'Selection committee',
    EMPLOYEE: 'Employee',
    ANALYST: 'Analyst',
    SANGAT_BAIK: 'Very good',
    BAIK: 'Good',
    BUTUH_PERBAIKAN: 'Needs improvement',
    KURANG: 'Poor',
    SANGAT_KURANG: 'Very poor',
    SHORTLISTED: 'Shortlisted',
    SELECTED: 'Selected',
    NOT_SELECTED: 'Not selected',
    WITHDRAWN: 'Withdrawn',
    OPTIMAL: 'Optimal',
    CUKUP_OPTIMAL: 'Fairly optimal',
    KURANG_OPTIMAL: 'Less than optimal',
    MEMENUHI_SYARAT: 'Meets requirements',
    MASIH_MEMENUHI_SYARAT: 'Still meets requirements',
    KURANG_MEMENUHI_SYARAT: 'Does not meet requirements',
    READY_NOW: 'Ready now',
    AFTER_TRAINING: 'Ready after training',
    NEEDS_ASSESSMENT: 'Needs assessment',
    BLOCKED: 'Blocked',
    RANK_TOO_LOW: 'Rank too low',
    EDUCATION_TOO_LOW: 'Education too low',
    MISSING_REQUIRED_COURSE: 'Required course missing',
    TOO_FEW_YEARS_OF_SERVICE: 'Too few years of service',
    PERFORMANCE_TOO_LOW: 'Performance too low',
    NEAR_RETIREMENT: 'Near retirement',
    NOT_ASSESSED: 'Not assessed',
    ASSESSMENT_STALE: 'Assessment stale',
  },
};

/** An unmet condition in Indonesian, from its code and values (the API words it in English). */
function conditionInIndonesian(c: UnmetConditionText): string {
  switch (c.code) {
    case 'RANK_TOO_LOW':
      return `Pangkat minimal ${c.required}; ${c.actual ? `saat ini ${c.actual}` : 'belum berpangkat PNS'}.`;
    case 'EDUCATION_TOO_LOW':
      return `Pendidikan minimal ${c.required}; saat ini ${c.actual}.`;
    case 'MISSING_REQUIRED_COURSE':
      return `Belum menyelesaikan pelatihan wajib ${c.required}.`;
    case 'TOO_FEW_YEARS_OF_SERVICE':
      return `Masa kerja minimal ${c.required} tahun; ${c.actual === null ? 'tanggal pengangkatan tidak diketahui' : `saat ini ${c.actual} tahun`}.`;
    case 'NOT_ASSESSED':
      return 'Belum satu pun kompetensi persyaratan yang diases.';
    case 'ASSESSMENT_STALE':
      return `Asesmen kompetensi persyaratan sudah melewati masa berlaku (terlama ${datesIn(c.actual)}).`;
    case 'NEAR_RETIREMENT':
      return `Mencapai batas usia pensiun pada ${datesIn(c.actual)}, kurang dari setahun lagi.`;
    case 'PERFORMANCE_TOO_LOW':
      // required "BAIK in 2023–2025", actual "2024: none".
      return `Kinerja minimal ${ratingsIn(c.required).replace(' in ', ' pada tahun ')}; ${ratingsIn(c.actual)}.`;
    default:
      return c.message;
  }
}

/** ISO dates in a value, as Indonesian dates ("13 Juli 2022"). */
function datesIn(value: string | null | undefined): string {
  return (value ?? '').replace(/\d{4}-\d{2}-\d{2}/g, (iso) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('id-ID', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
  );
}

/** Ratings by year in words ("2024: BUTUH_PERBAIKAN, 2025: none" → "2024: Butuh perbaikan, …"). */
function ratingsIn(value: string | null | undefined): string {
  return (value ?? '')
    .replace(/\b[A-Z][A-Z_]+\b/g, (code) => enumLabels.id[code] ?? code)
    .replace(/\bnone\b/g, 'tidak ada');
}

export interface UnmetConditionText {
  readonly code: string;
  readonly message: string;
  readonly required?: string | null;
  readonly actual?: string | null;
}

/** What an API error code means, in words. */
const errorWords: Record<Language, Record<string, string>> = {
  id: {
    UNAUTHENTICATED: 'Sesi Anda tidak sah atau sudah berakhir. Silakan masuk lagi.',
    FORBIDDEN: 'Peran Anda tidak boleh melihat ini.',
    NOT_FOUND: 'Data ini tidak ada, atau tidak terlihat oleh peran Anda.',
    BAD_USER_INPUT: 'Isian tidak valid.',
    QUERY_TOO_COMPLEX: 'Permintaan terlalu besar untuk server.',
    QUERY_TIMEOUT: 'Server terlalu lama menjawab; coba lagi atau persempit pencarian.',
    SERVICE_UNAVAILABLE: 'Basis data sedang tidak tersedia; coba lagi sebentar lagi.',
    NETWORK: 'Server tidak dapat dihubungi.',
    BUSY: 'Data yang sama sedang diubah (atau sedang diimpor); tidak ada yang berubah. Coba lagi sebentar.',
    RATE_LIMITED: 'Batas permintaan per menit untuk Anda tercapai; coba lagi sebentar.',
  },
  en: {
    UNAUTHENTICATED: 'Your session is not valid or has ended. Please sign in again.',
    FORBIDDEN: 'Your role may not see this.',
    NOT_FOUND: 'This does not exist, or your role cannot see it.',
    BAD_USER_INPUT: 'The input is not valid.',
    QUERY_TOO_COMPLEX: 'The request is too large for the server.',
    QUERY_TIMEOUT: 'The server took too long; try again or narrow the search.',
    SERVICE_UNAVAILABLE: 'The database is unavailable; try again shortly.',
    NETWORK: 'The server cannot be reached.',
    BUSY: 'The same record is being changed (or imported); nothing changed. Try again shortly.',
    RATE_LIMITED: 'You reached your requests for the minute; try again shortly.',
  },
};

export type MessageKey = keyof typeof id;
const dictionaries: Record<Language, Dictionary> = { id, en };

export interface Translator {
  readonly language: Language;
  (key: MessageKey, params?: Record<string, string | number>): string;
  /** The label of an API enum value (category, readiness, condition code). */
  label(value: string): string;
  /** What an API error code means. */
  errorMeaning(code: string): string | undefined;
  /** An unmet condition's reason in the console's language. */
  condition(condition: UnmetConditionText): string;
  number(value: number, digits?: number): string;
  money(value: number): string;
  date(value: string): string;
  /** Today's date where the viewer is (not the UTC date). */
  today(): string;
}

export function translator(language: Language): Translator {
  const dictionary = dictionaries[language];
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const plurals = new Intl.PluralRules(locale);
  const t = ((key: MessageKey, params: Record<string, string | number> = {}) => {
    // "one|other" forms, chosen by the count in the viewer's language.
    const forms = dictionary[key].split('|');
    const count = params.count;
    const text =
      forms.length === 2 && typeof count === 'number'
        ? forms[plurals.select(count) === 'one' ? 0 : 1]
        : forms[forms.length - 1];
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }) as Translator;
  return Object.assign(t, {
    language,
    label: (value: string) => enumLabels[language][value] ?? value,
    errorMeaning: (code: string) => errorWords[language][code],
    condition: (condition: UnmetConditionText) =>
      language === 'id' ? conditionInIndonesian(condition) : condition.message,
    number: (value: number, digits = 1) =>
      value.toLocaleString(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
    money: (value: number) =>
      value.toLocaleString(locale, {
        style: 'currency',
        currency: 'IDR',
        maximumFractionDigits: 0,
      }),
    date: (value: string) =>
      new Date(`${value.slice(0, 10)}T00:00:00Z`).toLocaleDateString(locale, {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    today: () =>
      new Date().toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' }),
  });
}

const LanguageContext = createContext<Translator>(translator('id'));

export function LanguageProvider(props: { language: Language; children: ReactNode }) {
  return (
    <LanguageContext.Provider value={translator(props.language)}>
      {props.children}
    </LanguageContext.Provider>
  );
}

export function useT(): Translator {
  return useContext(LanguageContext);
}
