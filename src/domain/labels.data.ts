import { AssessmentMethod } from './assessment.enums';
import { CompetencyType } from './competency.enums';
import { CourseModality, CourseType } from './course.enums';
import { EmploymentType } from './employee.enums';
import { Language } from './language';
import { AgencyKind } from './org.enums';
import { PerformanceRating, POSITION_CATEGORY_INFO, PositionCategory } from './position.enums';

/** A value's label in each language the API speaks. */
export type Label = Readonly<Record<Language, string>>;

/** The labels of one enum's values, by value. */
export type ValueLabels<V extends string = string> = Readonly<Record<V, Label>>;

const label = (id: string, en: string): Label => ({ ID: id, EN: en });

/** The order fields most lists share. */
const BY_CODE = label('Menurut kode', 'By code');
const BY_NAME = label('Menurut nama', 'By name');

/**
 * Every enum of the schema, by its GraphQL name: each value's Indonesian and English label.
 * The Indonesian ones are the console's words (web/src/words.ts reads them from here). One entry
 * per enum: a new enum gets its entry here, and test/integration/labels.test.ts fails until it
 * has one.
 */
export const ENUM_LABELS: Readonly<Record<string, ValueLabels>> = {
  AgencyKind: {
    MINISTRY: label('Kementerian', 'Ministry'),
    AGENCY: label('Lembaga', 'Non-ministerial agency'),
    PROVINCE: label('Pemerintah provinsi', 'Province'),
    REGENCY: label('Pemerintah kabupaten', 'Regency'),
    CITY: label('Pemerintah kota', 'City'),
  } satisfies ValueLabels<AgencyKind>,
  AgencyOrderField: { CODE: BY_CODE, NAME: BY_NAME },
  AssessmentMethod: {
    ASSESSMENT_CENTER: label('Assessment center', 'Assessment centre'),
    TEST: label('Tes', 'Test'),
    MULTI_RATER: label('Penilaian 360 derajat', '360-degree feedback'),
    PORTFOLIO: label('Portofolio', 'Portfolio'),
    INTERVIEW: label('Wawancara', 'Interview'),
  } satisfies ValueLabels<AssessmentMethod>,
  CommitteeRole: {
    CHAIR: label('Ketua', 'Chair'),
    SECRETARY: label('Sekretaris', 'Secretary'),
    MEMBER: label('Anggota', 'Member'),
  },
  CompetencyOrderField: { CODE: BY_CODE, NAME: BY_NAME },
  CompetencyType: {
    TECHNICAL: label('Teknis', 'Technical'),
    MANAGERIAL: label('Manajerial', 'Managerial'),
    SOCIOCULTURAL: label('Sosial kultural', 'Sociocultural'),
  } satisfies ValueLabels<CompetencyType>,
  ConditionCode: {
    RANK_TOO_LOW: label('Pangkat kurang', 'Rank too low'),
    EDUCATION_TOO_LOW: label('Pendidikan kurang', 'Education too low'),
    MISSING_REQUIRED_COURSE: label('Pelatihan wajib belum diikuti', 'Required course missing'),
    TOO_FEW_YEARS_OF_SERVICE: label('Masa kerja kurang', 'Too few years of service'),
    PERFORMANCE_TOO_LOW: label('Kinerja kurang', 'Performance too low'),
    ASSESSMENT_STALE: label('Asesmen kedaluwarsa', 'Assessment stale'),
    NOT_ASSESSED: label('Belum diases', 'Not assessed'),
    NEAR_RETIREMENT: label('Mendekati pensiun', 'Near retirement'),
    DISCIPLINE: label('Hukuman disiplin', 'Disciplinary sentence'),
  },
  CourseModality: {
    CLASSICAL: label('Klasikal', 'Classical'),
    NON_CLASSICAL: label('Nonklasikal', 'Non-classical'),
    BLENDED: label('Campuran klasikal dan nonklasikal', 'Blended'),
  } satisfies ValueLabels<CourseModality>,
  CourseOrderField: {
    CODE: BY_CODE,
    NAME: label('Menurut nama pelatihan', 'By name'),
    TITLE: label('Menurut nama pelatihan', 'By title'),
    HOURS: label('Menurut jam pelajaran', 'By hours (JP)'),
    COST: label('Menurut biaya', 'By cost'),
  },
  CourseType: {
    LATSAR: label('Pelatihan dasar CPNS (Latsar)', 'Basic training for CPNS (Latsar)'),
    LEADERSHIP: label('Pelatihan kepemimpinan', 'Leadership training'),
    MANAGERIAL: label('Pelatihan manajerial', 'Managerial training'),
    TECHNICAL: label('Pelatihan teknis', 'Technical training'),
    FUNCTIONAL: label('Pelatihan fungsional', 'Functional training'),
    SOCIOCULTURAL: label('Pelatihan sosial kultural', 'Sociocultural training'),
    SEMINAR: label('Seminar', 'Seminar'),
    WORKSHOP: label('Lokakarya', 'Workshop'),
    COURSE: label('Kursus', 'Course'),
    TECHNICAL_GUIDANCE: label('Bimbingan teknis', 'Technical guidance'),
    SOCIALISATION: label('Sosialisasi', 'Socialisation'),
    COACHING: label('Coaching', 'Coaching'),
    MENTORING: label('Mentoring', 'Mentoring'),
    E_LEARNING: label('E-learning', 'E-learning'),
    DISTANCE_LEARNING: label('Pelatihan jarak jauh', 'Distance learning'),
    SECONDMENT: label('Detasering', 'Secondment'),
    BENCHMARKING: label('Patok banding', 'Benchmarking'),
    EXCHANGE: label('Pertukaran pegawai', 'Staff exchange'),
    SELF_STUDY: label('Belajar mandiri', 'Self-study'),
    COMMUNITY_OF_PRACTICE: label('Komunitas belajar', 'Community of practice'),
    ON_THE_JOB: label('Bimbingan di tempat kerja', 'On-the-job guidance'),
    INTERNSHIP: label('Magang', 'Internship'),
    DEGREE: label('Pendidikan bergelar', 'Degree study'),
  } satisfies ValueLabels<CourseType>,
  DatasetSection: {
    AGENCIES: label('Instansi', 'Agencies'),
    ORG_UNITS: label('Unit kerja', 'Org units'),
    COMPETENCIES: label('Kompetensi', 'Competencies'),
    COURSES: label('Pelatihan', 'Courses'),
    POSITIONS: label('Jabatan', 'Positions'),
    EMPLOYEES: label('Pegawai', 'Employees'),
    ASSESSMENTS: label('Asesmen', 'Assessments'),
    TRAININGS: label('Riwayat pelatihan', 'Training records'),
    DISCIPLINE: label('Hukuman disiplin', 'Discipline sentences'),
  },
  Decision: {
    SHORTLISTED: label('Daftar pendek', 'Shortlisted'),
    SELECTED: label('Terpilih', 'Selected'),
    NOT_SELECTED: label('Tidak terpilih', 'Not selected'),
    WITHDRAWN: label('Mengundurkan diri', 'Withdrawn'),
  },
  DisciplineKind: {
    TEGURAN_LISAN: label('Teguran lisan', 'Oral reprimand'),
    TEGURAN_TERTULIS: label('Teguran tertulis', 'Written reprimand'),
    PERNYATAAN_TIDAK_PUAS: label(
      'Pernyataan tidak puas secara tertulis',
      'Written statement of dissatisfaction',
    ),
    POTONGAN_TUKIN_6_BULAN: label(
      'Pemotongan tunjangan kinerja 25% selama 6 bulan',
      'Performance allowance cut by 25% for 6 months',
    ),
    POTONGAN_TUKIN_9_BULAN: label(
      'Pemotongan tunjangan kinerja 25% selama 9 bulan',
      'Performance allowance cut by 25% for 9 months',
    ),
    POTONGAN_TUKIN_12_BULAN: label(
      'Pemotongan tunjangan kinerja 25% selama 12 bulan',
      'Performance allowance cut by 25% for 12 months',
    ),
    PENURUNAN_JABATAN_12_BULAN: label(
      'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
      'Demotion by one level for 12 months',
    ),
    PEMBEBASAN_JABATAN_12_BULAN: label(
      'Pembebasan dari jabatan menjadi pelaksana selama 12 bulan',
      'Release from the post for 12 months',
    ),
    PEMBERHENTIAN: label(
      'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
      'Dismissal',
    ),
  },
  DisciplineLevel: {
    RINGAN: label('Ringan', 'Light'),
    SEDANG: label('Sedang', 'Moderate'),
    BERAT: label('Berat', 'Heavy'),
  },
  EmployeeDimension: {
    AGENCY: label('Instansi', 'Agency'),
    ORG_UNIT: label('Unit kerja', 'Org unit'),
    RANK: label('Pangkat', 'Rank'),
    EDUCATION: label('Pendidikan', 'Education'),
    EMPLOYMENT_TYPE: label('Jenis kepegawaian', 'Employment type'),
    POSITION_CATEGORY: label('Kategori jabatan', 'Position category'),
    GENDER: label('Jenis kelamin', 'Gender'),
  },
  EmployeeOrderField: {
    NAME: BY_NAME,
    NIP: label('Menurut NIP', 'By NIP'),
    CREATED: label('Menurut urutan pencatatan', 'By creation'),
    RANK: label('Menurut pangkat', 'By rank'),
    YEARS_OF_SERVICE: label('Menurut masa kerja', 'By years of service'),
    LEVEL: label('Menurut level kompetensi', 'By competency level'),
  },
  EmploymentType: {
    PNS: label('Pegawai Negeri Sipil (PNS)', 'Civil servant (PNS)'),
    CPNS: label('Calon Pegawai Negeri Sipil (CPNS)', 'Candidate civil servant (CPNS)'),
    PPPK: label(
      'Pegawai Pemerintah dengan Perjanjian Kerja (PPPK)',
      'Government employee on contract (PPPK)',
    ),
  } satisfies ValueLabels<EmploymentType>,
  FingerprintScheme: {
    HMAC_SHA256: label('HMAC-SHA-256 berkunci', 'Keyed HMAC-SHA-256'),
    SHA256: label('SHA-256 tanpa kunci', 'Unkeyed SHA-256'),
  },
  JpmCategory: {
    OPTIMAL: label('Optimal', 'Optimal'),
    CUKUP_OPTIMAL: label('Cukup optimal', 'Fairly optimal'),
    KURANG_OPTIMAL: label('Kurang optimal', 'Less than optimal'),
    MEMENUHI_SYARAT: label('Memenuhi syarat', 'Meets requirements'),
    MASIH_MEMENUHI_SYARAT: label('Masih memenuhi syarat', 'Still meets requirements'),
    KURANG_MEMENUHI_SYARAT: label('Kurang memenuhi syarat', 'Does not meet requirements'),
  },
  JpmScale: {
    OPTIMAL: label('Optimal (BRIN 3/2023)', 'Optimal (BRIN 3/2023)'),
    ELIGIBILITY: label(
      'Kelayakan (uji kompetensi JF)',
      'Eligibility (functional competency tests)',
    ),
  },
  Language: {
    ID: label('Bahasa Indonesia', 'Indonesian'),
    EN: label('Bahasa Inggris', 'English'),
  } satisfies ValueLabels<Language>,
  OrderDirection: {
    ASC: label('Naik', 'Ascending'),
    DESC: label('Turun', 'Descending'),
  },
  OrgUnitOrderField: { CODE: BY_CODE, NAME: BY_NAME },
  PerformanceLevel: {
    BELOW: label('Di bawah ekspektasi', 'Below expectation'),
    MEETS: label('Sesuai ekspektasi', 'Meets expectation'),
    ABOVE: label('Di atas ekspektasi', 'Above expectation'),
  },
  PerformanceRating: {
    SANGAT_BAIK: label('Sangat baik', 'Very good'),
    BAIK: label('Baik', 'Good'),
    BUTUH_PERBAIKAN: label('Butuh perbaikan', 'Needs improvement'),
    KURANG: label('Kurang', 'Poor'),
    SANGAT_KURANG: label('Sangat kurang', 'Very poor'),
  } satisfies ValueLabels<PerformanceRating>,
  PlanReason: {
    REQUIRED_COURSE: label('Wajib untuk jabatan', 'Required by the position'),
    CLOSES_GAP: label('Menutup kesenjangan', 'Closes a gap'),
    RAISES_LEVEL: label('Menaikkan level bertahap', 'Raises a level on the way'),
    PREREQUISITE: label('Prasyarat', 'Prerequisite'),
  },
  PositionCategory: positionCategoryLabels({
    JPT_UTAMA: 'Senior executive, first tier (JPT Utama)',
    JPT_MADYA: 'Senior executive, second tier (JPT Madya)',
    JPT_PRATAMA: 'Senior executive, third tier (JPT Pratama)',
    ADMINISTRATOR: 'Administrator',
    PENGAWAS: 'Supervisor (Pengawas)',
    PELAKSANA: 'Staff (Pelaksana)',
    FUNGSIONAL_AHLI_UTAMA: 'Functional, principal expert (Ahli Utama)',
    FUNGSIONAL_AHLI_MADYA: 'Functional, senior expert (Ahli Madya)',
    FUNGSIONAL_AHLI_MUDA: 'Functional, expert (Ahli Muda)',
    FUNGSIONAL_AHLI_PERTAMA: 'Functional, junior expert (Ahli Pertama)',
    FUNGSIONAL_PENYELIA: 'Functional, supervisor-skilled (Penyelia)',
    FUNGSIONAL_MAHIR: 'Functional, advanced skilled (Mahir)',
    FUNGSIONAL_TERAMPIL: 'Functional, skilled (Terampil)',
    FUNGSIONAL_PEMULA: 'Functional, beginner (Pemula)',
  }),
  PositionOrderField: {
    CODE: BY_CODE,
    NAME: label('Menurut nama jabatan', 'By name'),
    TITLE: label('Menurut nama jabatan', 'By title'),
    SENIORITY: label('Jabatan tertinggi dulu', 'Top posts first'),
  },
  PotentialLevel: {
    LOW: label('Rendah', 'Low'),
    MEDIUM: label('Sedang', 'Medium'),
    HIGH: label('Tinggi', 'High'),
  },
  Readiness: {
    READY_NOW: label('Siap sekarang', 'Ready now'),
    AFTER_TRAINING: label('Siap setelah pelatihan', 'Ready after training'),
    NEEDS_ASSESSMENT: label('Perlu asesmen', 'Needs assessment'),
    BLOCKED: label('Terhalang syarat', 'Blocked'),
  },
  ReadinessHorizon: {
    READY_NOW: label('Siap sekarang', 'Ready now'),
    ONE_TO_TWO_YEARS: label('Siap 1–2 tahun', 'Ready in 1–2 years'),
    LATER: label('Siap kemudian', 'Ready later'),
  },
  Role: {
    ADMIN: label('Administrator', 'Administrator'),
    HR: label('Kepegawaian (BKD)', 'HR (BKD)'),
    COMMITTEE: label('Panitia seleksi', 'Selection committee'),
    EMPLOYEE: label('Pegawai', 'Employee'),
    ANALYST: label('Analis', 'Analyst'),
  },
  StageKind: {
    ADMINISTRATION: label('Seleksi administrasi', 'Administration'),
    COMPETENCY: label(
      'Kompetensi manajerial dan sosial kultural',
      'Managerial and socio-cultural competency',
    ),
    TECHNICAL: label('Kompetensi teknis', 'Technical competency'),
    PAPER: label('Makalah dan presentasi', 'Paper and presentation'),
    INTERVIEW: label('Wawancara akhir', 'Final interview'),
    TRACK_RECORD: label('Rekam jejak', 'Track record'),
    HEALTH_PSYCHOLOGY: label('Tes kesehatan dan psikologi', 'Health and psychological tests'),
  },
  SuccessionPlanStatus: {
    DRAFT: label('Rancangan', 'Draft'),
    APPROVED: label('Disetujui', 'Approved'),
  },
  TieBreak: {
    COMPETENCY_SCORE: label('Nilai kompetensi lebih tinggi', 'Higher competency score'),
    JOB_PERSON_MATCH: label('JPM lebih tinggi', 'Higher job-person match'),
    FROZEN_RANKING: label('Peringkat awal yang dibekukan', 'Frozen ranking order'),
  },
  UserErrorCode: {
    APPEND_ONLY: label('Hanya boleh ditambah', 'Append-only'),
    CLOSED: label('Sudah ditutup', 'Closed'),
    CYCLE: label('Membentuk lingkaran', 'Would form a cycle'),
    DUPLICATE: label('Ganda', 'Duplicate'),
    INVALID: label('Tidak valid', 'Invalid'),
    NOT_FOUND: label('Tidak ditemukan', 'Not found'),
    OUT_OF_RANGE: label('Di luar rentang', 'Out of range'),
    REQUIRED: label('Wajib diisi', 'Required'),
    TAKEN: label('Sudah dipakai', 'Already taken'),
  },
};

/** Position categories: the Indonesian names are the domain's (`POSITION_CATEGORY_INFO`). */
function positionCategoryLabels(english: Record<PositionCategory, string>): ValueLabels {
  const labels: Record<string, Label> = {};
  for (const category of Object.values(PositionCategory))
    labels[category] = label(POSITION_CATEGORY_INFO[category].name, english[category]);
  return labels;
}
