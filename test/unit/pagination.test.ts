import { describe, expect, it } from 'vitest';
import { encodeCursor, pageRequest, setCursorKey, toPage } from '../../src/shared/pagination';

const CURSOR_REFUSED =
  'The cursor is not one this list gave out (or it has expired); start again from the first page.';
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
    [{ first: 1, after: 'not-a-cursor' }, CURSOR_REFUSED],
    [{ first: 1, after: encodeCursor(['only one key']) }, CURSOR_REFUSED],
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

describe('cursors', () => {
  it('hold no readable sort key: a name or a NIP never shows in the cursor', () => {
    const cursor = encodeCursor(['Siti Rahmawati', '198609262015052001', 7]);
    const bytes = Buffer.from(cursor, 'base64url').toString('latin1');
    expect(bytes).not.toContain('Siti');
    expect(bytes).not.toContain('19860926');
    expect(encodeCursor(['Siti Rahmawati', 7])).not.toBe(encodeCursor(['Siti Rahmawati', 7]));
  });

  it('refuse a cursor changed by one bit, cut short or made by hand', () => {
    const cursor = encodeCursor(['Budi', 7]);
    const bytes = Buffer.from(cursor, 'base64url');
    for (const at of [0, 12, 20, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[at] ^= 1;
      expect(() => pageRequest({ first: 1, after: flipped.toString('base64url') }, 2)).toThrow(
        CURSOR_REFUSED,
      );
    }
    const handMade = Buffer.from(JSON.stringify(['Budi', 7])).toString('base64url');
    for (const after of [cursor.slice(0, 20), handMade, '', '\u0000'])
      expect(() => pageRequest({ first: 1, after }, 2)).toThrow(CURSOR_REFUSED);
  });

  it('are accepted by every process that shares the key, and by no other', () => {
    setCursorKey('a shared secret of at least thirty-two characters');
    const cursor = encodeCursor(['Budi', 7]);
    expect(pageRequest({ first: 1, after: cursor }, 2).cursor).toEqual(['Budi', 7]);
    setCursorKey('another secret, also at least thirty-two characters');
    expect(() => pageRequest({ first: 1, after: cursor }, 2)).toThrow(CURSOR_REFUSED);
  });
});
