import { describe, expect, it } from 'vitest';
import { translator } from '../../web/src/words';

describe('the console’s words', () => {
  const id = translator('id');
  const en = translator('en');

  it.each([
    [1, '1 candidate'],
    [2, '2 candidates'],
    [0, '0 candidates'],
  ])('says %d in English by the plural rules', (count, said) => {
    expect(en('candidatesCount', { count })).toBe(said);
  });

  it('keeps Indonesian without plural forms', () => {
    expect(id('candidatesCount', { count: 1 })).toBe('1 kandidat');
    expect(id('candidatesCount', { count: 5 })).toBe('5 kandidat');
  });

  it('names roles and ratings, never by their codes', () => {
    expect(
      ['COMMITTEE', 'HR', 'ADMIN', 'EMPLOYEE', 'ANALYST'].map((role) => id.label(role)),
    ).toEqual(['Panitia seleksi', 'Kepegawaian (BKD)', 'Administrator', 'Pegawai', 'Analis']);
    expect(id.label('BUTUH_PERBAIKAN')).toBe('Butuh perbaikan');
  });

  it('words unmet conditions in Indonesian with Indonesian dates and ratings', () => {
    expect(
      id.condition({
        code: 'PERFORMANCE_TOO_LOW',
        message: 'x',
        required: 'BAIK in 2023–2025',
        actual: '2024: none',
      }),
    ).toBe('Kinerja minimal Baik pada tahun 2023–2025; 2024: tidak ada.');
    expect(
      id.condition({
        code: 'PERFORMANCE_TOO_LOW',
        message: 'x',
        required: 'BAIK in 2024–2025',
        actual: '2025: BUTUH_PERBAIKAN',
      }),
    ).toBe('Kinerja minimal Baik pada tahun 2024–2025; 2025: Butuh perbaikan.');
    expect(
      id.condition({
        code: 'ASSESSMENT_STALE',
        message: 'x',
        required: null,
        actual: '2022-07-13',
      }),
    ).toBe('Asesmen kompetensi persyaratan sudah melewati masa berlaku (terlama 13 Juli 2022).');
    // DISCIPLINE: the level and period from the values, else the general sentence.
    expect(
      id.condition({
        code: 'DISCIPLINE',
        message: 'x',
        required: 'not serving a sentence, none SEDANG or heavier since 2023-05-01',
        actual: 'BERAT 2024-01-01 – 2024-12-31',
      }),
    ).toBe(
      'Tidak boleh sedang menjalani hukuman disiplin, atau dijatuhi hukuman disiplin tingkat sedang atau lebih berat sejak 1 Mei 2023; dijatuhi hukuman disiplin tingkat berat (1 Januari 2024 – 31 Desember 2024).',
    );
    expect(
      id.condition({
        code: 'DISCIPLINE',
        message: 'x',
        required: 'not serving a disciplinary sentence',
        actual: 'RINGAN 2026-01-01 – without end',
      }),
    ).toBe('Sedang menjalani hukuman disiplin tingkat ringan (1 Januari 2026 – tanpa batas).');
    expect(id.condition({ code: 'DISCIPLINE', message: 'x' })).toBe(
      'Sedang atau pernah menjalani hukuman disiplin yang menghalangi (tingkat dan masa sesuai syarat jabatan).',
    );
    expect(id.label('CHAIR')).toBe('Ketua');
    expect(id.label('ADMINISTRATION')).toBe('Seleksi administrasi');
  });
});
