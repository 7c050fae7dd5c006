import { describe, expect, it } from 'vitest';
import {
  axesOf,
  boxOf,
  cutoffProblems,
  DEFAULT_CUTOFFS,
  performanceAxis,
  placeInBox,
  potentialAxis,
  SUCCESSION_BOXES,
} from '../../src/domain/talent-box';

describe('the nine boxes', () => {
  it.each([
    ['BELOW', 'HIGH', 6],
    ['MEETS', 'HIGH', 8],
    ['ABOVE', 'HIGH', 9],
    ['BELOW', 'MEDIUM', 3],
    ['MEETS', 'MEDIUM', 5],
    ['ABOVE', 'MEDIUM', 7],
    ['BELOW', 'LOW', 1],
    ['MEETS', 'LOW', 2],
    ['ABOVE', 'LOW', 4],
  ] as const)('performance %s and potential %s is box %i', (performance, potential, box) => {
    expect(boxOf(performance, potential)).toBe(box);
    expect(axesOf(box)).toEqual({ performance, potential });
  });

  it('has 7, 8 and 9 as the succession pool, 9 first', () => {
    expect(SUCCESSION_BOXES).toEqual([9, 8, 7]);
  });
});

describe('axes under the default cut-offs', () => {
  it.each([
    [0, 'LOW'],
    [49.99, 'LOW'],
    [50, 'MEDIUM'],
    [74.99, 'MEDIUM'],
    [75, 'HIGH'],
    [100, 'HIGH'],
  ] as const)('potential %d is %s', (score, axis) => {
    expect(potentialAxis(score, DEFAULT_CUTOFFS)).toBe(axis);
  });

  it.each([
    ['SANGAT_BAIK', 'ABOVE'],
    ['BAIK', 'MEETS'],
    ['BUTUH_PERBAIKAN', 'BELOW'],
    ['KURANG', 'BELOW'],
    ['SANGAT_KURANG', 'BELOW'],
  ] as const)('rating %s is %s', (rating, axis) => {
    expect(performanceAxis(rating, DEFAULT_CUTOFFS)).toBe(axis);
  });

  it('follows an agency’s own cut-offs', () => {
    const strict = {
      ...DEFAULT_CUTOFFS,
      potentialMediumFrom: 60,
      potentialHighFrom: 85,
      meetsRatings: ['BAIK', 'BUTUH_PERBAIKAN'],
    };
    expect(potentialAxis(80, strict)).toBe('MEDIUM');
    expect(potentialAxis(55, strict)).toBe('LOW');
    expect(performanceAxis('BUTUH_PERBAIKAN', strict)).toBe('MEETS');
  });
});

describe('placeInBox', () => {
  const ratings = [
    { year: 2023, rating: 'KURANG' },
    { year: 2025, rating: 'SANGAT_BAIK' },
  ];

  it('uses the latest rating up to the year asked', () => {
    expect(placeInBox(ratings, 80, 2026, DEFAULT_CUTOFFS)).toMatchObject({
      box: 9,
      ratingYear: 2025,
    });
    expect(placeInBox(ratings, 80, 2024, DEFAULT_CUTOFFS)).toMatchObject({
      box: 6,
      ratingYear: 2023,
    });
  });

  it('cannot place without a rating or a potential score', () => {
    expect(placeInBox(ratings, 80, 2022, DEFAULT_CUTOFFS)).toBeNull();
    expect(placeInBox(ratings, null, 2026, DEFAULT_CUTOFFS)).toBeNull();
  });
});

describe('cutoffProblems', () => {
  it('accepts the defaults and refuses disordered or overlapping cut-offs', () => {
    expect(cutoffProblems(DEFAULT_CUTOFFS)).toEqual([]);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, potentialMediumFrom: 80 })).toHaveLength(1);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, meetsRatings: ['BAIK', 'SANGAT_BAIK'] })).toEqual([
      'ratings on both axes: SANGAT_BAIK',
    ]);
  });
});
