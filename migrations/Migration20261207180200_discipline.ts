import { Migration } from '@mikro-orm/migrations';

/**
 * Disciplinary sentences (PP 94/2021) per employee, one per decision number, and the
 * discipline condition of positions (no sentence of a level or heavier within N years). A
 * sentence is a scoring fact: its changes are logged for the ranking index like ratings.
 */
export class Migration20261207180200_discipline extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "discipline_record" ("id" serial primary key, "employee_id" int not null, "level" text check ("level" in ('RINGAN', 'SEDANG', 'BERAT')) not null, "kind" text check ("kind" in ('TEGURAN_LISAN', 'TEGURAN_TERTULIS', 'PERNYATAAN_TIDAK_PUAS', 'POTONGAN_TUKIN_6_BULAN', 'POTONGAN_TUKIN_9_BULAN', 'POTONGAN_TUKIN_12_BULAN', 'PENURUNAN_JABATAN_12_BULAN', 'PEMBEBASAN_JABATAN_12_BULAN', 'PEMBERHENTIAN')) not null, "decision_number" varchar(100) not null, "starts_on" date not null, "ends_on" date null, constraint discipline_record_period_check check (ends_on is null or ends_on >= starts_on));`,
    );
    this.addSql(
      `create index "discipline_record_employee_id_index" on "discipline_record" ("employee_id");`,
    );
    this.addSql(
      `alter table "discipline_record" add constraint "discipline_record_employee_id_decision_number_unique" unique ("employee_id", "decision_number");`,
    );
    this.addSql(
      `alter table "discipline_record" add constraint "discipline_record_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "position" add column "discipline_level" text check ("discipline_level" in ('RINGAN', 'SEDANG', 'BERAT')) null, add column "discipline_years" smallint not null default 5;`,
    );
    this.addSql(
      `alter table "position" add constraint position_discipline_years_check check (discipline_years >= 1 and discipline_years <= 10);`,
    );
    // The ranking index hears of changed sentences through the change log, as of ratings.
    this.addSql(`create trigger "discipline_record_changed_insert" after insert on "discipline_record"
      referencing new table as new_rows for each statement execute function "log_employee_change"();`);
    this.addSql(`create trigger "discipline_record_changed_update" after update on "discipline_record"
      referencing old table as old_rows new table as new_rows for each statement execute function "log_employee_change"();`);
    this.addSql(`create trigger "discipline_record_changed_delete" after delete on "discipline_record"
      referencing old table as old_rows for each statement execute function "log_employee_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "discipline_record" cascade;`);
    this.addSql(`alter table "position" drop constraint position_discipline_years_check;`);
    this.addSql(`alter table "position" drop column "discipline_level", drop column "discipline_years";`);
  }
}
