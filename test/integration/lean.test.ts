import { wrap } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '../../src/modules/org/agency.entity';
import { Competency } from '../../src/modules/competency/competency.entity';
import { Employee } from '../../src/modules/employee/employee.entity';
import { OrgUnit } from '../../src/modules/org/org-unit.entity';
import { Position } from '../../src/modules/position/position.entity';
import { PositionRequirement } from '../../src/modules/position/position-requirement.entity';
import { leanReaderOf } from '../../src/platform/db/lean';
import { startTestApp, type TestApp } from '../support/harness';

/**
 * The lean reads (rows into plain objects, no hydration) against the ORM: for every row of
 * every entity read that way, the same fields with the same values, references by their key.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
}, 120_000);
afterAll(() => app?.close());

/** Fields with each reference reduced to its key (the ORM's plain form gives keys). */
function keyed(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      value && typeof value === 'object' && !(value instanceof Date)
        ? Object.values(value)[0]
        : value,
    ]),
  );
}

describe('lean reads', () => {
  it.each([Employee, OrgUnit, Agency, Position, PositionRequirement, Competency] as const)(
    'give every %o row with the fields the ORM gives',
    async (entity) => {
      const em = app.orm.em.fork();
      const meta = em.getMetadata().get(entity.name);
      const reader = leanReaderOf(meta);
      const { rows } = await em
        .getKnex()
        .raw<{ rows: Record<string, unknown>[] }>(
          `select ${reader.select('t')} from ${reader.table} as t order by t.id`,
        );
      const orm = await em.find(entity as never, {}, { orderBy: { id: 'ASC' } as never });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBe(orm.length);
      rows.forEach((row, i) => {
        const lean = reader.map(row);
        expect(lean).toBeInstanceOf(entity);
        expect(keyed({ ...lean })).toEqual(keyed(wrap(orm[i]).toPOJO() as Record<string, unknown>));
      });
    },
  );
});
