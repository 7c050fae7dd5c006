import { Migration } from '@mikro-orm/migrations';

/** Employee lists are ordered by name then id: read the page from an index, not a sort of all. */
export class Migration20261123170000_employee_name_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "employee_name_id_index" on "employee" ("name", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "employee_name_id_index";`);
  }
}
