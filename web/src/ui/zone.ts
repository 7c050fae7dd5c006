import { useT } from '../i18n';
import { useSession } from '../session';
import { formatDateTime, zoneOfAgency, type IndonesianZone } from '../zone';

/**
 * The one place the console takes an agency's time zone from: the API's `Agency.timeZone` (from
 * the agency's province) where the screen queried it, else the province the agency's code names.
 */
export function useAgencyTimeZone(agency?: {
  code: string;
  name?: string | null;
  timeZone?: string | null;
}): IndonesianZone {
  const { claims } = useSession();
  return zoneOfAgency(agency ?? { code: claims.agency ?? '' });
}

/** Moments (DateTime) as dates and times in the agency's zone, with WIB, WITA or WIT. */
export function useDateTime(agency?: {
  code: string;
  name?: string | null;
  timeZone?: string | null;
}) {
  const t = useT();
  const zone = useAgencyTimeZone(agency);
  return { zone, dateTime: (value: string) => formatDateTime(value, zone, t.language) };
}
