import type { Knex } from '@mikro-orm/knex';
import type { ImportReport, Section, ValidDataset } from '../domain/dataset.types';
import { exportDataset, type ExportScope } from './export-dataset';

type Counts = ImportReport['sections'][number];

/** The sections whose stored records are read back by key and compared whole, children too. */
const COMPARED: readonly ExportScope['section'][] = [
  'agencies',
  'orgUnits',
  'competencies',
  'courses',
  'positions',
  'employees',
];

/**
 * Past this many records in a section the stored ones are not read back (a national load):
 * the section's stored records count as updated, as they did before records were compared.
 */
export const COMPARE_MAX_RECORDS = 20_000;

/**
 * The catalogue is read back up to this many records a section: its records stored as given are
 * not written again, which costs more than the read (a nation holds ~120,000 positions).
 */
export const COMPARE_MAX_CATALOGUE = 200_000;

const CATALOGUE_SECTIONS: ReadonlySet<Section> = new Set([
  'agencies',
  'orgUnits',
  'competencies',
  'courses',
  'positions',
]);

/** A record's key: its NIP or PPPK number, or its code. */
export function keyOf(record: object): string {
  const r = record as { nip?: string | null; pppkNumber?: string | null; code?: string };
  return r.nip ?? r.pppkNumber ?? r.code ?? '';
}

/** A record as comparable text: keys sorted, empty values (null, absent) left out. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined && item !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * How many records of each compared section are stored exactly as the document gives them (the
 * record and its lists: levels, outcomes, requirements, ratings), read before anything is
 * written: an import of the same file again says so, instead of "updated".
 */
export async function unchangedRecords(
  knex: Knex | Knex.Transaction,
  data: ValidDataset,
): Promise<Map<Section, number>> {
  const keys = await unchangedKeys(knex, data);
  return new Map([...keys].map(([section, same]) => [section, same.size]));
}

/** The keys of the records of each compared section that are stored exactly as given. */
export async function unchangedKeys(
  knex: Knex | Knex.Transaction,
  data: ValidDataset,
): Promise<Map<Section, ReadonlySet<string>>> {
  const unchanged = new Map<Section, ReadonlySet<string>>();
  for (const section of COMPARED) {
    const records = data[section] as object[];
    const limit = CATALOGUE_SECTIONS.has(section) ? COMPARE_MAX_CATALOGUE : COMPARE_MAX_RECORDS;
    if (records.length === 0 || records.length > limit) continue;
    const keys = [...new Set(records.map(keyOf))];
    const stored = (await exportDataset(knex, { section, keys }))[section] as object[];
    const storedAs = new Map(stored.map((record) => [keyOf(record), canonical(record)]));
    const same = records.filter((record) => storedAs.get(keyOf(record)) === canonical(record));
    unchanged.set(section, new Set(same.map(keyOf)));
  }
  return unchanged;
}

/** The counts with the records stored as given moved from updated to unchanged. */
export function withUnchanged(
  sections: readonly Counts[],
  unchanged: ReadonlyMap<Section, number>,
): Counts[] {
  return sections.map((counts) => {
    const same = Math.min(unchanged.get(counts.section) ?? 0, counts.updated);
    return same === 0
      ? counts
      : { ...counts, updated: counts.updated - same, unchanged: counts.unchanged + same };
  });
}
