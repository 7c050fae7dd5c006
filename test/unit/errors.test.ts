import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allInOrder } from '../../src/domain/collections';
import { AppError, ErrorCode, formatError } from '../../src/shared/errors';

const shape = (error: GraphQLError) => formatError(error.toJSON(), error, () => undefined);

describe('formatError', () => {
  it('passes a known code with its message', () => {
    const error = new AppError(
      ErrorCode.BAD_USER_INPUT,
      '`first` must be between 0 and 100, got 101.',
    );
    expect(shape(error)).toMatchObject({
      message: '`first` must be between 0 and 100, got 101.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('hides SQL and stack of anything unexpected', () => {
    const sqlError = Object.assign(
      new Error('select * from "employee" - column "salary" does not exist'),
      { code: '42703' },
    );
    const error = new GraphQLError(sqlError.message, {
      originalError: sqlError,
      extensions: { stacktrace: ['at x.ts:1'] },
    });
    expect(shape(error)).toEqual({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('reports a lost database connection as unavailable, not as a bug', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const error = new GraphQLError(lost.message, { originalError: lost });
    expect(shape(error)).toEqual({
      message: 'The database is unavailable; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('logs what it hides', () => {
    const logged: unknown[] = [];
    const original = new Error('boom');
    formatError({ message: 'boom' }, new GraphQLError('boom', { originalError: original }), (e) =>
      logged.push(e),
    );
    expect(logged).toEqual([original]);
  });

  it('finds the failure under every wrapper: a lock wait refused is BUSY however deep', () => {
    const lock = Object.assign(new Error('canceling statement due to lock timeout'), {
      code: '55P03',
    });
    const once = new GraphQLError(lock.message, { originalError: lock });
    const twice = new GraphQLError(once.message, { originalError: once });
    for (const error of [once, twice])
      expect(shape(error).extensions).toEqual({ code: 'BUSY', retryAfterSeconds: 5 });
  });
});

describe('allInOrder', () => {
  const later = <T>(ms: number, value: T, fail = false) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms),
    );

  it('answers every value in order, as Promise.all', async () => {
    expect(await allInOrder([later(5, 'a'), later(1, 2)])).toEqual(['a', 2]);
  });

  it('reports the first failure in the list, not the first to arrive', async () => {
    await expect(allInOrder([later(20, 'nip', true), later(1, 'position', true)])).rejects.toThrow(
      'nip',
    );
    await expect(allInOrder([later(1, 'ok'), later(5, 'position', true)])).rejects.toThrow(
      'position',
    );
  });
});
