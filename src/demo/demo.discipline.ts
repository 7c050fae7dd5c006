import type { DisciplineRecordInput, EmployeeRecord } from '../domain/dataset.types';
import { dayNumber, isoOfDay } from '../domain/days';
import { addYears } from '../domain/employee.dates';

/** A date `days` after (or before) an ISO date. */
const plusDays = (iso: string, days: number) => isoOfDay(dayNumber(iso) + days);

/**
 * The kinds of sentence the demo shows, as of `today`, one per sentenced employee in turn: a
 * written reprimand two years ago (light: bars no JPT post), a tukin cut being served now (bars
 * every post), one of 12 months that ended the day before the five-year window of JPT posts
 * opens (bars nothing), a release from post that ended three years ago (bars JPT posts only),
 * and an oral reprimand long ago.
 */
const PATTERNS: readonly ((
  today: string,
) => Omit<DisciplineRecordInput, 'nip' | 'decisionNumber'>)[] = [
  (today) => {
    const from = addYears(today, -2);
    return { level: 'RINGAN', kind: 'TEGURAN_TERTULIS', from, until: from };
  },
  (today) => ({
    level: 'SEDANG',
    kind: 'POTONGAN_TUKIN_6_BULAN',
    from: plusDays(today, -60),
    until: plusDays(today, 121),
  }),
  (today) => {
    const until = plusDays(addYears(today, -5), -1);
    return {
      level: 'SEDANG',
      kind: 'POTONGAN_TUKIN_12_BULAN',
      from: plusDays(addYears(until, -1), 1),
      until,
    };
  },
  (today) => {
    const until = addYears(today, -3);
    return {
      level: 'BERAT',
      kind: 'PEMBEBASAN_JABATAN_12_BULAN',
      from: plusDays(addYears(until, -1), 1),
      until,
    };
  },
  (today) => {
    const from = addYears(today, -9);
    return { level: 'RINGAN', kind: 'TEGURAN_LISAN', from, until: from };
  },
];

/**
 * A few disciplinary sentences (one per ~100 employees, at least five), of employees spread
 * evenly over those with a NIP, in the patterns above. Drawn without the generator's random
 * numbers, so the rest of the province is the same with or without them.
 */
export function demoDiscipline(
  employees: readonly EmployeeRecord[],
  today: string,
): DisciplineRecordInput[] {
  const nips = employees.flatMap((e) => (e.nip ? [e.nip] : []));
  return [...disciplineOfNips(nips.length, (i) => nips[i], today)];
}

/**
 * The sentences of `demoDiscipline` from the number of employees with a NIP and the i-th NIP
 * among them: a province written out employee by employee keeps its NIPs aside, not its people.
 */
export function* disciplineOfNips(
  withNip: number,
  nipAt: (i: number) => string,
  today: string,
): Generator<DisciplineRecordInput> {
  const count = Math.min(withNip, Math.max(PATTERNS.length, Math.floor(withNip / 100)));
  for (let k = 0; k < count; k++) {
    // The middle of each of `count` equal stretches: far from the leaders listed first.
    const nip = nipAt(Math.floor(((k + 0.5) * withNip) / count));
    const sentence = PATTERNS[k % PATTERNS.length](today);
    yield {
      nip,
      ...sentence,
      decisionNumber: `800.1.6.4/${String(k + 1).padStart(3, '0')}/BKD/${sentence.from.slice(0, 4)}`,
    };
  }
}
