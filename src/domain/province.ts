/**
 * Indonesia's provinces (Kemendagri area codes) and the time zone each keeps (UU/Keppres 41/1987,
 * DOMAIN.md §10): WIB (UTC+7) for Sumatra, Java, West and Central Kalimantan; WITA (UTC+8) for
 * Bali, Nusa Tenggara, South, East and North Kalimantan and Sulawesi; WIT (UTC+9) for Maluku and
 * Papua.
 */
export type IndonesianZone = 'WIB' | 'WITA' | 'WIT';

/** The IANA zone of each Indonesian time zone. */
export const IANA_ZONE: Readonly<Record<IndonesianZone, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

export interface Province {
  /** Kemendagri area code, two digits. */
  readonly code: string;
  readonly name: string;
  readonly zone: IndonesianZone;
}

/** Every province, by code. */
export const PROVINCES: readonly Province[] = [
  { code: '11', name: 'Aceh', zone: 'WIB' },
  { code: '12', name: 'Sumatera Utara', zone: 'WIB' },
  { code: '13', name: 'Sumatera Barat', zone: 'WIB' },
  { code: '14', name: 'Riau', zone: 'WIB' },
  { code: '15', name: 'Jambi', zone: 'WIB' },
  { code: '16', name: 'Sumatera Selatan', zone: 'WIB' },
  { code: '17', name: 'Bengkulu', zone: 'WIB' },
  { code: '18', name: 'Lampung', zone: 'WIB' },
  { code: '19', name: 'Kepulauan Bangka Belitung', zone: 'WIB' },
  { code: '21', name: 'Kepulauan Riau', zone: 'WIB' },
  { code: '31', name: 'DKI Jakarta', zone: 'WIB' },
  { code: '32', name: 'Jawa Barat', zone: 'WIB' },
  { code: '33', name: 'Jawa Tengah', zone: 'WIB' },
  { code: '34', name: 'DI Yogyakarta', zone: 'WIB' },
  { code: '35', name: 'Jawa Timur', zone: 'WIB' },
  { code: '36', name: 'Banten', zone: 'WIB' },
  { code: '51', name: 'Bali', zone: 'WITA' },
  { code: '52', name: 'Nusa Tenggara Barat', zone: 'WITA' },
  { code: '53', name: 'Nusa Tenggara Timur', zone: 'WITA' },
  { code: '61', name: 'Kalimantan Barat', zone: 'WIB' },
  { code: '62', name: 'Kalimantan Tengah', zone: 'WIB' },
  { code: '63', name: 'Kalimantan Selatan', zone: 'WITA' },
  { code: '64', name: 'Kalimantan Timur', zone: 'WITA' },
  { code: '65', name: 'Kalimantan Utara', zone: 'WITA' },
  { code: '71', name: 'Sulawesi Utara', zone: 'WITA' },
  { code: '72', name: 'Sulawesi Tengah', zone: 'WITA' },
  { code: '73', name: 'Sulawesi Selatan', zone: 'WITA' },
  { code: '74', name: 'Sulawesi Tenggara', zone: 'WITA' },
  { code: '75', name: 'Gorontalo', zone: 'WITA' },
  { code: '76', name: 'Sulawesi Barat', zone: 'WITA' },
  { code: '81', name: 'Maluku', zone: 'WIT' },
  { code: '82', name: 'Maluku Utara', zone: 'WIT' },
  { code: '91', name: 'Papua', zone: 'WIT' },
  { code: '92', name: 'Papua Barat', zone: 'WIT' },
  { code: '93', name: 'Papua Selatan', zone: 'WIT' },
  { code: '94', name: 'Papua Tengah', zone: 'WIT' },
  { code: '95', name: 'Papua Pegunungan', zone: 'WIT' },
  { code: '96', name: 'Papua Barat Daya', zone: 'WIT' },
];

/** Names people write for some provinces, beside the official ones. */
const ALIASES: Readonly<Record<string, string>> = {
  jakarta: '31',
  'daerah khusus ibukota jakarta': '31',
  yogyakarta: '34',
  diy: '34',
  'daerah istimewa yogyakarta': '34',
  'bangka belitung': '19',
  babel: '19',
  kepri: '21',
  ntb: '52',
  ntt: '53',
  'nanggroe aceh darussalam': '11',
};

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/^(provinsi|prov\.?)\s+/, '')
    .replace(/\./g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const BY_KEY = new Map<string, Province>();
for (const p of PROVINCES) {
  BY_KEY.set(p.code, p);
  BY_KEY.set(normal(p.name), p);
}
for (const [alias, code] of Object.entries(ALIASES)) BY_KEY.set(alias, BY_KEY.get(code)!);

/** The province a code ("81") or a name ("Maluku", "Provinsi Maluku", "NTT") names, if any. */
export function provinceOf(codeOrName: string): Province | undefined {
  const text = codeOrName.trim();
  return BY_KEY.get(/^\d{2}$/.test(text) ? text : normal(text));
}

/** The agency's zone when it has no province: the capital's, WIB (central government). */
export const DEFAULT_ZONE: IndonesianZone = 'WIB';

/** The IANA time zone of a province (code or name); WIB's when none or unknown. */
export function timeZoneOfProvince(codeOrName: string | null | undefined): string {
  const province = codeOrName ? provinceOf(codeOrName) : undefined;
  return IANA_ZONE[province?.zone ?? DEFAULT_ZONE];
}

/** The Indonesian name (WIB, WITA, WIT) of an IANA zone this module gives; undefined for others. */
export function zoneAbbreviation(ianaZone: string): IndonesianZone | undefined {
  return (Object.keys(IANA_ZONE) as IndonesianZone[]).find((z) => IANA_ZONE[z] === ianaZone);
}
