import { Migration } from '@mikro-orm/migrations';

/**
 * What each caller spent of its cost budget in each minute, summed over every API process
 * (`src/platform/http/budget.ts` adds each process's spending about once a second and reads the totals
 * back). Unlogged: a budget is worth a minute, so the table is not written to the WAL, not
 * replicated, and starts empty after a crash or a failover.
 */
export class Migration20261201090000_cost_budget extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unlogged table "cost_budget" (
      "window_start" timestamptz not null,
      "caller" text not null,
      "spent" bigint not null,
      constraint "cost_budget_pkey" primary key ("window_start", "caller"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "cost_budget";`);
  }
}
