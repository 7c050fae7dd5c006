import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/config';
import { DEFAULT_MIN_GROUP_SIZE, shownMean, suppressSmallGroups } from '../../src/domain/groups';

interface Row {
  key: string | null;
  count: number;
  suppressed: boolean;
}
const row = (key: string, count: number): Row => ({ key, count, suppressed: false });
const gathered = (count: number): Row => ({ key: null, count, suppressed: true });

describe('suppressSmallGroups', () => {
  it.each([
    {
      name: 'all groups big: unchanged',
      groups: [row('a', 9), row('b', 5)],
      min: 5,
      shown: [row('a', 9), row('b', 5)],
    },
    {
      name: 'some small, their total reaches the minimum: one gathered row',
      groups: [row('a', 9), row('b', 3), row('c', 2)],
      min: 5,
      shown: [row('a', 9), gathered(5)],
    },
    {
      name: 'some small, their total below the minimum: left out',
      groups: [row('a', 9), row('b', 3), row('c', 1)],
      min: 5,
      shown: [row('a', 9)],
    },
    {
      name: 'every group small, total reaches the minimum: only the gathered row',
      groups: [row('a', 4), row('b', 4)],
      min: 5,
      shown: [gathered(8)],
    },
    { name: 'empty', groups: [], min: 5, shown: [] },
    {
      name: 'min 1: every group shown',
      groups: [row('a', 2), row('b', 1)],
      min: 1,
      shown: [row('a', 2), row('b', 1)],
    },
    { name: 'one total below the minimum: left out', groups: [row('t', 4)], min: 5, shown: [] },
  ])('$name', ({ groups, min, shown }) => {
    expect(suppressSmallGroups(groups, min, gathered)).toEqual(shown);
  });
});

describe('MIN_GROUP_SIZE', () => {
  it.each([
    [undefined, DEFAULT_MIN_GROUP_SIZE],
    ['', DEFAULT_MIN_GROUP_SIZE],
    ['1', 1],
    ['10', 10],
  ])('%j gives %d', (raw, expected) => {
    expect(loadConfig({ MIN_GROUP_SIZE: raw }).limits.minGroupSize).toBe(expected);
  });

  it.each(['0', '-3', '2.5', 'five'])('refuses %j: a whole number of at least 1', (raw) => {
    expect(() => loadConfig({ MIN_GROUP_SIZE: raw })).toThrow(/MIN_GROUP_SIZE must be an integer/);
  });
});

describe('a group mean as it may be shown', () => {
  it.each([
    [
      'a group of five, to an analyst',
      { mean: 2.4, contributors: 5, suppressed: false },
      true,
      2.4,
    ],
    ['a group of four, to an analyst', { mean: 3, contributors: 4, suppressed: false }, true, null],
    ['a group of four, to HR', { mean: 3, contributors: 4, suppressed: false }, false, 3],
    ['one person, to an admin', { mean: 4, contributors: 1, suppressed: false }, false, 4],
    ['nobody assessed', { mean: null, contributors: 0, suppressed: false }, false, null],
    ['the row of withheld groups', { mean: 2, contributors: 12, suppressed: true }, true, null],
    [
      'the row of withheld groups, to an admin',
      { mean: 2, contributors: 12, suppressed: true },
      false,
      null,
    ],
    [
      'a mean rounded to two decimals',
      { mean: 2 / 3, contributors: 6, suppressed: false },
      true,
      0.67,
    ],
  ])('%s', (_what, group, restricted, shown) => {
    expect(shownMean(group, 5, restricted)).toBe(shown);
  });
});
