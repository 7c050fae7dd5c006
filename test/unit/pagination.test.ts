import { describe, expect, it } from 'vitest';
import { random } from '../../src/modules/demo/demo.generate';
import {
  encodeCursor,
  pageOfBest,
  pageOfList,
  pageRequest,
  smallest,
  toPage,
} from '../../src/shared/pagination';
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id';

const count = async () => 0;

describe('pageRequest', () => {
  it('defaults to the first 20 items', () => {
    expect(pageRequest({}, 2)).toEqual({ limit: 20, direction: 'forward', cursor: undefined });
  });

  it('reads a cursor back', () => {
    expect(pageRequest({ first: 5, after: encodeCursor(['Budi', 7]) }, 2).cursor).toEqual([
      'Budi',
      7,
    ]);
  });

  it('goes backward with last/before', () => {
    expect(pageRequest({ last: 3 }, 2)).toMatchObject({ limit: 3, direction: 'backward' });
  });

  it.each([
    [{ first: 101 }, '`first` must be between 0 and 100, got 101.'],
    [{ last: 500 }, '`last` must be between 0 and 100, got 500.'],
    [{ first: -1 }, '`first` must be between 0 and 100, got -1.'],
    [{ first: 1, last: 1 }, 'Use either `first` or `last`, not both.'],
    [{ first: 1, before: encodeCursor(['a', 1]) }, '`before` goes with `last`, not with `first`.'],
    [{ first: 1, after: 'not-a-cursor' }, 'Cursor "not-a-cursor" is not valid for this list.'],
    [
      { first: 1, after: encodeCursor(['only one key']) },
      `Cursor "${encodeCursor(['only one key'])}" is not valid for this list.`,
    ],
  ])('rejects %j', (args, message) => {
    expect(() => pageRequest(args, 2)).toThrow(message);
  });
});

describe('toPage', () => {
  const key = (n: number) => [n];

  it('reports a next page when more rows came back than asked for', () => {
    const page = toPage(
      [1, 2, 3],
      { limit: 2, direction: 'forward', cursor: undefined },
      key,
      count,
    );
    expect(page.nodes).toEqual([1, 2]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('restores the natural order of a backward page', () => {
    const page = toPage([9, 8, 7], { limit: 2, direction: 'backward', cursor: [10] }, key, count);
    expect(page.nodes).toEqual([8, 9]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('has no cursors on an empty page', () => {
    const page = toPage([], { limit: 2, direction: 'forward', cursor: undefined }, key, count);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('global IDs', () => {
  it('round-trip a type and a key', () => {
    expect(fromGlobalId(toGlobalId('Employee', 42))).toEqual({ typeName: 'Employee', id: 42 });
  });

  it.each([
    '',
    'abc',
    '!!!',
    toGlobalId('Employee', 0),
    Buffer.from('Employee:1:2').toString('base64url'),
  ])('rejects %j without throwing', (id) => {
    expect(fromGlobalId(id)).toBeUndefined();
  });
});

describe('smallest and pageOfBest', () => {
  const rnd = random(3);
  const compare = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];

  it('pick the k first items in order, as a full sort would, for any k', () => {
    for (let n = 0; n < 300; n++) {
      const items = Array.from({ length: rnd.int(0, 60) }, (_, i) => [rnd.int(0, 9), i]);
      const k = rnd.int(0, 70);
      expect(smallest(items, k, compare)).toEqual([...items].sort(compare).slice(0, k));
    }
  });

  it('page through unsorted items exactly like pageOfList through sorted ones', async () => {
    const items = Array.from({ length: 137 }, (_, i) => [rnd.int(0, 20), i]);
    const isAfter = (item: number[], cursor: readonly unknown[]) =>
      compare(item, cursor as number[]) > 0;
    const sorted = [...items].sort(compare);
    let after: string | undefined;
    for (let page = 0; page < 8; page++) {
      const best = pageOfBest(items, { first: 20, after }, (x) => x, isAfter, compare);
      const list = pageOfList(sorted, { first: 20, after }, (x) => x, isAfter);
      expect(best.nodes).toEqual(list.nodes);
      expect(best.pageInfo).toEqual(list.pageInfo);
      expect(await best.totalCount()).toBe(137);
      after = best.pageInfo.endCursor ?? undefined;
    }
  });
});
