import type { Knex } from '@mikro-orm/knex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BudgetRefusal, CostBudget } from '../../src/platform/http/budget';

/**
 * The shared totals as the reconcile statement keeps them (`cost_budget`, by minute and
 * caller), or failing, when `down`.
 */
class FakeTotals {
  down = false;
  statements = 0;
  readonly rows = new Map<string, number>();
  readonly knex = {
    raw: async (_sql: string, b: Record<string, unknown>) => {
      this.statements++;
      if (this.down)
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      const window = Date.parse(b.window as string);
      if (b.prune)
        for (const key of this.rows.keys())
          if (Number(key.split('|')[0]) < window - 60_000) this.rows.delete(key);
      const rows: { caller: string; spent: string }[] = [];
      for (const { caller, spent } of JSON.parse(b.pushed as string)) {
        const key = `${window}|${caller}`;
        this.rows.set(key, (this.rows.get(key) ?? 0) + spent);
        rows.push({ caller, spent: String(this.rows.get(key)) });
      }
      for (const caller of JSON.parse(b.pulled as string)) {
        const spent = this.rows.get(`${window}|${caller}`);
        if (spent !== undefined) rows.push({ caller, spent: String(spent) });
      }
      return { rows };
    },
  } as unknown as Knex;
}

/** 12:00:10 of some day: the minute ends 50 s later. */
const T0 = Date.UTC(2026, 11, 1, 12, 0, 10);
const budgets: CostBudget[] = [];
afterEach(async () => {
  for (const budget of budgets.splice(0)) await budget.stop();
  vi.useRealTimers();
});

function budgetOn(totals: FakeTotals, clock: { now: number }, options = {}) {
  const budget = new CostBudget(totals.knex, {
    perMinute: 100,
    now: () => clock.now,
    reconcileMs: 60_000,
    ...options,
  });
  budgets.push(budget);
  return budget;
}

describe('a cost budget in one process', () => {
  // Each row: seconds after T0, the caller, the cost, and what the spending answers.
  const cases: [number, string, number, string][] = [
    [0, 'a', 40, 'remaining 60, resets in 50 s'],
    [1, 'a', 60, 'remaining 0, resets in 49 s'],
    [2, 'a', 1, 'refused, retry in 48 s'],
    [2, 'b', 100, 'remaining 0, resets in 48 s'],
    [3, 'c', 101, 'refused, retry in 47 s'],
    [4, 'a', 0, 'remaining 0, resets in 46 s'],
    [49.5, 'a', 1, 'refused, retry in 1 s'],
    [50, 'a', 30, 'remaining 70, resets in 60 s'],
    [50, 'b', 100, 'remaining 0, resets in 60 s'],
  ];
  it('takes each spending from the caller’s minute, or refuses what would go past it', () => {
    const clock = { now: T0 };
    const budget = budgetOn(new FakeTotals(), clock);
    const answers = cases.map(([at, caller, cost]) => {
      clock.now = T0 + at * 1000;
      const state = budget.spend(caller, cost);
      return state instanceof BudgetRefusal
        ? `refused, retry in ${state.retryAfterSeconds} s`
        : `remaining ${state.remaining}, resets in ${state.resetsInSeconds} s`;
    });
    expect(answers).toEqual(cases.map((c) => c[3]));
  });

  it('says what was refused in the words of the API', () => {
    const budget = budgetOn(new FakeTotals(), { now: T0 });
    const refusal = budget.spend('a', 250);
    if (!(refusal instanceof BudgetRefusal)) throw new Error('not refused');
    const error = refusal.toError();
    expect(error.message).toBe(
      'This operation costs 250, more than is left of your budget of 100 a minute; try again in 50 s.',
    );
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 50 });
  });
});

describe('a cost budget shared by processes', () => {
  it('refuses in one process what the others spent, once it has reconciled', async () => {
    const totals = new FakeTotals();
    const clock = { now: T0 };
    const one = budgetOn(totals, clock);
    const two = budgetOn(totals, clock);
    expect(one.spend('a', 70)).not.toBeInstanceOf(BudgetRefusal);
    // Not heard of yet: the second process lets it through (the overspend of one tick).
    expect(two.spend('a', 20)).not.toBeInstanceOf(BudgetRefusal);
    await one.reconcile();
    await two.reconcile();
    expect(two.spend('a', 20)).toBeInstanceOf(BudgetRefusal);
    expect(two.spend('a', 10)).toMatchObject({ remaining: 0 });
    await two.reconcile();
    await one.reconcile();
    expect(one.spend('a', 1)).toBeInstanceOf(BudgetRefusal);
    expect(totals.rows.get(`${Date.UTC(2026, 11, 1, 12, 0)}|a`)).toBe(100);
  });

  it('sends nothing while nobody spends, and deletes the minutes before the last', async () => {
    const totals = new FakeTotals();
    const clock = { now: T0 };
    const budget = budgetOn(totals, clock);
    await budget.reconcile();
    expect(totals.statements).toBe(0);
    budget.spend('a', 5);
    await budget.reconcile();
    clock.now += 60_000;
    budget.spend('a', 5);
    await budget.reconcile();
    clock.now += 60_000;
    budget.spend('a', 5);
    await budget.reconcile();
    expect(
      [...totals.rows.keys()].map((k) => new Date(Number(k.split('|')[0])).getUTCMinutes()),
    ).toEqual([1, 2]);
    expect(totals.statements).toBe(3);
  });

  it('counts alone while the database is away, and sends the spending when it is back', async () => {
    const totals = new FakeTotals();
    const clock = { now: T0 };
    const errors: unknown[] = [];
    const one = budgetOn(totals, clock, { onError: (e: unknown) => errors.push(e) });
    const two = budgetOn(totals, clock);
    two.spend('a', 30);
    await two.reconcile();
    one.spend('a', 1);
    await one.reconcile();
    totals.down = true;
    expect(one.spend('a', 50)).toMatchObject({ remaining: 19 });
    await one.reconcile();
    await one.reconcile();
    expect(errors).toHaveLength(1);
    expect(one.spend('a', 20)).toBeInstanceOf(BudgetRefusal);
    expect(one.spend('a', 19)).toMatchObject({ remaining: 0 });
    totals.down = false;
    await one.reconcile();
    await two.reconcile();
    expect(two.spend('a', 1)).toBeInstanceOf(BudgetRefusal);
    expect(totals.rows.get(`${Date.UTC(2026, 11, 1, 12, 0)}|a`)).toBe(100);
  });

  it('does not count a minute’s spending in the next, though it failed on its way', async () => {
    const clock = { now: T0 };
    let fail: (error: Error) => void = () => undefined;
    const knex = {
      raw: () => new Promise((_resolve, reject) => (fail = reject)),
    } as unknown as Knex;
    const budget = new CostBudget(knex, { perMinute: 100, now: () => clock.now, stopWaitMs: 10 });
    budgets.push(budget);
    budget.spend('a', 90);
    const sending = budget.reconcile();
    clock.now += 60_000;
    expect(budget.spend('a', 10)).toMatchObject({ remaining: 90 });
    fail(new Error('connect ECONNREFUSED'));
    await sending;
    expect(budget.spend('a', 90)).toMatchObject({ remaining: 0 });
  });

  it('reconciles on its timer until stopped, and sends the last spending when stopped', async () => {
    vi.useFakeTimers({ now: T0 });
    const totals = new FakeTotals();
    const budget = new CostBudget(totals.knex, { perMinute: 100, reconcileMs: 1_000 });
    budget.spend('a', 10);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(totals.statements).toBe(1);
    budget.spend('a', 10);
    await budget.stop();
    expect(totals.statements).toBe(2);
    expect([...totals.rows.values()]).toEqual([20]);
    budget.spend('a', 10);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(totals.statements).toBe(2);
  });
});
