import type { CompetencyRecord } from '../domain/dataset.types';

/** How each proficiency level widens the reach of a competency (Permenpan RB 38/2017, in our words). */
const LEVEL_REACH = [
  'Menerapkannya pada pekerjaan sendiri sesuai prosedur dan arahan.',
  'Menerapkannya secara efektif bagi diri sendiri dan membantu rekan satu tim.',
  'Membuat unit kerjanya menerapkannya secara konsisten dan memantau hasilnya.',
  'Membentuk iklim organisasi yang mendukungnya di seluruh instansi.',
  'Menjadi teladan dan rujukan di tingkat instansi maupun nasional.',
];

interface NationalCompetency {
  code: string;
  name: string;
  type: 'MANAGERIAL' | 'SOCIOCULTURAL';
  description: string;
  /** One observable behaviour per level, 1 to 5. */
  indicators: [string, string, string, string, string];
}

/** The national dictionary: 8 managerial competencies and 1 sociocultural one. */
export const NATIONAL_COMPETENCIES: NationalCompetency[] = [
  {
    code: 'M.01',
    name: 'Integritas',
    type: 'MANAGERIAL',
    description:
      'Bertindak jujur, konsisten dan sesuai nilai serta kode etik, juga ketika tidak diawasi.',
    indicators: [
      'Mematuhi aturan dan kode etik dalam tugas sehari-hari.',
      'Mengakui kesalahan sendiri dan menolak gratifikasi.',
      'Menegakkan aturan secara adil di unit kerja tanpa pilih kasih.',
      'Membangun sistem yang menutup celah penyimpangan di instansi.',
      'Dijadikan rujukan integritas oleh instansi lain.',
    ],
  },
  {
    code: 'M.02',
    name: 'Kerja Sama',
    type: 'MANAGERIAL',
    description: 'Membangun dan menjaga hubungan kerja yang saling mendukung untuk tujuan bersama.',
    indicators: [
      'Menyelesaikan bagian tugasnya dalam tim tepat waktu.',
      'Berbagi informasi dan membantu anggota tim yang kesulitan.',
      'Menyatukan pendapat yang berbeda menjadi keputusan tim.',
      'Membangun kerja sama lintas unit dan lintas instansi.',
      'Memprakarsai kemitraan strategis tingkat nasional.',
    ],
  },
  {
    code: 'M.03',
    name: 'Komunikasi',
    type: 'MANAGERIAL',
    description:
      'Menyampaikan dan menerima informasi secara jelas, lisan maupun tertulis, sesuai pendengarnya.',
    indicators: [
      'Menyampaikan informasi dengan jelas dan sopan.',
      'Mendengarkan aktif dan memastikan pesan dipahami.',
      'Menyusun pesan yang meyakinkan bagi pemangku kepentingan unit.',
      'Mengelola komunikasi publik instansi pada isu yang sensitif.',
      'Menjadi juru bicara kebijakan pada forum nasional.',
    ],
  },
  {
    code: 'M.04',
    name: 'Orientasi pada Hasil',
    type: 'MANAGERIAL',
    description:
      'Berfokus pada capaian dan mutu hasil kerja, dengan target yang menantang dan terukur.',
    indicators: [
      'Menyelesaikan pekerjaan sesuai standar mutu yang ditetapkan.',
      'Menetapkan target kerja sendiri dan memantaunya.',
      'Menetapkan ukuran kinerja unit dan memperbaiki proses kerja.',
      'Mengarahkan sumber daya instansi pada hasil yang berdampak.',
      'Menetapkan standar capaian yang diikuti instansi lain.',
    ],
  },
  {
    code: 'M.05',
    name: 'Pelayanan Publik',
    type: 'MANAGERIAL',
    description: 'Memberikan layanan yang cepat, adil dan transparan sesuai kebutuhan masyarakat.',
    indicators: [
      'Melayani masyarakat dengan ramah sesuai standar pelayanan.',
      'Menanggapi keluhan dan mencari penyelesaian yang tepat.',
      'Merancang perbaikan layanan unit berdasarkan umpan balik.',
      'Membangun budaya melayani di seluruh instansi.',
      'Memprakarsai inovasi layanan yang ditiru secara nasional.',
    ],
  },
  {
    code: 'M.06',
    name: 'Pengembangan Diri dan Orang Lain',
    type: 'MANAGERIAL',
    description:
      'Meningkatkan kemampuan diri sendiri dan mengembangkan potensi orang lain secara terencana.',
    indicators: [
      'Mengikuti pengembangan kompetensi yang ditugaskan.',
      'Menyusun rencana belajar sendiri dan berbagi pengetahuan.',
      'Membimbing dan memberi umpan balik kepada bawahan.',
      'Membangun sistem pengembangan talenta di instansi.',
      'Menjadi mentor bagi pemimpin lintas instansi.',
    ],
  },
  {
    code: 'M.07',
    name: 'Mengelola Perubahan',
    type: 'MANAGERIAL',
    description: 'Menyesuaikan diri dengan perubahan dan memimpin orang lain melewatinya.',
    indicators: [
      'Menyesuaikan cara kerja dengan aturan dan sistem baru.',
      'Mengusulkan perbaikan kecil pada cara kerja tim.',
      'Memimpin penerapan perubahan di unit dan mengatasi penolakan.',
      'Merancang agenda perubahan instansi.',
      'Menggerakkan reformasi birokrasi di tingkat nasional.',
    ],
  },
  {
    code: 'M.08',
    name: 'Pengambilan Keputusan',
    type: 'MANAGERIAL',
    description:
      'Mengambil keputusan yang tepat waktu dan dapat dipertanggungjawabkan berdasarkan data.',
    indicators: [
      'Mengambil keputusan rutin sesuai prosedur.',
      'Menimbang beberapa pilihan sebelum memutuskan masalah tim.',
      'Memutuskan masalah unit yang kompleks dengan analisis risiko.',
      'Mengambil keputusan strategis yang berdampak bagi instansi.',
      'Mengambil keputusan kebijakan berskala nasional.',
    ],
  },
  {
    code: 'SK.01',
    name: 'Perekat Bangsa',
    type: 'SOCIOCULTURAL',
    description: 'Menghargai keberagaman dan menjaga persatuan dalam bekerja dan melayani.',
    indicators: [
      'Bersikap hormat kepada rekan dan warga dari latar belakang apa pun.',
      'Mencegah sikap diskriminatif di lingkungan tim.',
      'Mengelola keberagaman di unit sebagai kekuatan.',
      'Membangun kebijakan instansi yang inklusif.',
      'Menjadi perekat kelompok yang berbeda di tingkat nasional.',
    ],
  },
];

/** Technical competencies of the demo province, by field of work. */
export const TECHNICAL_COMPETENCIES: { code: string; name: string; field: string }[] = [
  ['T.SDM.01', 'Manajemen Aparatur Sipil Negara', 'Kepegawaian'],
  ['T.SDM.02', 'Pengembangan Kompetensi Aparatur', 'Kepegawaian'],
  ['T.SDM.03', 'Penilaian Kinerja Pegawai', 'Kepegawaian'],
  ['T.SDM.04', 'Manajemen Talenta', 'Kepegawaian'],
  ['T.KEU.01', 'Penganggaran Daerah', 'Keuangan'],
  ['T.KEU.02', 'Akuntansi Pemerintahan', 'Keuangan'],
  ['T.KEU.03', 'Pengelolaan Barang Milik Daerah', 'Keuangan'],
  ['T.KEU.04', 'Pengadaan Barang dan Jasa', 'Keuangan'],
  ['T.REN.01', 'Perencanaan Pembangunan Daerah', 'Perencanaan'],
  ['T.REN.02', 'Evaluasi Kebijakan Publik', 'Perencanaan'],
  ['T.REN.03', 'Analisis Data Statistik', 'Perencanaan'],
  ['T.HUK.01', 'Penyusunan Produk Hukum Daerah', 'Hukum'],
  ['T.HUK.02', 'Pengawasan Internal', 'Pengawasan'],
  ['T.HUK.03', 'Audit Kinerja', 'Pengawasan'],
  ['T.TIK.01', 'Tata Kelola Sistem Pemerintahan Berbasis Elektronik', 'Kominfo'],
  ['T.TIK.02', 'Keamanan Informasi', 'Kominfo'],
  ['T.TIK.03', 'Pengelolaan Data dan Statistik Sektoral', 'Kominfo'],
  ['T.TIK.04', 'Pengembangan Aplikasi', 'Kominfo'],
  ['T.KES.01', 'Manajemen Pelayanan Kesehatan', 'Kesehatan'],
  ['T.KES.02', 'Surveilans Epidemiologi', 'Kesehatan'],
  ['T.KES.03', 'Promosi Kesehatan', 'Kesehatan'],
  ['T.PDK.01', 'Manajemen Satuan Pendidikan', 'Pendidikan'],
  ['T.PDK.02', 'Pengembangan Kurikulum', 'Pendidikan'],
  ['T.PU.01', 'Perencanaan Infrastruktur Jalan dan Jembatan', 'Pekerjaan Umum'],
  ['T.PU.02', 'Pengawasan Konstruksi', 'Pekerjaan Umum'],
  ['T.PU.03', 'Pengelolaan Sumber Daya Air', 'Pekerjaan Umum'],
  ['T.ARS.01', 'Pengelolaan Arsip Dinamis', 'Kearsipan'],
  ['T.UMM.01', 'Administrasi Perkantoran', 'Umum'],
  ['T.UMM.02', 'Protokol dan Kehumasan', 'Umum'],
  ['T.LH.01', 'Pengendalian Dampak Lingkungan', 'Lingkungan Hidup'],
].map(([code, name, field]) => ({ code, name, field }));

/** The competency dictionary of the demo: national with our level texts, plus technical. */
export function demoCompetencies(): CompetencyRecord[] {
  const national = NATIONAL_COMPETENCIES.map((c) => ({
    code: c.code,
    name: c.name,
    type: c.type,
    description: c.description,
    levels: LEVEL_REACH.map((reach, i) => ({
      level: i + 1,
      description: `${c.name}: ${reach}`,
      indicators: [c.indicators[i]],
    })),
  }));
  const technical = TECHNICAL_COMPETENCIES.map(technicalCompetencyRecord);
  return [...national, ...technical];
}

/** The dataset record of a technical competency, with its five levels. */
export function technicalCompetencyRecord(c: { code: string; name: string; field: string }) {
  return {
    code: c.code,
    name: c.name,
    type: 'TECHNICAL',
    description: `Kompetensi teknis bidang ${c.field}: ${c.name.toLowerCase()}.`,
    levels: LEVEL_REACH.map((reach, i) => ({
      level: i + 1,
      description: `${c.name}: ${reach}`,
      indicators: [
        [
          `Melaksanakan tugas ${c.name.toLowerCase()} yang rutin dengan panduan.`,
          `Melaksanakan tugas ${c.name.toLowerCase()} secara mandiri.`,
          `Mengoordinasikan kegiatan ${c.name.toLowerCase()} di unit kerja.`,
          `Merumuskan kebijakan ${c.name.toLowerCase()} instansi.`,
          `Menjadi rujukan nasional bidang ${c.name.toLowerCase()}.`,
        ][i],
      ],
    })),
  };
}
