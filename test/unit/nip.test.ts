import { describe, expect, it } from 'vitest';
import { parseNip } from '../../src/domain/nip';

describe('parseNip', () => {
  it('reads birth date, appointment month, sex and sequence from a valid NIP', () => {
    expect(parseNip('198609262015051001')).toEqual({
      ok: true,
      parts: { birthDate: '1986-09-26', appointedMonth: '2015-05-01', sex: 1, sequence: 1 },
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseNip('198802292012032999').ok).toBe(true);
  });

  it.each([
    ['19860926201505100', 'must be exactly 18 digits'],
    ['1986092620150510011', 'must be exactly 18 digits'],
    ['19860926201505100A', 'must be exactly 18 digits'],
    ['198613262015051001', 'digits 1–8 (19861326) are not a valid birth date'],
    ['198602302015051001', 'digits 1–8 (19860230) are not a valid birth date'],
    ['198702292015051001', 'digits 1–8 (19870229) are not a valid birth date'],
    ['186609262015051001', 'digits 1–8 (18660926) are not a valid birth date'],
    ['198609262015131001', 'digits 9–14 (201513) are not a valid year and month of appointment'],
    ['198609262015001001', 'digits 9–14 (201500) are not a valid year and month of appointment'],
    ['198609261985051001', 'the appointment month is not after the birth date'],
    ['198609262015053001', 'digit 15 (3) must be 1 (male) or 2 (female)'],
    ['198609262015050001', 'digit 15 (0) must be 1 (male) or 2 (female)'],
    ['198609262015051000', 'the sequence (digits 16–18) must be 001–999'],
  ])('rejects %s: %s', (nip, reason) => {
    expect(parseNip(nip)).toEqual({ ok: false, reason });
  });
});
