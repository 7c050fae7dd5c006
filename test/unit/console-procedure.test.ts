import { describe, expect, it } from 'vitest';
import { FROZEN_CANDIDATES, MAX_TEXT } from '../../src/modules/selection/selection.service';
import { mayOpen, offeredAgencies, scopedAgency } from '../../web/src/access';
import { ApiError } from '../../web/src/api-error';
import {
  MAX_FROZEN_CANDIDATES,
  MAX_SELECTION_TEXT,
  checkText,
  sayFailure,
  sayProblem,
  sayUserErrors,
} from '../../web/src/procedure';
import { translator, vocabulary } from '../../web/src/words';
import { formatDateTime, todayIn, zoneOfAgency, zoneSuffix } from '../../web/src/zone';

const id = translator('id');

describe('the console’s time zones', () => {
  it.each([
    [{ code: 'PROV-MALUKU', name: 'Pemerintah Provinsi Maluku' }, 'Asia/Jayapura'],
    [{ code: 'KAB-MALTENG', name: 'Kabupaten Maluku Tengah' }, 'Asia/Jayapura'],
    [{ code: 'PROV-PAPUA-BARAT' }, 'Asia/Jayapura'],
    [{ code: 'PROV-BALI' }, 'Asia/Makassar'],
    [{ code: 'X', name: 'Pemerintah Provinsi Kalimantan Timur' }, 'Asia/Makassar'],
    [{ code: 'PROV-KALTARA' }, 'Asia/Makassar'],
    [{ code: 'PROV-SULSEL' }, 'Asia/Makassar'],
    [{ code: 'X', name: 'Pemerintah Provinsi Nusa Tenggara Timur' }, 'Asia/Makassar'],
    [{ code: 'X', name: 'Pemerintah Provinsi Kalimantan Barat' }, 'Asia/Jakarta'],
    [{ code: 'PROV-JATENG' }, 'Asia/Jakarta'],
    [{ code: 'X', name: 'Pemerintah Aceh' }, 'Asia/Jakarta'],
    [{ code: 'KEMENKEU', name: 'Kementerian Keuangan' }, 'Asia/Jakarta'],
  ])('places %o in %s', (agency, zone) => {
    expect(zoneOfAgency(agency)).toBe(zone);
  });

  it('takes the agency’s own time zone over its province when the API gives one', () => {
    expect(zoneOfAgency({ code: 'PROV-MALUKU', timeZone: 'Asia/Makassar' })).toBe('Asia/Makassar');
    expect(zoneOfAgency({ code: 'PROV-MALUKU', timeZone: 'Europe/Paris' })).toBe('Asia/Jayapura');
  });

  it('shows one moment in each zone with its suffix', () => {
    const moment = '2026-12-07T17:05:00Z';
    expect(formatDateTime(moment, 'Asia/Jakarta', 'id')).toBe('8 Desember 2026 pukul 00.05 WIB');
    expect(formatDateTime(moment, 'Asia/Makassar', 'id')).toBe('8 Desember 2026 pukul 01.05 WITA');
    expect(formatDateTime(moment, 'Asia/Jayapura', 'id')).toBe('8 Desember 2026 pukul 02.05 WIT');
    expect(formatDateTime(moment, 'Asia/Jayapura', 'en')).toBe('8 December 2026 at 02:05 WIT');
    expect(zoneSuffix('Asia/Makassar')).toBe('WITA');
  });

  it('dates today by the agency’s calendar', () => {
    const lateInJakarta = new Date('2026-12-07T16:30:00Z');
    expect(todayIn('Asia/Jakarta', 'id', lateInJakarta)).toBe('7 Desember 2026');
    expect(todayIn('Asia/Jayapura', 'id', lateInJakarta)).toBe('8 Desember 2026');
  });
});

describe('the checks on the committee’s text', () => {
  it('mirrors the API’s limits', () => {
    expect(MAX_SELECTION_TEXT).toBe(MAX_TEXT);
    expect(MAX_FROZEN_CANDIDATES).toBe(FROZEN_CANDIDATES);
  });

  it.each(['', '   ', '\n\t'])('refuses the empty or blank reason %j in Indonesian', (reason) => {
    const problem = checkText(reason, { required: true, max: MAX_SELECTION_TEXT });
    expect(problem && sayProblem(id, problem)).toBe('Wajib diisi; spasi saja tidak cukup.');
  });

  it('refuses text over the limit, saying the limit and the length', () => {
    const problem = checkText('x'.repeat(MAX_SELECTION_TEXT + 1), { required: false, max: 2000 });
    expect(problem && sayProblem(id, problem)).toBe(
      'Paling banyak 2.000 karakter; saat ini 2.001.',
    );
  });

  it('lets through a reason at the limit and an empty optional note', () => {
    expect(
      checkText('x'.repeat(MAX_SELECTION_TEXT), { required: true, max: 2000 }),
    ).toBeUndefined();
    expect(checkText('', { required: false, max: 2000 })).toBeUndefined();
  });
});

describe('the API’s refusals in words', () => {
  it('words user errors by their code, never the API’s message', () => {
    expect(sayUserErrors(id, [{ code: 'CLOSED' }])).toBe(
      'Seleksi ini sudah ditutup; tidak ada yang dapat diubah lagi.',
    );
    expect(sayUserErrors(id, [{ code: 'REQUIRED' }, { code: 'REQUIRED' }])).toBe(
      'Isian wajib belum diisi.',
    );
    expect(sayUserErrors(id, [{ code: 'SOMETHING_NEW' }])).toBe('Isian tidak valid.');
  });

  it('words failed requests by their code, and an unknown code generically', () => {
    expect(
      sayFailure(id, new ApiError('The ANALYST role may not do this.', 'FORBIDDEN', 200)),
    ).toBe('Peran Anda tidak boleh melihat ini.');
    expect(sayFailure(id, new ApiError('boom', 'INTERNAL_SERVER_ERROR', 500))).toBe(
      'Terjadi kesalahan; tidak ada yang berubah. Coba lagi.',
    );
    expect(sayFailure(id, new Error('x'))).toBe(id('unknownError'));
  });

  it('has every new word in both languages', () => {
    expect(vocabulary('id')).toHaveLength(vocabulary('en').length);
  });
});

describe('the links each role is offered', () => {
  const analyst = { role: 'ANALYST' };
  const hr = { role: 'HR', agency: 'PROV-MALUKU' };
  const committee = { role: 'COMMITTEE', agency: 'PROV-MALUKU' };
  const employee = { role: 'EMPLOYEE', nip: '198609262015051001' };

  it('offers an analyst no person, position, fit or selection', () => {
    for (const place of ['position', 'employee', 'fit', 'compare', 'report', 'selection'] as const)
      expect(mayOpen(analyst, place, { agency: 'PROV-MALUKU' })).toBe(false);
    expect(mayOpen(analyst, 'unit', { agency: 'PROV-MALUKU' })).toBe(true);
  });

  it('offers HR and the committee their own agency only', () => {
    for (const claims of [hr, committee]) {
      expect(mayOpen(claims, 'unit', { agency: 'PROV-MALUKU' })).toBe(true);
      expect(mayOpen(claims, 'unit', { agency: 'KAB-SBB' })).toBe(false);
      expect(mayOpen(claims, 'agency', { agency: 'KOTA-AMBON' })).toBe(false);
      expect(mayOpen(claims, 'position', { agency: 'KAB-SBB' })).toBe(false);
      expect(scopedAgency(claims)).toBe('PROV-MALUKU');
      expect(
        offeredAgencies(claims, [{ code: 'PROV-MALUKU' }, { code: 'KAB-SBB' }]).map((a) => a.code),
      ).toEqual(['PROV-MALUKU']);
    }
    expect(scopedAgency({ role: 'ADMIN' })).toBeUndefined();
    expect(offeredAgencies({ role: 'ADMIN' }, [{ code: 'A' }, { code: 'B' }])).toHaveLength(2);
  });

  it('offers an employee their own page and fits, nobody else’s, and no position', () => {
    expect(mayOpen(employee, 'employee', { nip: employee.nip })).toBe(true);
    expect(mayOpen(employee, 'fit', { nip: employee.nip })).toBe(true);
    expect(mayOpen(employee, 'employee', { nip: '197001011990031001' })).toBe(false);
    expect(mayOpen(employee, 'position')).toBe(false);
    expect(mayOpen(employee, 'units')).toBe(false);
  });
});
