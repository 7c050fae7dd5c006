import { Migration } from '@mikro-orm/migrations';
import { EDUCATION_LEVELS, RANKS } from '../src/domain/reference.data';

/** Seeds the rank ladder and education levels, and makes assessment history append-only. */
export class Migration20261123110920_reference_data extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    this.addSql(knex.insert(RANKS).into('rank'));
    this.addSql(knex.insert(EDUCATION_LEVELS).into('education_level'));
    // Assessments are history: a correction is a new assessment, never an edit.
    this.addSql(`create function "forbid_history_change"() returns trigger language plpgsql as $$
      begin
        raise exception 'assessment history is append-only: % on % is not allowed', tg_op, tg_table_name
          using errcode = 'P0001';
      end $$;`);
    for (const table of ['assessment', 'assessment_result']) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}"
        for each row execute function "forbid_history_change"();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "assessment_result_append_only" on "assessment_result";`);
    this.addSql(`drop trigger "assessment_append_only" on "assessment";`);
    this.addSql(`drop function "forbid_history_change"();`);
    this.addSql(`delete from "education_level";`);
    this.addSql(`delete from "rank";`);
  }
}
