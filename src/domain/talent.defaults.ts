/** Default names and suggested actions of the nine boxes (our words; data, editable per deployment). */
export const DEFAULT_BOX_ACTIONS: { box: number; label: string; action: string }[] = [
  {
    box: 1,
    label: 'Kinerja dan potensi rendah',
    action:
      'Tangani sesuai ketentuan disiplin dan manajemen kinerja; tetapkan target perbaikan yang terukur.',
  },
  {
    box: 2,
    label: 'Kinerja sesuai, potensi rendah',
    action: 'Pertahankan pada jabatan saat ini; beri pelatihan teknis untuk menjaga kinerja.',
  },
  {
    box: 3,
    label: 'Kinerja di bawah, potensi menengah',
    action: 'Coaching kinerja oleh atasan langsung; evaluasi kesesuaian tugas.',
  },
  {
    box: 4,
    label: 'Kinerja di atas, potensi rendah',
    action: 'Pertahankan sebagai tenaga andal; beri penghargaan dan rotasi dalam bidang yang sama.',
  },
  {
    box: 5,
    label: 'Kinerja sesuai, potensi menengah',
    action: 'Kembangkan melalui pelatihan dan penugasan yang lebih menantang.',
  },
  {
    box: 6,
    label: 'Kinerja di bawah, potensi tinggi',
    action: 'Cari penyebab rendahnya kinerja; mentoring dan penempatan yang lebih sesuai.',
  },
  {
    box: 7,
    label: 'Kinerja di atas, potensi menengah',
    action: 'Masuk kelompok rencana suksesi; kembangkan potensi melalui penugasan khusus.',
  },
  {
    box: 8,
    label: 'Kinerja sesuai, potensi tinggi',
    action: 'Masuk kelompok rencana suksesi; percepat pengembangan untuk jabatan berikutnya.',
  },
  {
    box: 9,
    label: 'Kinerja dan potensi tinggi',
    action: 'Promosikan dan pertahankan; prioritas utama untuk jabatan kunci.',
  },
];
