import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NUMBER_FORMAT,
  formatNumber,
  numberFormatProblem,
  placeAndDate,
  pukul,
  yearAndMonth,
} from '../../src/domain/berita-acara';
import { committeeProblems, CommitteeRole, signingOrder } from '../../src/domain/committee';
import { parseLogo } from '../../src/domain/logo';
import { labelOf } from '../../src/domain/labels';
import {
  FingerprintScheme,
  membersMacOf,
  verifyMembers,
} from '../../src/modules/selection/selection.record';
import {
  IANA_ZONE,
  PROVINCES,
  provinceOf,
  timeZoneOfProvince,
  zoneAbbreviation,
} from '../../src/domain/province';
import {
  formatJpm,
  notQualifiedReasons,
  notQualifiedText,
  reasonPhrase,
  inSentence,
  reportLabel,
} from '../../src/domain/selection.format';

/** The zone of every province by the rule of DOMAIN.md §10, written out once by island group. */
const EXPECTED_ZONES: Record<string, 'WIB' | 'WITA' | 'WIT'> = {
  Aceh: 'WIB',
  'Sumatera Utara': 'WIB',
  'Sumatera Barat': 'WIB',
  Riau: 'WIB',
  Jambi: 'WIB',
  'Sumatera Selatan': 'WIB',
  Bengkulu: 'WIB',
  Lampung: 'WIB',
  'Kepulauan Bangka Belitung': 'WIB',
  'Kepulauan Riau': 'WIB',
  'DKI Jakarta': 'WIB',
  'Jawa Barat': 'WIB',
  'Jawa Tengah': 'WIB',
  'DI Yogyakarta': 'WIB',
  'Jawa Timur': 'WIB',
  Banten: 'WIB',
  'Kalimantan Barat': 'WIB',
  'Kalimantan Tengah': 'WIB',
  Bali: 'WITA',
  'Nusa Tenggara Barat': 'WITA',
  'Nusa Tenggara Timur': 'WITA',
  'Kalimantan Selatan': 'WITA',
  'Kalimantan Timur': 'WITA',
  'Kalimantan Utara': 'WITA',
  'Sulawesi Utara': 'WITA',
  'Sulawesi Tengah': 'WITA',
  'Sulawesi Selatan': 'WITA',
  'Sulawesi Tenggara': 'WITA',
  Gorontalo: 'WITA',
  'Sulawesi Barat': 'WITA',
  Maluku: 'WIT',
  'Maluku Utara': 'WIT',
  Papua: 'WIT',
  'Papua Barat': 'WIT',
  'Papua Selatan': 'WIT',
  'Papua Tengah': 'WIT',
  'Papua Pegunungan': 'WIT',
  'Papua Barat Daya': 'WIT',
};

describe('province time zones', () => {
  it('knows all 38 provinces, each code once', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(38);
    expect(PROVINCES.map((p) => p.name).sort()).toEqual(Object.keys(EXPECTED_ZONES).sort());
  });

  it.each(PROVINCES.map((p) => [p.name, p.code] as const))(
    '%s (%s) keeps the zone the rule gives, by code and by name',
    (name, code) => {
      const zone = IANA_ZONE[EXPECTED_ZONES[name]];
      expect(timeZoneOfProvince(code)).toBe(zone);
      expect(timeZoneOfProvince(name)).toBe(zone);
      expect(timeZoneOfProvince(`Provinsi ${name.toUpperCase()}`)).toBe(zone);
    },
  );

  it.each([
    ['NTT', '53'],
    ['jakarta', '31'],
    ['D.I. Yogyakarta', '34'],
    ['Kepri', '21'],
    ['  maluku  utara ', '82'],
  ])('reads "%s" as province %s', (text, code) => {
    expect(provinceOf(text)?.code).toBe(code);
  });

  it.each(['Atlantis', '99', '8', '', 'Maluku Selatan'])('knows no province "%s"', (text) => {
    expect(provinceOf(text)).toBeUndefined();
  });

  it('falls back to WIB without a province, and names the zones', () => {
    expect(timeZoneOfProvince(null)).toBe('Asia/Jakarta');
    expect(timeZoneOfProvince('Atlantis')).toBe('Asia/Jakarta');
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Europe/Paris')).toBeUndefined();
  });
});

describe('the date and place of a berita acara', () => {
  // 7 December 2026, 16:30 UTC: already the 8th in WIT (UTC+9), still the 7th in WIB (UTC+7).
  const lateEvening = new Date('2026-12-07T16:30:00Z');

  it.each([
    ['Asia/Jakarta', 'Jakarta', 'Jakarta, 7 Desember 2026', '23.30 WIB'],
    ['Asia/Makassar', 'Makassar', 'Makassar, 8 Desember 2026', '00.30 WITA'],
    ['Asia/Jayapura', 'Ambon', 'Ambon, 8 Desember 2026', '01.30 WIT'],
  ])('in %s: "%s, …" and the time with its zone', (zone, place, line, time) => {
    expect(placeAndDate(place, lateEvening, zone)).toBe(line);
    expect(pukul(lateEvening, zone)).toBe(time);
  });

  it('counts the numbering year in the agency’s zone: New Year’s Eve in WIB is New Year in WIT', () => {
    const moment = new Date('2026-12-31T16:00:00Z');
    expect(yearAndMonth(moment, 'Asia/Jakarta')).toEqual({ year: 2026, month: 12 });
    expect(yearAndMonth(moment, 'Asia/Jayapura')).toEqual({ year: 2027, month: 1 });
  });
});

describe('berita acara numbers', () => {
  it.each([
    ['800/{seq}/BKD/{year}', 7, 2026, 12, '800/7/BKD/2026'],
    ['800/{seq:3}/BKD/{year}', 7, 2026, 12, '800/007/BKD/2026'],
    ['{seq:2}/{month}/{year}', 123, 2026, 3, '123/03/2026'],
    [DEFAULT_NUMBER_FORMAT, 1, 2026, 12, 'BA-001/XII/2026'],
    ['BA.{seq}/{roman}', 4, 2027, 4, 'BA.4/IV'],
  ])('%s with sequence %i in %i-%i is %s', (format, seq, year, month, expected) => {
    expect(numberFormatProblem(format)).toBeNull();
    expect(formatNumber(format, seq, { year, month })).toBe(expected);
  });

  it.each([
    ['800/BKD/{year}', 'exactly once'],
    ['{seq}/{seq}', 'exactly once'],
    ['{seq}/{day}', '{day} is not a placeholder'],
    ['{seq:0}', 'width'],
    ['{seq:7}', 'width'],
    ['{year:4}/{seq}', 'is not a placeholder'],
    ['{seq}/{year', 'brace'],
    ['', 'characters'],
    [`{seq}${'x'.repeat(100)}`, 'characters'],
    ['{seq}\n', 'control'],
  ])('refuses the format %j (%s)', (format, problem) => {
    expect(numberFormatProblem(format)).toContain(problem);
  });
});

const NIPS = ['198609262015051001', '197501012000032002', '198001152005011003'];
const member = (nip: string, role: CommitteeRole, name = 'Dr. Ina Latuconsina, M.Si.') => ({
  name,
  nip,
  role,
});

describe('a committee’s members', () => {
  const three = [
    member(NIPS[0], CommitteeRole.MEMBER),
    member(NIPS[1], CommitteeRole.CHAIR),
    member(NIPS[2], CommitteeRole.SECRETARY),
  ];

  it('takes an odd number with one chair, and signs chair, secretary, members', () => {
    expect(committeeProblems(three)).toEqual([]);
    expect(signingOrder(three).map((m) => m.role)).toEqual(['CHAIR', 'SECRETARY', 'MEMBER']);
  });

  it.each([
    [
      'an even number',
      [...three, member('198203032006041004', CommitteeRole.MEMBER)],
      null,
      'odd number',
    ],
    ['too few', three.slice(0, 1), null, 'from 3 to 15'],
    ['too many', Array.from({ length: 17 }, () => three[0]), null, 'not 17'],
    [
      'no chair',
      three.map((m) => ({ ...m, role: CommitteeRole.MEMBER })),
      null,
      'exactly one CHAIR',
    ],
    [
      'a bad NIP',
      [three[0], three[1], { ...three[2], nip: '19800115200501100' }],
      2,
      'members[2].nip',
    ],
    ['a NIP twice', [three[0], three[1], { ...three[2], nip: NIPS[0] }], 2, 'already members[0]'],
    ['an empty name', [three[0], { ...three[1], name: '   ' }, three[2]], 1, 'members[1].name'],
  ])('refuses %s, naming where', (_what, members, index, message) => {
    const problems = committeeProblems(members);
    expect(problems.some((p) => p.index === index && p.message.includes(message))).toBe(true);
  });
});

describe('the one formatter of a verdict', () => {
  it.each([
    [94.59, '94,6'],
    [94.55, '94,6'],
    [94.54, '94,5'],
    [100, '100,0'],
    [0, '0,0'],
    [78, '78,0'],
    [1234.56, '1234,6'],
  ])('writes JPM %d as %s', (value, text) => {
    expect(formatJpm(value)).toBe(text);
  });

  it('writes JPM in English with a decimal point', () => {
    expect(formatJpm(94.59, 'en')).toBe('94.6');
  });

  const verdict = {
    jobPersonMatch: 80,
    threshold: 78,
    qualified: false,
    unmetConditions: [] as { code: string }[],
    terms: [
      { critical: true, gap: -1 },
      { critical: false, gap: -2 },
      { critical: true, gap: 0 },
    ],
  };

  it('gives the critical gap that makes a candidate with every condition met unqualified', () => {
    expect(notQualifiedReasons(verdict)).toEqual([{ kind: 'CRITICAL_GAP', count: 1 }]);
    expect(notQualifiedText(verdict)).toBe('1 kompetensi kritis di bawah standar');
    expect(notQualifiedText(verdict, 'en')).toBe('1 critical competency below standard');
  });

  it('gives every reason in order: conditions, critical gaps, the threshold', () => {
    const reasons = notQualifiedReasons({
      ...verdict,
      jobPersonMatch: 70.25,
      unmetConditions: [{ code: 'PERFORMANCE_TOO_LOW' }, { code: 'RANK_TOO_LOW' }],
    });
    expect(reasons.map((r) => reasonPhrase(r))).toEqual([
      'kinerja di bawah syarat',
      'pangkat di bawah syarat',
      '1 kompetensi kritis di bawah standar',
      'JPM di bawah ambang 78,0',
    ]);
  });

  it('gives no reason for a qualified candidate', () => {
    expect(notQualifiedReasons({ ...verdict, qualified: true })).toEqual([]);
  });

  it('labels every value the report prints from the one label table, never with the code itself', () => {
    const printed: Record<string, string[]> = {
      Decision: ['SHORTLISTED', 'SELECTED', 'NOT_SELECTED', 'WITHDRAWN'],
      PerformanceRating: ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'],
      CommitteeRole: Object.values(CommitteeRole),
      TieBreak: ['COMPETENCY_SCORE', 'JOB_PERSON_MATCH', 'FROZEN_RANKING'],
      ConditionCode: ['RANK_TOO_LOW', 'NOT_ASSESSED', 'NEAR_RETIREMENT'],
      JpmCategory: ['OPTIMAL', 'KURANG_MEMENUHI_SYARAT'],
    };
    for (const [enumName, values] of Object.entries(printed))
      for (const value of values) {
        const label = reportLabel(enumName, value);
        expect(label, `${enumName}.${value}`).not.toBe(value);
        if (enumName !== 'ConditionCode') expect(label).toBe(labelOf(enumName, value, 'ID'));
      }
    expect(reportLabel('PerformanceRating', 'BAIK')).toBe('Baik');
    expect(inSentence('Nilai kompetensi lebih tinggi')).toBe('nilai kompetensi lebih tinggi');
    expect(inSentence('JPM lebih tinggi')).toBe('JPM lebih tinggi');
    expect(reportLabel('JpmScale', 'OPTIMAL')).not.toContain('OPTIMAL');
    expect(reportLabel('Boolean', true)).toBe('ya');
  });
});

/** A PNG header of the given size (signature and IHDR; enough for the checks before pdfkit). */
function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}
const dataUrl = (type: string, bytes: Uint8Array) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

describe('a letterhead logo', () => {
  it('takes a PNG that is what it says, within the size', () => {
    const result = parseLogo(dataUrl('image/png', png(200, 100)));
    expect(result.ok && result.mediaType).toBe('image/png');
  });

  it.each([
    ['a PNG sent as a JPEG', dataUrl('image/jpeg', png(10, 10)), 'not a JPEG'],
    ['an SVG', `data:image/svg+xml;base64,${btoa('<svg/>')}`, 'not a data URL'],
    [
      'text sent as a PNG',
      dataUrl('image/png', new TextEncoder().encode('<script>alert(1)</script>')),
      'not a PNG',
    ],
    ['too many pixels', dataUrl('image/png', png(5000, 10)), 'at most 1024'],
    ['zero pixels', dataUrl('image/png', png(0, 10)), 'at most 1024'],
    ['too many bytes', dataUrl('image/png', new Uint8Array(70 * 1024)), 'larger than 64 KiB'],
    ['a link instead of bytes', 'https://example.org/logo.png', 'not a data URL'],
    ['broken base64', 'data:image/png;base64,iVBOR', 'bad base64'],
  ])('refuses %s', (_what, url, reason) => {
    const result = parseLogo(url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('the seal of a committee', () => {
  const key = 'k'.repeat(32);
  const fingerprint = 'f'.repeat(64);
  const members = [
    { name: 'Ketua', nip: NIPS[1], role: 'CHAIR' },
    { name: 'Sekretaris', nip: NIPS[2], role: 'SECRETARY' },
    { name: 'Anggota', nip: NIPS[0], role: 'MEMBER' },
  ];
  const sealed = {
    fingerprint,
    fingerprintScheme: FingerprintScheme.HMAC_SHA256,
    members,
    membersMac: membersMacOf(key, fingerprint, members),
  };

  it('verifies the members as sealed, and a selection without members', () => {
    expect(verifyMembers(sealed, key)).toBe(true);
    expect(verifyMembers({ ...sealed, members: null, membersMac: null }, key)).toBe(true);
  });

  it.each([
    [
      'a name changed',
      { members: [{ ...members[0], name: 'Orang Lain' }, members[1], members[2]] },
    ],
    ['a member removed', { members: members.slice(0, 2) }],
    [
      'the roles swapped',
      {
        members: [{ ...members[0], role: 'MEMBER' }, members[1], { ...members[2], role: 'CHAIR' }],
      },
    ],
    ['the MAC gone', { membersMac: null }],
    ['the members gone, the MAC left', { members: null }],
    ['another selection’s fingerprint', { fingerprint: 'e'.repeat(64) }],
    ['an unkeyed selection', { fingerprintScheme: FingerprintScheme.SHA256 }],
  ])('shows %s', (_what, change) => {
    expect(verifyMembers({ ...sealed, ...change }, key)).toBe(false);
  });

  it('does not verify under another key', () => {
    expect(verifyMembers(sealed, 'x'.repeat(32))).toBe(false);
  });
});
