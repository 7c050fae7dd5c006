/** Position categories of UU ASN, senior executive to functional skilled. */
export enum PositionCategory {
  JPT_UTAMA = 'JPT_UTAMA',
  JPT_MADYA = 'JPT_MADYA',
  JPT_PRATAMA = 'JPT_PRATAMA',
  ADMINISTRATOR = 'ADMINISTRATOR',
  PENGAWAS = 'PENGAWAS',
  PELAKSANA = 'PELAKSANA',
  FUNGSIONAL_AHLI_UTAMA = 'FUNGSIONAL_AHLI_UTAMA',
  FUNGSIONAL_AHLI_MADYA = 'FUNGSIONAL_AHLI_MADYA',
  FUNGSIONAL_AHLI_MUDA = 'FUNGSIONAL_AHLI_MUDA',
  FUNGSIONAL_AHLI_PERTAMA = 'FUNGSIONAL_AHLI_PERTAMA',
  FUNGSIONAL_PENYELIA = 'FUNGSIONAL_PENYELIA',
  FUNGSIONAL_MAHIR = 'FUNGSIONAL_MAHIR',
  FUNGSIONAL_TERAMPIL = 'FUNGSIONAL_TERAMPIL',
  FUNGSIONAL_PEMULA = 'FUNGSIONAL_PEMULA',
}

/** SKP performance ratings, best first (the order is `PERFORMANCE_RATINGS`). */
export enum PerformanceRating {
  SANGAT_BAIK = 'SANGAT_BAIK',
  BAIK = 'BAIK',
  BUTUH_PERBAIKAN = 'BUTUH_PERBAIKAN',
  KURANG = 'KURANG',
  SANGAT_KURANG = 'SANGAT_KURANG',
}

/** Display names (Indonesian) of the categories, and the retirement age that applies. */
export const POSITION_CATEGORY_INFO: Record<
  PositionCategory,
  { name: string; retirementAge: number; echelon?: string }
> = {
  JPT_UTAMA: { name: 'Jabatan Pimpinan Tinggi Utama', retirementAge: 60, echelon: 'I' },
  JPT_MADYA: { name: 'Jabatan Pimpinan Tinggi Madya', retirementAge: 60, echelon: 'I' },
  JPT_PRATAMA: { name: 'Jabatan Pimpinan Tinggi Pratama', retirementAge: 60, echelon: 'II' },
  ADMINISTRATOR: { name: 'Jabatan Administrator', retirementAge: 58, echelon: 'III' },
  PENGAWAS: { name: 'Jabatan Pengawas', retirementAge: 58, echelon: 'IV' },
  PELAKSANA: { name: 'Jabatan Pelaksana', retirementAge: 58 },
  FUNGSIONAL_AHLI_UTAMA: { name: 'Jabatan Fungsional Ahli Utama', retirementAge: 65 },
  FUNGSIONAL_AHLI_MADYA: { name: 'Jabatan Fungsional Ahli Madya', retirementAge: 60 },
  FUNGSIONAL_AHLI_MUDA: { name: 'Jabatan Fungsional Ahli Muda', retirementAge: 58 },
  FUNGSIONAL_AHLI_PERTAMA: { name: 'Jabatan Fungsional Ahli Pertama', retirementAge: 58 },
  FUNGSIONAL_PENYELIA: { name: 'Jabatan Fungsional Penyelia', retirementAge: 58 },
  FUNGSIONAL_MAHIR: { name: 'Jabatan Fungsional Mahir', retirementAge: 58 },
  FUNGSIONAL_TERAMPIL: { name: 'Jabatan Fungsional Terampil', retirementAge: 58 },
  FUNGSIONAL_PEMULA: { name: 'Jabatan Fungsional Pemula', retirementAge: 58 },
};
