import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_STAGE_TEMPLATES } from '../src/domain/selection-stages';

/**
 * Staged selections (PermenPANRB 15/2019): a template of stages per position category (data,
 * seeded with the defaults of `src/domain/selection-stages.ts` for the JPT categories and the
 * administrator's; ADMIN changes them), the stages a selection froze when it was opened, and the
 * committee's scores per candidate and stage. Frozen stages never change; scores are appended
 * (a correction supersedes), to an open selection only, each at a stage of its own selection.
 */
export class Migration20261207180100_selection_stages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "selection_stage" ("id" serial primary key, "selection_id" int not null, "name" varchar(100) not null, "kind" text check ("kind" in ('ADMINISTRATION', 'COMPETENCY', 'TECHNICAL', 'PAPER', 'INTERVIEW', 'TRACK_RECORD', 'HEALTH_PSYCHOLOGY')) not null, "weight" double precision not null, "pass_mark" double precision null, "order" smallint not null);`,
    );
    this.addSql(
      `alter table "selection_stage" add constraint "selection_stage_selection_id_order_unique" unique ("selection_id", "order");`,
    );

    this.addSql(
      `create table "selection_stage_score" ("id" serial primary key, "selection_id" int not null, "stage_id" int not null, "employee_id" int not null, "score" double precision not null, "note" text null, "recorded_at" timestamptz not null default now(), "recorded_by" varchar(200) not null, "supersedes_id" int null, "mac" varchar(64) not null);`,
    );
    this.addSql(
      `alter table "selection_stage_score" add constraint "selection_stage_score_supersedes_id_unique" unique ("supersedes_id");`,
    );
    this.addSql(
      `create index "selection_stage_score_selection_id_id_index" on "selection_stage_score" ("selection_id", "id");`,
    );

    this.addSql(
      `create table "stage_template_stage" ("id" serial primary key, "category" text check ("category" in ('JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL_AHLI_UTAMA', 'FUNGSIONAL_AHLI_MADYA', 'FUNGSIONAL_AHLI_MUDA', 'FUNGSIONAL_AHLI_PERTAMA', 'FUNGSIONAL_PENYELIA', 'FUNGSIONAL_MAHIR', 'FUNGSIONAL_TERAMPIL', 'FUNGSIONAL_PEMULA')) not null, "name" varchar(100) not null, "kind" text check ("kind" in ('ADMINISTRATION', 'COMPETENCY', 'TECHNICAL', 'PAPER', 'INTERVIEW', 'TRACK_RECORD', 'HEALTH_PSYCHOLOGY')) not null, "weight" double precision not null, "pass_mark" double precision null, "order" smallint not null);`,
    );
    this.addSql(
      `alter table "stage_template_stage" add constraint "stage_template_stage_category_order_unique" unique ("category", "order");`,
    );

    this.addSql(
      `alter table "selection_stage" add constraint "selection_stage_selection_id_foreign" foreign key ("selection_id") references "selection" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "selection_stage_score" add constraint "selection_stage_score_selection_id_foreign" foreign key ("selection_id") references "selection" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "selection_stage_score" add constraint "selection_stage_score_stage_id_foreign" foreign key ("stage_id") references "selection_stage" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "selection_stage_score" add constraint "selection_stage_score_supersedes_id_foreign" foreign key ("supersedes_id") references "selection_stage_score" ("id") on update cascade on delete set null;`,
    );

    // A selection's stages are frozen with it: written when it is opened, never changed.
    this.addSql(`create function "guard_selection_stage"() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          raise exception 'the stages of a selection are frozen: % on selection_stage is not allowed', tg_op
            using errcode = 'P0001';
        end if;
        if exists (select 1 from "selection" where "id" = new.selection_id and "closed_at" is not null) then
          raise exception 'selection % is closed: no stage is added', new.selection_id using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "selection_stage_frozen" before insert or update or delete on "selection_stage"
      for each row execute function "guard_selection_stage"();`);

    // Scores are appended, to an open selection only, at a stage of that selection.
    this.addSql(`create function "guard_selection_stage_score"() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          raise exception 'stage scores are append-only: % on selection_stage_score is not allowed (a correction is a new score)', tg_op
            using errcode = 'P0001';
        end if;
        if exists (select 1 from "selection" where "id" = new.selection_id and "closed_at" is not null) then
          raise exception 'selection % is closed: no score is added', new.selection_id using errcode = 'P0001';
        end if;
        if not exists (select 1 from "selection_stage" where "id" = new.stage_id and "selection_id" = new.selection_id) then
          raise exception 'stage % is not a stage of selection %', new.stage_id, new.selection_id using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "selection_stage_score_append_only" before insert or update or delete on "selection_stage_score"
      for each row execute function "guard_selection_stage_score"();`);

    const knex = this.getKnex();
    const rows = [...DEFAULT_STAGE_TEMPLATES].flatMap(([category, stages]) =>
      stages.map((s) => ({
        category,
        name: s.name,
        kind: s.kind,
        weight: s.weight,
        pass_mark: s.passMark,
        order: s.order,
      })),
    );
    this.addSql(knex.insert(rows).into('stage_template_stage'));
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "selection_stage_score_append_only" on "selection_stage_score";`);
    this.addSql(`drop function "guard_selection_stage_score"();`);
    this.addSql(`drop trigger "selection_stage_frozen" on "selection_stage";`);
    this.addSql(`drop function "guard_selection_stage"();`);
    this.addSql(`drop table if exists "selection_stage_score" cascade;`);
    this.addSql(`drop table if exists "selection_stage" cascade;`);
    this.addSql(`drop table if exists "stage_template_stage" cascade;`);
  }
}
