import { describe, expect, it } from 'vitest';
import { EMPTY_KNOWN } from '../../src/records/known-keys';
import { validateDataset } from '../../src/records/validate-dataset';
import { IssueList, issueTotal, listed, MAX_LISTED_ISSUES } from '../../src/records/issue-list';

describe('a list of issues', () => {
  it.each([
    [0, 0],
    [3, 3],
    [MAX_LISTED_ISSUES, MAX_LISTED_ISSUES],
    [MAX_LISTED_ISSUES + 1, MAX_LISTED_ISSUES],
    [250_000, MAX_LISTED_ISSUES],
  ])('of %i pushed keeps %i and counts them all', (pushed, kept) => {
    const list = new IssueList<number>();
    for (let i = 0; i < pushed; i++) list.push(i);
    expect(list.length).toBe(kept);
    expect(list.total).toBe(pushed);
    expect(issueTotal(list)).toBe(pushed);
    // The first ones are the ones kept, and a slice of the list is a plain array.
    expect(list.slice(0, 2)).toEqual([0, 1].slice(0, kept));
    expect(Array.isArray(list.slice(0))).toBe(true);
    expect(listed(list)).toEqual({ issues: [...list], issueCount: pushed });
  });

  it('counts a plain array by its length, and lists its first issues', () => {
    const issues = Array.from({ length: 1500 }, (_, i) => i);
    expect(listed(issues)).toEqual({ issues: issues.slice(0, 1000), issueCount: 1500 });
  });
});

describe('the validator of a hostile document', () => {
  it(`keeps ${MAX_LISTED_ISSUES} of its issues and counts every one`, () => {
    // 20,000 agencies, each with two bad fields.
    const agencies = Array.from({ length: 20_000 }, (_, i) => ({ code: `A${i}`, kind: 'NOPE' }));
    const { issues } = validateDataset({ agencies }, EMPTY_KNOWN, '2026-01-01');
    expect(issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(issueTotal(issues)).toBeGreaterThanOrEqual(40_000);
    expect(issues[0]).toMatchObject({ section: 'agencies', index: 0 });
  });
});
