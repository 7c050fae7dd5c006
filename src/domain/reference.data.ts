/** The PNS rank ladder (pangkat/golongan), lowest first; `ordinal` orders it. */
export const RANKS = [
  { code: 'I/a', name: 'Juru Muda', grade: 'I' },
  { code: 'I/b', name: 'Juru Muda Tingkat I', grade: 'I' },
  { code: 'I/c', name: 'Juru', grade: 'I' },
  { code: 'I/d', name: 'Juru Tingkat I', grade: 'I' },
  { code: 'II/a', name: 'Pengatur Muda', grade: 'II' },
  { code: 'II/b', name: 'Pengatur Muda Tingkat I', grade: 'II' },
  { code: 'II/c', name: 'Pengatur', grade: 'II' },
  { code: 'II/d', name: 'Pengatur Tingkat I', grade: 'II' },
  { code: 'III/a', name: 'Penata Muda', grade: 'III' },
  { code: 'III/b', name: 'Penata Muda Tingkat I', grade: 'III' },
  { code: 'III/c', name: 'Penata', grade: 'III' },
  { code: 'III/d', name: 'Penata Tingkat I', grade: 'III' },
  { code: 'IV/a', name: 'Pembina', grade: 'IV' },
  { code: 'IV/b', name: 'Pembina Tingkat I', grade: 'IV' },
  { code: 'IV/c', name: 'Pembina Utama Muda', grade: 'IV' },
  { code: 'IV/d', name: 'Pembina Utama Madya', grade: 'IV' },
  { code: 'IV/e', name: 'Pembina Utama', grade: 'IV' },
].map((rank, index) => ({ ...rank, ordinal: index + 1 }));

/** Education levels, lowest first; D4 is equivalent to S1 and is stored as S1. */
export const EDUCATION_LEVELS = [
  { code: 'SD', name: 'Sekolah Dasar' },
  { code: 'SMP', name: 'Sekolah Menengah Pertama' },
  { code: 'SMA', name: 'Sekolah Menengah Atas / Kejuruan' },
  { code: 'D1', name: 'Diploma I' },
  { code: 'D2', name: 'Diploma II' },
  { code: 'D3', name: 'Diploma III' },
  { code: 'S1', name: 'Sarjana / Diploma IV' },
  { code: 'S2', name: 'Magister' },
  { code: 'S3', name: 'Doktor' },
].map((level, index) => ({ ...level, ordinal: index + 1 }));

const RANK_CODES = new Set(RANKS.map((r) => r.code));
const EDUCATION_CODES = new Set(EDUCATION_LEVELS.map((e) => e.code));

/** Whether `code` is a rank of the PNS ladder (`I/a` … `IV/e`). */
export function isRankCode(code: string): boolean {
  return RANK_CODES.has(code);
}

/** The stored education code for an input code: `D4` is `S1`; unknown codes give undefined. */
export function normaliseEducationCode(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  if (upper === 'D4') return 'S1';
  return EDUCATION_CODES.has(upper) ? upper : undefined;
}

/** SKP performance ratings from best to worst: the one order every comparison ("at least BAIK") uses. */
export const PERFORMANCE_RATINGS = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
] as const;

/** Every ASN's right to competency development: at least 20 JP (1 JP = 45 minutes) a year. */
export const YEARLY_DEVELOPMENT_HOURS = 20;
