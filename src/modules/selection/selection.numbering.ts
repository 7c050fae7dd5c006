import type { Knex } from '@mikro-orm/knex';
import { DEFAULT_NUMBER_FORMAT, formatNumber, yearAndMonth } from '../../domain/berita-acara';
import { timeZoneOfProvince } from '../../domain/province';

/**
 * The number of an agency's next berita acara, closed at `moment`: the agency's sequence of the
 * year (in its own time zone) moved on by one in a single statement, so concurrent closings, in
 * this process or another, each get their own; written by the agency's format.
 */
export async function nextNumber(
  trx: Knex.Transaction,
  agencyCode: string,
  moment: Date,
): Promise<string> {
  const agency = await trx('agency')
    .where('code', agencyCode)
    .first<{ province: string | null; number_format: string | null } | undefined>(
      'province',
      'number_format',
    );
  const when = yearAndMonth(moment, timeZoneOfProvince(agency?.province));
  const result = await trx.raw<{ rows: { last: number }[] }>(
    `insert into "berita_acara_sequence" ("agency", "year", "last") values (?, ?, 1)
     on conflict ("agency", "year") do update set "last" = "berita_acara_sequence"."last" + 1
     returning "last"`,
    [agencyCode, when.year],
  );
  return formatNumber(agency?.number_format ?? DEFAULT_NUMBER_FORMAT, result.rows[0].last, when);
}
