import { Migration } from '@mikro-orm/migrations';

const SOURCES = ['employee', 'assessment', 'assessment_result', 'training_record', 'performance_record'];

/**
 * Which employees' scoring facts changed, and in which transaction: written by statement
 * triggers in the same transaction as the change, read by every server process to keep its
 * in-memory candidate index exactly current (rows are found by transaction id, so a change
 * that commits late is still seen).
 */
export class Migration20261123160000_employee_change extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "employee_change" (
      "xid" xid8 not null default pg_current_xact_id(),
      "at" timestamptz not null default now(),
      "employee_id" int not null);`);
    this.addSql(`create index "employee_change_xid_index" on "employee_change" ("xid");`);
    this.addSql(`create function "log_employee_change"() returns trigger language plpgsql as $$
      begin
        if TG_TABLE_NAME = 'employee' then
          if TG_OP = 'DELETE' then
            insert into employee_change (employee_id) select distinct id from old_rows;
          else
            insert into employee_change (employee_id) select distinct id from new_rows;
          end if;
        elsif TG_TABLE_NAME = 'assessment_result' then
          insert into employee_change (employee_id)
            select distinct a.employee_id from new_rows r join assessment a on a.id = r.assessment_id;
        elsif TG_OP = 'DELETE' then
          insert into employee_change (employee_id) select distinct employee_id from old_rows;
        else
          insert into employee_change (employee_id) select distinct employee_id from new_rows;
          if TG_OP = 'UPDATE' then
            insert into employee_change (employee_id) select distinct employee_id from old_rows;
          end if;
        end if;
        return null;
      end $$;`);
    for (const table of SOURCES) {
      this.addSql(`create trigger "${table}_changed_insert" after insert on "${table}"
        referencing new table as new_rows for each statement execute function "log_employee_change"();`);
      if (table === 'assessment_result') continue; // history: rows are never updated or deleted
      this.addSql(`create trigger "${table}_changed_update" after update on "${table}"
        referencing old table as old_rows new table as new_rows for each statement execute function "log_employee_change"();`);
      this.addSql(`create trigger "${table}_changed_delete" after delete on "${table}"
        referencing old table as old_rows for each statement execute function "log_employee_change"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of SOURCES) {
      for (const event of ['insert', 'update', 'delete'])
        this.addSql(`drop trigger if exists "${table}_changed_${event}" on "${table}";`);
    }
    this.addSql(`drop function "log_employee_change"();`);
    this.addSql(`drop table "employee_change";`);
  }
}
