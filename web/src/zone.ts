/**
 * Indonesia's three time zones (Keppres 41/1987) and dates in them: WIB for Sumatra, Java, West
 * and Central Kalimantan; WITA for Bali, Nusa Tenggara, South, East and North Kalimantan and
 * Sulawesi; WIT for Maluku and Papua. No React, so the rules are unit-tested.
 */
import type { Language } from './words';

export type IndonesianZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/** The zone of an agency whose province is not known: national agencies sit in Jakarta. */
export const DEFAULT_ZONE: IndonesianZone = 'Asia/Jakarta';

const SUFFIX: Record<IndonesianZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Words of a province (its name, or its usual short form in codes), by the province's zone. */
const PROVINCE_WORDS: Record<IndonesianZone, string[]> = {
  'Asia/Jakarta': [
    'ACEH',
    'SUMATERA',
    'SUMATRA',
    'SUMUT',
    'SUMBAR',
    'SUMSEL',
    'RIAU',
    'KEPRI',
    'JAMBI',
    'BENGKULU',
    'LAMPUNG',
    'BANGKA',
    'BELITUNG',
    'BABEL',
    'JAKARTA',
    'DKI',
    'JAWA',
    'JABAR',
    'JATENG',
    'JATIM',
    'BANTEN',
    'YOGYAKARTA',
    'DIY',
    'KALIMANTAN BARAT',
    'KALBAR',
    'KALIMANTAN TENGAH',
    'KALTENG',
  ],
  'Asia/Makassar': [
    'BALI',
    'NUSA TENGGARA',
    'NTB',
    'NTT',
    'KALIMANTAN SELATAN',
    'KALSEL',
    'KALIMANTAN TIMUR',
    'KALTIM',
    'KALIMANTAN UTARA',
    'KALTARA',
    'SULAWESI',
    'SULUT',
    'SULTENG',
    'SULSEL',
    'SULBAR',
    'SULTRA',
    'GORONTALO',
    'MAKASSAR',
    'MANADO',
  ],
  'Asia/Jayapura': ['MALUKU', 'MALUT', 'AMBON', 'TERNATE', 'PAPUA', 'JAYAPURA'],
};

/** The zone of a province named (in full or by its short form) in a text, if one is. */
export function zoneOfProvince(text: string): IndonesianZone | undefined {
  const words = ` ${text.toUpperCase().replace(/[^A-Z]+/g, ' ')} `;
  for (const [zone, names] of Object.entries(PROVINCE_WORDS) as [IndonesianZone, string[]][])
    if (names.some((name) => words.includes(` ${name} `))) return zone;
  return undefined;
}

/** Whether a value is one of Indonesia's zones (what `Agency.timeZone` will answer). */
export function isIndonesianZone(value: unknown): value is IndonesianZone {
  return typeof value === 'string' && value in SUFFIX;
}

/**
 * An agency's zone: its own `timeZone` when the API gives one, else the zone of the province its
 * code or name names (`PROV-MALUKU`, "Kabupaten Maluku Tengah"), else Jakarta's.
 */
export function zoneOfAgency(agency: {
  code: string;
  name?: string | null;
  timeZone?: string | null;
}): IndonesianZone {
  if (isIndonesianZone(agency.timeZone)) return agency.timeZone;
  return zoneOfProvince(`${agency.code} ${agency.name ?? ''}`) ?? DEFAULT_ZONE;
}

/** A zone's Indonesian abbreviation: WIB, WITA or WIT. */
export function zoneSuffix(zone: IndonesianZone): string {
  return SUFFIX[zone];
}

/** A moment as a date and time in a zone, with the zone's suffix ("8 Desember 2026 pukul 02.05 WIT"). */
export function formatDateTime(value: string, zone: IndonesianZone, language: Language): string {
  const format = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${format.format(new Date(value))} ${SUFFIX[zone]}`;
}

/** Today's date in a zone (a report made in Ambon is dated by Ambon's calendar). */
export function todayIn(zone: IndonesianZone, language: Language, now = new Date()): string {
  return now.toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
