import { Migration } from '@mikro-orm/migrations';

/** Positions by seniority (JPT Utama first), kept by PostgreSQL from the category. */
export class Migration20261130050000_position_seniority extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "position" add column "seniority" smallint generated always as (case "category" when 'JPT_UTAMA' then 1 when 'JPT_MADYA' then 2 when 'JPT_PRATAMA' then 3 when 'ADMINISTRATOR' then 4 when 'PENGAWAS' then 5 when 'PELAKSANA' then 6 when 'FUNGSIONAL_AHLI_UTAMA' then 7 when 'FUNGSIONAL_AHLI_MADYA' then 8 when 'FUNGSIONAL_AHLI_MUDA' then 9 when 'FUNGSIONAL_AHLI_PERTAMA' then 10 when 'FUNGSIONAL_PENYELIA' then 11 when 'FUNGSIONAL_MAHIR' then 12 when 'FUNGSIONAL_TERAMPIL' then 13 when 'FUNGSIONAL_PEMULA' then 14 else null end) stored;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "position" drop column "seniority";`);
  }
}
