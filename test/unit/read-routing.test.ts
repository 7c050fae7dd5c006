import type { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { ReadRouting, ReplicaBehindError } from '../../src/platform/db/read-routing';
import { operationKind } from '../../src/platform/graphql/operation-kind';
import { formatLsn, parseLsn } from '../../src/platform/db/lsn';

/** A database that answers the routing's checks as the test says (or fails, when `down`). */
class FakeDatabase {
  down = false;
  standby = true;
  lsn = '0/1000';
  statements = 0;
  readonly orm = {
    em: {
      getKnex: () => ({
        raw: async (sql: string) => {
          this.statements++;
          if (this.down)
            throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          if (sql.includes('pg_is_in_recovery'))
            return { rows: [{ standby: this.standby, lsn: this.lsn }] };
          return { rows: [{ lsn: this.lsn }] };
        },
      }),
    },
    close: async () => undefined,
  } as unknown as MikroORM;
}

function routing(replicas = 2, maxLagMs = 1_000) {
  const primary = new FakeDatabase();
  const standbys = Array.from({ length: replicas }, () => new FakeDatabase());
  const router = new ReadRouting(
    primary.orm,
    standbys.map((s, i) => ({ name: `r${i + 1}`, orm: s.orm })),
    { maxLagMs, checkMs: 100, statementTimeoutMs: 1_000 },
  );
  return { primary, standbys, router };
}

describe('LSNs', () => {
  it.each([
    ['0/0', 0n],
    ['0/16B3748', 0x16b3748n],
    ['16/B374D848', (0x16n << 32n) | 0xb374d848n],
    ['FFFFFFFF/FFFFFFFF', 2n ** 64n - 1n],
  ])('reads and writes %s', (text, value) => {
    expect(parseLsn(text)).toBe(value);
    expect(formatLsn(value)).toBe(text);
  });

  it.each(['', '16', '16/', '/1', 'G/1', '1/123456789', '1/2/3', ' 1 /2', '-1/2'])(
    'refuses %j',
    (text) => expect(parseLsn(text)).toBeNull(),
  );

  it('orders positions as the log does', () => {
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('0/A')! < parseLsn('0/10')!).toBe(true);
  });
});

describe('where a request reads', () => {
  it('sends reads round robin to replicas in rotation, and to the primary when none is', async () => {
    const { standbys, router } = routing();
    expect(router.forRead(null).name).toBe('primary'); // nothing checked yet
    await router.check();
    const names = Array.from({ length: 4 }, () => router.forRead(null).name);
    expect(new Set(names)).toEqual(new Set(['r1', 'r2']));
    standbys[0].down = true;
    await router.check();
    expect(Array.from({ length: 3 }, () => router.forRead(null).name)).toEqual(['r2', 'r2', 'r2']);
    standbys[1].down = true;
    await router.check();
    expect(router.forRead(null).name).toBe('primary');
    standbys[0].down = false;
    await router.check();
    expect(router.forRead(null).name).toBe('r1');
  });

  it('sends a caller’s reads where its last write has been replayed', async () => {
    const { primary, standbys, router } = routing();
    await router.check();
    primary.lsn = '0/5000';
    expect(await router.recordWrite('HR:1')).toBe('0/5000');
    expect(router.mustSee('HR:1', undefined)).toBe(0x5000n);
    expect(router.forRead(router.mustSee('HR:1', undefined)).name).toBe('primary');
    // Another caller is not held back by it.
    expect(router.forRead(router.mustSee('HR:2', undefined)).replica).toBe(true);
    standbys[1].lsn = '0/5000';
    await router.check();
    expect(router.forRead(router.mustSee('HR:1', undefined)).name).toBe('r2');
    // A position a caller says it wrote (from another process) counts too; nonsense does not.
    expect(router.mustSee(null, '0/6000')).toBe(0x6000n);
    expect(router.mustSee('HR:1', '0/1')).toBe(0x5000n);
    expect(router.mustSee(null, 'drop table')).toBeNull();
  });

  it('takes a replica out of rotation when it falls behind, and back when it catches up', async () => {
    const { primary, standbys, router } = routing(1, 1_000);
    await router.check();
    expect(router.replicaStates()[0]).toMatchObject({ inRotation: true, lagMs: 0 });
    primary.lsn = '0/9000';
    await router.check();
    // Behind by what the primary wrote since the last check: a short lag, still serving.
    expect(router.replicaStates()[0].inRotation).toBe(true);
    expect(router.replicaStates()[0].lagMs).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await router.check();
    expect(router.replicaStates()[0]).toMatchObject({ inRotation: false });
    expect(router.replicaStates()[0].problem).toMatch(/behind/);
    standbys[0].lsn = '0/9000';
    await router.check();
    expect(router.replicaStates()[0]).toMatchObject({ inRotation: true, lagMs: 0 });
  });

  it('keeps a promoted replica out of rotation', async () => {
    const { standbys, router } = routing(1);
    standbys[0].standby = false;
    await router.check();
    expect(router.replicaStates()[0]).toMatchObject({ up: true, inRotation: false });
    expect(router.forRead(null).name).toBe('primary');
  });

  it('reads from any replica that answers when the primary does not', async () => {
    const { primary, standbys, router } = routing(1);
    await router.check();
    primary.lsn = '0/8000';
    await router.recordWrite('HR:1');
    primary.down = true;
    await router.check();
    expect(router.primaryUp).toBe(false);
    // Its own write cannot be waited for; the replica serves what there is.
    expect(router.forRead(router.mustSee('HR:1', undefined)).name).toBe('r1');
    standbys[0].down = true;
    await router.check();
    expect(router.forRead(null).name).toBe('primary');
  });

  it('takes a replica out when a request on it fails, until a check finds it well', async () => {
    const { router } = routing(1);
    await router.check();
    router.markDown('r1', 'connection lost');
    expect(router.forRead(null).name).toBe('primary');
    await router.check();
    expect(router.forRead(null).name).toBe('r1');
  });

  it('waits for a replica to replay what the index has read, then gives up', async () => {
    const { standbys, router } = routing(1);
    await router.check();
    const target = router.forRead(null);
    await router.waitFor(target, 0x1000n); // already there: no statement
    const before = standbys[0].statements;
    await router.waitFor(target, 0x1000n);
    expect(standbys[0].statements).toBe(before);
    setTimeout(() => (standbys[0].lsn = '0/2000'), 30);
    await router.waitFor(target, 0x2000n);
    await expect(router.waitFor(target, 0x3000n)).rejects.toBeInstanceOf(ReplicaBehindError);
    await router.waitFor(router.primaryTarget, 0x9999n); // the primary has everything
  });
});

describe('the kind of an operation, before it runs', () => {
  it.each([
    ['{ employees { totalCount } }', undefined, 'query'],
    ['query A { a } mutation B { b }', 'B', 'mutation'],
    ['query A { a } mutation B { b }', 'A', 'query'],
    ['query A { a } mutation B { b }', undefined, null],
    ['query A { a }', 'C', null],
    ['subscription { s }', null, 'subscription'],
    ['fragment F on Q { a } mutation { b(x: 1) { ...F } }', '', 'mutation'],
    ['{ unclosed', undefined, null],
    [42, undefined, null],
  ])('%j named %j is %j', (query, name, kind) => {
    expect(operationKind(query, name, 1_000)).toBe(kind);
  });

  it('does not parse past the token limit', () => {
    expect(operationKind(`{ ${'a '.repeat(200)} }`, undefined, 100)).toBeNull();
  });
});
