import type { TestApp } from './harness';

/**
 * The employees the change log names (by NIP or PPPK number), and its number of rows (the
 * units' rows, for employee 0, name no employee and are left out by the join).
 */
export async function changedEmployees(app: TestApp) {
  const { rows } = await app.orm.em.getKnex().raw<{ rows: { key: string }[] }>(
    `select coalesce(e.nip, e.pppk_number) as key
       from employee_change c join employee e on e.id = c.employee_id`,
  );
  const keys = rows.map((r) => r.key);
  return { distinct: [...new Set(keys)].sort(), rows: keys.length };
}

/** The triggers switched off (none once an import has ended). */
export async function disabledTriggers(app: TestApp): Promise<string[]> {
  const { rows } = await app.orm.em
    .getKnex()
    .raw<{ rows: { name: string }[] }>(
      `select tgname as name from pg_trigger where not tgisinternal and tgenabled = 'D'`,
    );
  return rows.map((r) => r.name);
}
