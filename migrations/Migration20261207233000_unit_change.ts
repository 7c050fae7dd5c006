import { Migration } from '@mikro-orm/migrations';

const SOURCES = ['org_unit', 'agency'];

/**
 * Org units and agencies change in the change log too: a statement that writes either adds one
 * row for employee 0 (no employee has that id), in the same transaction. Every process reads
 * the log before each use of its index, so what it derives from the units (a count by agency
 * needs each unit's agency and code) is kept until the row says they changed, without a
 * statement of its own per request. The triggers are named apart from the employees' ones: a
 * bulk load pauses those (`pauseChangeLog`), never these.
 */
export class Migration20261207233000_unit_change extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "log_unit_change"() returns trigger language plpgsql as $$
      begin
        insert into employee_change (employee_id) values (0);
        return null;
      end $$;`);
    for (const table of SOURCES)
      this.addSql(`create trigger "${table}_units_changed" after insert or update or delete or truncate
        on "${table}" for each statement execute function "log_unit_change"();`);
  }

  override async down(): Promise<void> {
    for (const table of SOURCES)
      this.addSql(`drop trigger if exists "${table}_units_changed" on "${table}";`);
    this.addSql(`drop function "log_unit_change"();`);
  }
}
