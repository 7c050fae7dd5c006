import type { Knex } from '@mikro-orm/knex';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetRefusal, CostBudget } from '../../src/platform/http/budget';
import { ormConfig } from '../../src/app/orm.config';
import { startTestApp, type TestApp } from '../support/harness';

/**
 * Two processes' budgets on one database (`cost_budget` on the primary): a caller spending on
 * both is held to one budget once they have reconciled; with the database gone each process
 * goes on counting alone.
 */
let app: TestApp;
let other: MikroORM;
const budgets: CostBudget[] = [];

beforeAll(async () => {
  app = await startTestApp('empty');
  other = await MikroORM.init(ormConfig(app.databaseUrl));
});
afterAll(async () => {
  for (const budget of budgets) await budget.stop();
  await other?.close(true);
  await app?.close();
});

/** 12:00:10 of a day long gone, so that the minute does not end during the test. */
const MINUTE = Date.UTC(2026, 0, 5, 12, 0);
const T0 = MINUTE + 10_000;

function budgetOn(knex: Knex, now = () => T0, options = {}) {
  const budget = new CostBudget(knex, { perMinute: 1_000, now, reconcileMs: 60_000, ...options });
  budgets.push(budget);
  return budget;
}

const totals = async () =>
  (
    await app.orm.em.getKnex().raw<{ rows: { row: string }[] }>(
      `select concat_ws(' ', to_char(window_start at time zone 'UTC', 'HH24:MI'), caller, spent) as row
         from cost_budget order by window_start, caller`,
    )
  ).rows.map((r) => r.row);

describe('a cost budget shared by two processes', () => {
  it('refuses on the second process once the shared total passes the budget', async () => {
    const one = budgetOn(app.orm.em.getKnex());
    const two = budgetOn(other.em.getKnex());
    expect(one.spend('HR:alice', 700)).toMatchObject({ remaining: 300 });
    expect(one.spend('HR:bob', 10)).not.toBeInstanceOf(BudgetRefusal);
    expect(two.spend('HR:alice', 200)).toMatchObject({ remaining: 800 });
    await one.reconcile();
    await two.reconcile();
    expect(await totals()).toEqual(['12:00 HR:alice 900', '12:00 HR:bob 10']);
    expect(two.spend('HR:alice', 200)).toMatchObject({ retryAfterSeconds: 50, cost: 200 });
    expect(two.spend('HR:alice', 100)).toMatchObject({ remaining: 0 });
    // The first process hears of it at its next reconcile, without spending in between.
    await two.reconcile();
    await one.reconcile();
    expect(one.spend('HR:alice', 1)).toBeInstanceOf(BudgetRefusal);
    expect(one.spend('HR:bob', 990)).toMatchObject({ remaining: 0 });
  });

  it('reconciles on its own every tick', async () => {
    const now = () => T0 + 20_000;
    const one = budgetOn(app.orm.em.getKnex(), now, { reconcileMs: 50 });
    const two = budgetOn(other.em.getKnex(), now, { reconcileMs: 50 });
    two.spend('COMMITTEE:carol', 1);
    one.spend('COMMITTEE:carol', 999);
    // Each refuses as soon as it has pushed its spending and pulled the other's.
    for (const budget of [two, one]) {
      const deadline = Date.now() + 5_000;
      while (!(budget.spend('COMMITTEE:carol', 1) instanceof BudgetRefusal)) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    // Stopped, they send what they spent last and touch the table no more.
    await one.stop();
    await two.stop();
    expect(await totals()).toContainEqual(expect.stringMatching(/^12:00 COMMITTEE:carol 10\d\d$/));
  });

  it('deletes the minutes before the last when a new minute is reconciled', async () => {
    let now = T0;
    const one = budgetOn(app.orm.em.getKnex(), () => now);
    one.spend('HR:dave', 1);
    await one.reconcile();
    now += 120_000;
    one.spend('HR:dave', 2);
    await one.reconcile();
    expect(await totals()).toEqual(['12:02 HR:dave 2']);
  });

  it('goes on counting alone with the database gone, and sends the spending when it is back', async () => {
    const gone = await MikroORM.init(ormConfig(app.databaseUrl));
    await gone.close(true);
    const errors: unknown[] = [];
    const alone = budgetOn(gone.em.getKnex(), () => T0, {
      onError: (e: unknown) => errors.push(e),
    });
    expect(alone.spend('ANALYST:erin', 600)).toMatchObject({ remaining: 400 });
    await alone.reconcile();
    expect(errors).toHaveLength(1);
    expect(alone.spend('ANALYST:erin', 500)).toBeInstanceOf(BudgetRefusal);
    expect(alone.spend('ANALYST:erin', 400)).toMatchObject({ remaining: 0 });

    // A primary that comes back: the spending made meanwhile reaches the shared total.
    let down = true;
    const knex = app.orm.em.getKnex();
    const flaky = new Proxy(knex, {
      get: (target, key, receiver) =>
        key === 'raw' && down
          ? () => Promise.reject(new Error('connect ECONNREFUSED'))
          : Reflect.get(target, key, receiver),
    });
    const back = budgetOn(flaky, () => T0 + 30_000);
    back.spend('ANALYST:frank', 300);
    await back.reconcile();
    expect(back.spend('ANALYST:frank', 700)).not.toBeInstanceOf(BudgetRefusal);
    down = false;
    await back.reconcile();
    expect(await totals()).toContain('12:02 HR:dave 2');
    expect(await totals()).toContain('12:00 ANALYST:frank 1000');
  });
});
