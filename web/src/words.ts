/**
 * The console's words in Indonesian and English, without React: the dictionaries, enum labels,
 * error meanings, the reasons of unmet conditions, and numbers, money and dates by `Intl`.
 */
import { ENUM_LABELS } from '../../src/domain/labels';

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
  providerSignIn: 'Masuk dengan akun instansi',
  providerSignInIntro: 'Masuk melalui penyedia identitas instansi Anda ({issuer}).',
  providerFailed: 'Masuk melalui penyedia identitas gagal: {reason}',
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
  criticalGap: 'Kompetensi kritis {name} ({code}) di level {actual}, di bawah standar {required}.',
  criticalNotAssessed:
    'Kompetensi kritis {name} ({code}) belum diases; standarnya level {required}.',
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
  scaleOPTIMAL: 'Optimal (BRIN 3/2023)',
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
  selectionOpened: 'Dibuka {date} oleh',
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
  tabTalent: 'Matriks talenta',
  tabHeatMap: 'Peta kompetensi',
  tabCompliance: 'Kepatuhan 20 JP',
  tabProfessionalism: 'IP ASN',
  tabBench: 'Kekuatan kader',
  analyticsOf: 'Analisis {name}',
  agencyAnalytics: 'Analisis seluruh instansi',
  heatMapIntro:
    'Bagian pegawai yang mencapai level standar jabatannya sendiri, per unit kerja dan kompetensi. Merah: sedikit yang memenuhi; hijau: banyak.',
  heatMapCell:
    '{unit}, {competency}: {meeting} dari {required} memenuhi ({share}); rata-rata selisih {gap}; {stale} kedaluwarsa; {unassessed} belum diases',
  heatMapEmpty: 'Tidak ada pegawai yang jabatannya mensyaratkan kompetensi di cakupan ini.',
  heatMapLegend: 'Angka: persen yang memenuhi standar. Arahkan atau fokus ke sel untuk rinciannya.',
  complianceTarget: 'Target {target} JP per pegawai pada tahun {year}',
  reachedTarget: 'Mencapai target',
  belowTarget: 'Di bawah target',
  withoutTraining: 'Tanpa pelatihan sama sekali',
  averageHours: 'Rata-rata JP per pegawai',
  totalHours: 'Jumlah JP',
  belowTargetList: 'Pegawai di bawah target (JP paling sedikit lebih dulu)',
  shortfall: 'Kurang',
  namesHidden: 'Peran Anda melihat jumlah saja, tanpa nama pegawai.',
  ipAverage: 'Rata-rata IP ASN tahun {year}',
  ipDimensions: 'Empat dimensi (rata-rata terhadap bobot maksimum)',
  ipBands: 'Pegawai per kategori',
  qualification: 'Kualifikasi',
  discipline: 'Disiplin',
  ofMax: '{value} dari {max}',
  benchIntro:
    'Untuk setiap jabatan kunci: orang di kelompok suksesi (kotak 7–9) menurut kesiapannya.',
  pool: 'Kelompok suksesi',
  keyPosition: 'Jabatan kunci',
  boxActions: 'Tindakan yang disarankan',
  morePeople: 'dan {count} orang lagi',
  why: 'Alasan',
  whyCloses: 'menutup kesenjangan {list}',
  whyRaises: 'menaikkan {list} menuju level standar',
  whyPrerequisite: 'prasyarat untuk {list}',
  whyRequired: 'disyaratkan jabatan ini',
  courses: '{count} pelatihan',
  myPlan: 'Rencana pelatihan menuju {position}',
  myPlanIntro: 'Jabatan yang paling sesuai dengan Anda; rinciannya ada di halaman kesesuaian.',
  reportShow: 'Kandidat teratas yang dicetak',
  reportLegend:
    'Tanda: ↓ tebal = di bawah level standar; * = asesmen kedaluwarsa; – = belum diases. Dicetak pada kertas A4 lanskap.',
  belowStandard: 'di bawah standar',
  staleMark: 'asesmen kedaluwarsa',
  orderSeniority: 'Jabatan tertinggi dulu',
  orderCode: 'Menurut kode',
  orderName: 'Menurut nama jabatan',
  orderBy: 'Urutan',
  // Talent review (calibration and succession plans)
  navTalentReview: 'Tinjauan talenta',
  talentReviewTitle: 'Tinjauan talenta {year}',
  talentReviewIntro:
    'Kotak hasil perhitungan dan kotak yang berlaku. Komite talenta mengkalibrasi kotak dengan alasan; kotak hitungan tetap tersimpan di sampingnya.',
  reviewYear: 'Tahun',
  computedBox: 'Kotak hitungan',
  boxInForce: 'Kotak berlaku',
  calibrated: 'Dikalibrasi',
  notCalibrated: 'Belum dikalibrasi',
  calibrationReason: 'Alasan kalibrasi',
  calibrate: 'Kalibrasi',
  calibrateFor: 'Kalibrasi kotak {name}',
  newBox: 'Kotak baru',
  reasonRequired: 'Alasan wajib diisi.',
  reasonTooLong: 'Alasan paling banyak 2.000 karakter.',
  confirmCalibrationTitle: 'Konfirmasi kalibrasi',
  confirmCalibration:
    'Kotak talenta {name} tahun {year} akan ditetapkan menjadi kotak {box} (hitungan: kotak {computed}). Keputusan ini dicatat di jejak audit dan tidak dapat dihapus; kalibrasi berikutnya akan menggantikannya.',
  confirm: 'Ya, tetapkan',
  cancel: 'Batal',
  calibrationSaved: 'Kalibrasi tersimpan.',
  notPlaced: 'Belum dapat ditempatkan',
  successionPlanLink: 'Rencana suksesi',
  successionPlanTitle: 'Rencana suksesi {position}',
  successionPlanNone: 'Belum ada rencana suksesi untuk jabatan ini.',
  planVersion: 'Versi {version}',
  planApprovedOn: 'disetujui {date}',
  successors: 'Suksesor',
  noSuccessors: 'Belum ada suksesor yang diusulkan.',
  emergencySuccessor: 'Suksesor darurat',
  planHistory: 'Riwayat rencana',
  computedCandidates: 'Kandidat dari kelompok suksesi (kotak 7–9)',
  nominate: 'Usulkan',
  nominateFor: 'Usulkan {name}',
  approvePlan: 'Setujui rencana',
  confirmApprovalTitle: 'Konfirmasi persetujuan',
  confirmApproval:
    'Rencana suksesi {position} versi {version} dengan {count} suksesor akan disetujui sebagai satu keputusan. Setelah disetujui, rencana ini tidak dapat diubah; usulan berikutnya membuka versi baru.',
  notKeyPosition: 'Rencana suksesi hanya untuk jabatan kunci (JPT, Administrator, Pengawas).',
  nominated: 'Sudah diusulkan',
  // The committee's procedure (issue 30, item 5): confirmations, checks, decisions, time zones.
  unknownError: 'Terjadi kesalahan; tidak ada yang berubah. Coba lagi.',
  fieldRequired: 'Wajib diisi; spasi saja tidak cukup.',
  fieldTooLong: 'Paling banyak {max} karakter; saat ini {length}.',
  userErrorRequired: 'Isian wajib belum diisi.',
  userErrorOutOfRange: 'Isian melebihi batas yang diterima.',
  userErrorInvalid: 'Isian tidak valid.',
  userErrorNotFound: 'Data yang dirujuk tidak ditemukan di seleksi ini.',
  userErrorClosed: 'Seleksi ini sudah ditutup; tidak ada yang dapat diubah lagi.',
  userErrorAppendOnly: 'Catatan yang sudah ada tidak dapat diubah; catat yang baru.',
  selectionNote: 'Catatan pembukaan (tidak wajib)',
  confirmOpenTitle: 'Buka seleksi {position}?',
  confirmOpenBody:
    'Peringkat {count} kandidat akan dibekukan dan tidak dapat diubah. Seleksi yang sudah dibuka tidak dapat dihapus.',
  confirmOpenTop:
    'Peringkat {count} kandidat teratas dari {total} akan dibekukan dan tidak dapat diubah. Seleksi yang sudah dibuka tidak dapat dihapus.',
  confirmOpen: 'Ya, buka seleksi',
  confirmCloseTitle: 'Tutup seleksi {position}?',
  confirmCloseBody:
    '{decided} dari {count} kandidat sudah diputuskan. Setelah ditutup, tidak ada keputusan yang dapat dicatat atau dikoreksi lagi, dan penutupan tidak dapat dibatalkan.',
  confirmClose: 'Ya, tutup seleksi',
  confirmDecisionTitle: 'Catat keputusan untuk {name}?',
  confirmDecisionBody:
    'Keputusan "{decision}" dengan alasan "{reason}" akan dicatat dan tidak dapat dihapus; koreksi hanya dapat dicatat sebagai keputusan baru.',
  confirmDecisionSupersedes: 'Keputusan ini menggantikan keputusan yang berlaku: {decision}.',
  confirmDecision: 'Ya, catat keputusan',
  decidedOn: '{date} oleh',
  undecided: 'Belum diputuskan',
  decisionHistory: 'Riwayat ({count})',
  superseded: 'Digantikan',
  timesIn: 'Waktu dalam {zone}, zona waktu instansi.', // The staged procedure: stages, scores, the names proposed, the committee's members.
  stagesTitle: 'Tahapan seleksi',
  noStages: 'Seleksi ini dibuka sebelum tahapan dicatat; tidak ada tahap untuk dinilai.',
  stageWeight: 'bobot {weight}',
  stagePassMark: 'ambang lulus {mark}',
  stagePassFail: 'lulus/tidak lulus',
  fromJpm: '(JPM)',
  fromJpmNote: '(JPM) = JPM yang dibekukan menggantikan nilai yang belum dicatat.',
  finalScore: 'Nilai akhir',
  status: 'Status',
  droppedAtStage: 'Gugur pada tahap {stage}',
  stagesIncomplete: 'Belum semua tahap dinilai',
  stagesComplete: 'Semua tahap dinilai',
  tieRule: 'seri: {rule}',
  recordScoreTitle: 'Catat nilai tahap',
  candidate: 'Kandidat',
  stage: 'Tahap',
  scoreField: 'Nilai (0–100)',
  passFailResult: 'Hasil',
  passed: 'Lulus',
  failed: 'Tidak lulus',
  scoreNote: 'Catatan (tidak wajib)',
  note: 'Catatan',
  recordScore: 'Catat nilai',
  scoreOutOfRange: 'Nilai harus berupa angka dari 0 sampai 100.',
  scoreAfterDrop:
    '{name} gugur pada tahap {stage}; nilai tahap sesudahnya tidak dapat dicatat. Koreksi dulu nilai tahap {stage} bila keliru.',
  confirmScoreTitle: 'Catat nilai untuk {name}?',
  confirmScoreBody:
    'Nilai {score} untuk {name} pada tahap {stage} akan dicatat dan tidak dapat dihapus; nilai berikutnya menggantikannya.',
  confirmScore: 'Ya, catat nilai',
  userErrorDropped:
    'Kandidat ini sudah gugur pada tahap sebelumnya; nilai tahap sesudahnya tidak dapat dicatat.',
  proposedTitle: 'Nama yang diusulkan kepada PPK',
  proposedNone: 'Belum ada kandidat yang menyelesaikan semua tahapan tanpa gugur.',
  proposedFewer: 'Hanya {count} kandidat yang menyelesaikan semua tahapan tanpa gugur.',
  membersTitle: 'Panitia seleksi',
  membersNone: 'Anggota panitia belum dicatat.',
  memberRole: 'Peran',
  memberNameOf: 'Nama anggota {n}',
  memberNipOf: 'NIP anggota {n}',
  memberRoleOf: 'Peran anggota {n}',
  addMember: 'Tambah anggota',
  removeMember: 'Hapus anggota {n}',
  setMembers: 'Catat panitia',
  editMembers: 'Ubah susunan panitia',
  membersCount: 'Jumlah anggota harus ganjil, dari 3 sampai 15; saat ini {count}.',
  membersOneChair: 'Harus ada tepat satu ketua; saat ini {count}.',
  membersOneSecretary: 'Paling banyak satu sekretaris; saat ini {count}.',
  nipInvalid: 'NIP harus 18 angka yang sah (tanggal lahir, TMT, jenis kelamin, nomor urut).',
  nipTwice: 'NIP ini sudah dipakai anggota lain.',
  membersSaved: 'Susunan panitia tersimpan.',
  verifyFingerprint: 'Verifikasi sidik jari',
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
  providerSignIn: 'Sign in with your agency account',
  providerSignInIntro: 'Sign in through your agency’s identity provider ({issuer}).',
  providerFailed: 'Signing in through the identity provider failed: {reason}',
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
  criticalGap:
    'Critical competency {name} ({code}) at level {actual}, below the standard of {required}.',
  criticalNotAssessed:
    'Critical competency {name} ({code}) not assessed; its standard is level {required}.',
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
  scaleOPTIMAL: 'Optimal (BRIN 3/2023)',
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
  selectionOpened: 'Opened {date} by',
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
  tabTalent: 'Talent matrix',
  tabHeatMap: 'Competency heat map',
  tabCompliance: '20 JP compliance',
  tabProfessionalism: 'IP ASN',
  tabBench: 'Bench strength',
  analyticsOf: 'Analysis of {name}',
  agencyAnalytics: 'Analysis of the whole agency',
  heatMapIntro:
    'Share of employees at the required level of their own position, by org unit and competency. Red: few meet it; green: many.',
  heatMapCell:
    '{unit}, {competency}: {meeting} of {required} meet it ({share}); mean gap {gap}; {stale} stale; {unassessed} not assessed',
  heatMapEmpty: 'No employee in this scope holds a position requiring a competency.',
  heatMapLegend: 'Numbers: percent meeting the standard. Hover or focus a cell for its detail.',
  complianceTarget: 'Target of {target} JP per employee in {year}',
  reachedTarget: 'Reached the target',
  belowTarget: 'Below the target',
  withoutTraining: 'No training at all',
  averageHours: 'Mean JP per employee',
  totalHours: 'Total JP',
  belowTargetList: 'Employees below the target (fewest JP first)',
  shortfall: 'Short by',
  namesHidden: 'Your role sees counts only, without employees’ names.',
  ipAverage: 'Mean IP ASN in {year}',
  ipDimensions: 'Four dimensions (mean against the maximum weight)',
  ipBands: 'Employees per band',
  qualification: 'Qualification',
  discipline: 'Discipline',
  ofMax: '{value} of {max}',
  benchIntro: 'For each key position: people in the succession pool (boxes 7–9) by readiness.',
  pool: 'Succession pool',
  keyPosition: 'Key position',
  boxActions: 'Suggested actions',
  morePeople: 'and {count} more',
  why: 'Why',
  whyCloses: 'closes the gap in {list}',
  whyRaises: 'raises {list} towards the required level',
  whyPrerequisite: 'prerequisite of {list}',
  whyRequired: 'required by the position',
  courses: '{count} course|{count} courses',
  myPlan: 'Training plan towards {position}',
  myPlanIntro: 'The position that fits you best; its detail is on the fit page.',
  reportShow: 'Top candidates printed',
  reportLegend:
    'Marks: bold ↓ = below the required level; * = stale assessment; – = not assessed. Printed on A4 landscape.',
  belowStandard: 'below the standard',
  staleMark: 'stale assessment',
  orderSeniority: 'Top posts first',
  orderCode: 'By code',
  orderName: 'By name',
  orderBy: 'Order',
  // Talent review (calibration and succession plans)
  navTalentReview: 'Talent review',
  talentReviewTitle: 'Talent review {year}',
  talentReviewIntro:
    'The computed box and the box in force. The talent committee calibrates a box with a reason; the computed box stays beside it.',
  reviewYear: 'Year',
  computedBox: 'Computed box',
  boxInForce: 'Box in force',
  calibrated: 'Calibrated',
  notCalibrated: 'Not calibrated',
  calibrationReason: 'Reason for the calibration',
  calibrate: 'Calibrate',
  calibrateFor: 'Calibrate the box of {name}',
  newBox: 'New box',
  reasonRequired: 'A reason is required.',
  reasonTooLong: 'At most 2,000 characters.',
  confirmCalibrationTitle: 'Confirm the calibration',
  confirmCalibration:
    'The talent box of {name} for {year} will be set to box {box} (computed: box {computed}). The decision is kept in the audit trail and cannot be deleted; a later calibration will supersede it.',
  confirm: 'Yes, set it',
  cancel: 'Cancel',
  calibrationSaved: 'Calibration saved.',
  notPlaced: 'Cannot be placed yet',
  successionPlanLink: 'Succession plan',
  successionPlanTitle: 'Succession plan for {position}',
  successionPlanNone: 'This position has no succession plan yet.',
  planVersion: 'Version {version}',
  planApprovedOn: 'approved {date}',
  successors: 'Successors',
  noSuccessors: 'No successor nominated yet.',
  emergencySuccessor: 'Emergency successor',
  planHistory: 'Plan history',
  computedCandidates: 'Candidates from the succession pool (boxes 7–9)',
  nominate: 'Nominate',
  nominateFor: 'Nominate {name}',
  approvePlan: 'Approve the plan',
  confirmApprovalTitle: 'Confirm the approval',
  confirmApproval:
    'The succession plan for {position}, version {version}, with {count} successor will be approved as one decision. Once approved it cannot change; the next nomination opens a new version.|The succession plan for {position}, version {version}, with {count} successors will be approved as one decision. Once approved it cannot change; the next nomination opens a new version.',
  notKeyPosition: 'Succession plans are for key positions only (JPT, Administrator, Pengawas).',
  nominated: 'Nominated',
  // The committee's procedure (issue 30, item 5): confirmations, checks, decisions, time zones.
  unknownError: 'Something went wrong; nothing changed. Try again.',
  fieldRequired: 'Required; spaces alone are not enough.',
  fieldTooLong: 'At most {max} characters; now {length}.',
  userErrorRequired: 'A required field is empty.',
  userErrorOutOfRange: 'A field is over its limit.',
  userErrorInvalid: 'The input is not valid.',
  userErrorNotFound: 'What this refers to is not in this selection.',
  userErrorClosed: 'This selection is closed; nothing about it changes any more.',
  userErrorAppendOnly: 'What is recorded cannot be changed; record a new entry.',
  selectionNote: 'Opening note (optional)',
  confirmOpenTitle: 'Open the selection for {position}?',
  confirmOpenBody:
    'The ranking of {count} candidate will be frozen and cannot be changed. An opened selection cannot be deleted.|The ranking of {count} candidates will be frozen and cannot be changed. An opened selection cannot be deleted.',
  confirmOpenTop:
    'The ranking of the top {count} of {total} candidates will be frozen and cannot be changed. An opened selection cannot be deleted.',
  confirmOpen: 'Yes, open the selection',
  confirmCloseTitle: 'Close the selection for {position}?',
  confirmCloseBody:
    '{decided} of {count} candidates have a decision. Once closed, no decision can be recorded or corrected, and the closing cannot be undone.',
  confirmClose: 'Yes, close the selection',
  confirmDecisionTitle: 'Record the decision on {name}?',
  confirmDecisionBody:
    'The decision "{decision}" with the reason "{reason}" will be recorded and cannot be deleted; a correction can only be recorded as a new decision.',
  confirmDecisionSupersedes: 'It supersedes the decision in force: {decision}.',
  confirmDecision: 'Yes, record the decision',
  decidedOn: '{date} by',
  undecided: 'Not decided',
  decisionHistory: 'History ({count})',
  superseded: 'Superseded',
  timesIn: 'Times in {zone}, the agency’s time zone.', // The staged procedure: stages, scores, the names proposed, the committee's members.
  stagesTitle: 'Selection stages',
  noStages: 'This selection was opened before stages were kept; there is no stage to score.',
  stageWeight: 'weight {weight}',
  stagePassMark: 'pass mark {mark}',
  stagePassFail: 'pass/fail',
  fromJpm: '(JPM)',
  fromJpmNote: '(JPM) = the frozen JPM stands in for a score not yet recorded.',
  finalScore: 'Total',
  status: 'Status',
  droppedAtStage: 'Dropped at the stage {stage}',
  stagesIncomplete: 'Not every stage scored yet',
  stagesComplete: 'Every stage scored',
  tieRule: 'tie: {rule}',
  recordScoreTitle: 'Record a stage score',
  candidate: 'Candidate',
  stage: 'Stage',
  scoreField: 'Score (0–100)',
  passFailResult: 'Result',
  passed: 'Passed',
  failed: 'Failed',
  scoreNote: 'Note (optional)',
  note: 'Note',
  recordScore: 'Record the score',
  scoreOutOfRange: 'The score must be a number from 0 to 100.',
  scoreAfterDrop:
    '{name} dropped at the stage {stage}; no later stage can be scored. Correct the score of {stage} first if it was wrong.',
  confirmScoreTitle: 'Record the score of {name}?',
  confirmScoreBody:
    'The score {score} for {name} at the stage {stage} will be recorded and cannot be deleted; a later score supersedes it.',
  confirmScore: 'Yes, record the score',
  userErrorDropped: 'This candidate dropped at an earlier stage; no later stage can be scored.',
  proposedTitle: 'Names proposed to the PPK',
  proposedNone: 'No candidate has completed every stage without dropping yet.',
  proposedFewer:
    'Only {count} candidate completed every stage without dropping.|Only {count} candidates completed every stage without dropping.',
  membersTitle: 'Selection committee',
  membersNone: 'The committee’s members are not recorded yet.',
  memberRole: 'Role',
  memberNameOf: 'Name of member {n}',
  memberNipOf: 'NIP of member {n}',
  memberRoleOf: 'Role of member {n}',
  addMember: 'Add a member',
  removeMember: 'Remove member {n}',
  setMembers: 'Record the committee',
  editMembers: 'Change the committee',
  membersCount: 'The committee has an odd number of members, from 3 to 15; now {count}.',
  membersOneChair: 'Exactly one chair; now {count}.',
  membersOneSecretary: 'At most one secretary; now {count}.',
  nipInvalid: 'A NIP is 18 valid digits (birth date, TMT, sex, sequence).',
  nipTwice: 'Another member has this NIP.',
  membersSaved: 'The committee is recorded.',
  verifyFingerprint: 'Verify the fingerprint',
};

/** The enums whose values the console shows (`t.label`): their labels are the API's own. */
const API_LABELLED_ENUMS = [
  'Role',
  'PerformanceRating',
  'Decision',
  'JpmCategory',
  'Readiness',
  'ConditionCode',
  'PlanReason',
  'PositionCategory',
  'ReadinessHorizon',
  'SuccessionPlanStatus',
  'StageKind',
  'CommitteeRole',
  'TieBreak',
] as const;

/** The API's labels of those enums (src/domain/labels.data.ts), by value, in one language. */
function apiLabels(language: 'ID' | 'EN'): Record<string, string> {
  return Object.fromEntries(
    API_LABELLED_ENUMS.flatMap((name) =>
      Object.entries(ENUM_LABELS[name]).map(([value, label]) => [value, label[language]]),
    ),
  );
}

const enumLabels: Record<Language, Record<string, string>> = {
  id: {
    ...apiLabels('ID'),
    // Bands of the professionalism index (a string of the API, not an enum).
    SANGAT_TINGGI: 'Sangat tinggi',
    TINGGI: 'Tinggi',
    SEDANG: 'Sedang',
    RENDAH: 'Rendah',
    SANGAT_RENDAH: 'Sangat rendah',
  },
  en: {
    ...apiLabels('EN'),
    SANGAT_TINGGI: 'Very high',
    TINGGI: 'High',
    SEDANG: 'Medium',
    RENDAH: 'Low',
    SANGAT_RENDAH: 'Very low',
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
    case 'DISCIPLINE':
      return disciplineInIndonesian(c);
    default:
      return c.message;
  }
}

/**
 * The discipline condition (src/domain/fit.scoring.ts `disciplineShortfall`): required "not
 * serving a disciplinary sentence" or "not serving a sentence, none SEDANG or heavier since
 * 2023-05-01"; actual "SEDANG 2024-01-01 – 2024-12-31" (or "… – without end").
 */
function disciplineInIndonesian(c: UnmetConditionText): string {
  const general =
    'Sedang atau pernah menjalani hukuman disiplin yang menghalangi (tingkat dan masa sesuai syarat jabatan).';
  const actual = /^([A-Z]+) (\d{4}-\d{2}-\d{2}) – (.+)$/.exec(c.actual ?? '');
  if (!actual) return general;
  const [, level, from, until] = actual;
  const period = `${datesIn(from)} – ${until === 'without end' ? 'tanpa batas' : datesIn(until)}`;
  const sentence = `hukuman disiplin tingkat ${(disciplineLevels[level] ?? level).toLowerCase()} (${period})`;
  const window = /none ([A-Z]+) or heavier since (\d{4}-\d{2}-\d{2})/.exec(c.required ?? '');
  if (!window) return `Sedang menjalani ${sentence}.`;
  const bar = (disciplineLevels[window[1]] ?? window[1]).toLowerCase();
  return `Tidak boleh sedang menjalani hukuman disiplin, atau dijatuhi hukuman disiplin tingkat ${bar} atau lebih berat sejak ${datesIn(window[2])}; dijatuhi ${sentence}.`;
}

const disciplineLevels: Record<string, string> = Object.fromEntries(
  Object.entries(ENUM_LABELS.DisciplineLevel).map(([value, label]) => [value, label.ID]),
);

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

/** Every word the console can show in a language, for the checks that none is left untranslated. */
export function vocabulary(language: Language): string[] {
  return [
    ...Object.values(dictionaries[language]),
    ...Object.values(enumLabels[language]),
    ...Object.values(errorWords[language]),
  ];
}

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
