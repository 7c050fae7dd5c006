import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_VALIDITY_YEARS, isStale } from '../../src/domain/staleness';
import { dayNumber, isoOfDay, lastDayWhere } from '../../src/domain/days';
import {
  addYears,
  appointmentDateOf,
  birthDateOf,
  wholeYearsBetween,
} from '../../src/domain/employee.dates';

describe('wholeYearsBetween', () => {
  it.each([
    ['1986-09-26', '2026-09-25', 39],
    ['1986-09-26', '2026-09-26', 40],
    ['1986-09-26', '2026-12-31', 40],
    ['2015-05-01', '2015-04-30', 0],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
  ])('from %s to %s is %i', (from, to, years) => {
    expect(wholeYearsBetween(from, to)).toBe(years);
  });
});

describe('addYears', () => {
  it('moves a date by whole years', () => {
    expect(addYears('2023-11-01', 3)).toBe('2026-11-01');
    expect(addYears('2026-11-01', -3)).toBe('2023-11-01');
  });

  it('turns 29 February into 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', -4)).toBe('2020-02-29');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(addYears('2000-02-29', 400)).toBe('2400-02-29');
  });

  it('agrees with calendar arithmetic on every day of 1899–2101 moved by −70 to +70 years', () => {
    const calendar = (date: string, years: number) => {
      const [y, m, d] = date.split('-').map(Number);
      const target = new Date(Date.UTC(y + years, m - 1, d));
      if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
      return target.toISOString().slice(0, 10);
    };
    for (let day = Date.UTC(1899, 0, 1); day <= Date.UTC(2101, 11, 31); day += 86_400_000 * 7) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (const years of [-70, -3, -1, 1, 3, 58, 70]) {
        expect(addYears(date, years), `${date} ${years}`).toBe(calendar(date, years));
      }
    }
    for (const years of [-4, -1, 1, 4, 100]) {
      expect(addYears('1996-02-29', years)).toBe(calendar('1996-02-29', years));
    }
  });
});

describe('birth and appointment dates', () => {
  it('come from the NIP when nothing else is recorded', () => {
    expect(birthDateOf({ nip: '198609262015051001' })).toBe('1986-09-26');
    expect(appointmentDateOf({ nip: '198609262015051001' })).toBe('2015-05-01');
  });

  it('prefer an explicitly recorded date over the NIP', () => {
    const employee = {
      nip: '198609262015051001',
      birthDate: '1986-09-27',
      appointedOn: '2015-05-15',
    };
    expect(birthDateOf(employee)).toBe('1986-09-27');
    expect(appointmentDateOf(employee)).toBe('2015-05-15');
  });

  it('are unknown for a PPPK employee without recorded dates', () => {
    expect(birthDateOf({ nip: null })).toBeNull();
    expect(appointmentDateOf({})).toBeNull();
  });
});

describe('isStale', () => {
  const validity = DEFAULT_ASSESSMENT_VALIDITY_YEARS;

  it('defaults to a validity of 3 years', () => {
    expect(validity).toBe(3);
  });

  it.each([
    ['2023-11-01', '2026-11-01', false],
    ['2023-10-31', '2026-11-01', true],
    ['2026-11-01', '2026-11-01', false],
    ['2020-01-01', '2026-11-01', true],
  ])('an assessment of %s seen on %s is stale: %s', (assessedOn, asOf, stale) => {
    expect(isStale(assessedOn, asOf, validity)).toBe(stale);
  });

  it('depends on the date it is evaluated at', () => {
    expect(isStale('2022-06-01', '2025-05-31', 3)).toBe(false);
    expect(isStale('2022-06-01', '2025-06-02', 3)).toBe(true);
  });

  it('follows a configured validity', () => {
    expect(isStale('2024-11-01', '2026-11-01', 1)).toBe(true);
    expect(isStale('2024-11-01', '2026-11-01', 5)).toBe(false);
  });
});

describe('day numbers', () => {
  it('agree with the calendar on every day from 1700 to 2417, both ways', () => {
    const start = Date.UTC(1700, 0, 1) / 86_400_000;
    const end = Date.UTC(2417, 11, 31) / 86_400_000;
    for (let day = start; day <= end; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(iso) !== day || isoOfDay(day) !== iso)
        expect([dayNumber(iso), isoOfDay(day)]).toEqual([day, iso]);
    }
  });

  it.each([
    ['0001-01-01', -719162],
    ['1969-12-31', -1],
    ['1970-01-01', 0],
    ['2000-02-29', 11016],
  ])('%s is day %i', (iso, day) => {
    expect(dayNumber(iso)).toBe(day);
    expect(isoOfDay(day)).toBe(iso);
  });

  it('turn a rule monotonic in a date into its last day, by the rule itself', () => {
    const asOf = '2026-02-28';
    const last = lastDayWhere(
      dayNumber('1700-01-01'),
      dayNumber('2417-12-31'),
      (d) => wholeYearsBetween(isoOfDay(d), asOf) >= 10,
    );
    expect(isoOfDay(last)).toBe('2016-02-28');
    expect(lastDayWhere(0, 10, () => false)).toBe(-1);
    expect(lastDayWhere(0, 10, () => true)).toBe(10);
  });
});
