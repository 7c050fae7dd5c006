import { Migration } from '@mikro-orm/migrations';

/**
 * The talent review (PermenPANRB 3/2020): calibrations of a talent box with their reason and the
 * computed box beside them, and the versions of key positions' succession plans with their
 * nominated successors. Calibrations, and approved plans with their successors, are append-only.
 */
export class Migration20261207180300_talent_review extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "talent_calibration" ("id" serial primary key, "employee_id" int not null, "year" int not null, "box" int not null, "computed_box" int not null, "reason" text not null, "calibrated_at" timestamptz not null default now(), "calibrated_by" varchar(200) not null);`);
    this.addSql(`create index "talent_calibration_employee_id_year_id_index" on "talent_calibration" ("employee_id", "year", "id");`);

    this.addSql(`create table "succession_plan" ("id" serial primary key, "position_id" int not null, "version" int not null, "status" text check ("status" in ('DRAFT', 'APPROVED')) not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null, "approved_at" timestamptz null, "approved_by" varchar(200) null);`);
    this.addSql(`alter table "succession_plan" add constraint "succession_plan_position_id_version_unique" unique ("position_id", "version");`);

    this.addSql(`create table "succession_nominee" ("id" serial primary key, "plan_id" int not null, "employee_id" int not null, "readiness" text check ("readiness" in ('READY_NOW', 'ONE_TO_TWO_YEARS', 'LATER')) not null, "emergency" boolean not null, "nominated_at" timestamptz not null default now(), "nominated_by" varchar(200) not null);`);
    this.addSql(`alter table "succession_nominee" add constraint "succession_nominee_plan_id_employee_id_unique" unique ("plan_id", "employee_id");`);

    this.addSql(`alter table "talent_calibration" add constraint "talent_calibration_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "succession_plan" add constraint "succession_plan_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade;`);
    this.addSql(`alter table "succession_nominee" add constraint "succession_nominee_plan_id_foreign" foreign key ("plan_id") references "succession_plan" ("id") on update cascade;`);
    this.addSql(`alter table "succession_nominee" add constraint "succession_nominee_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);

    // A decision of the committee is not rewritten quietly: a calibration is superseded by a new
    // one, an approved plan by the next version.
    this.addSql(`create function "guard_talent_review"() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'talent_calibration' then
          raise exception 'calibrations are append-only: % on talent_calibration is not allowed (a correction is a new calibration)', tg_op;
        end if;
        if tg_table_name = 'succession_plan' then
          if tg_op = 'DELETE' or old.status = 'APPROVED' then
            raise exception 'an approved succession plan is not changed: % on succession_plan is not allowed (nominate to open the next version)', tg_op;
          end if;
          return new;
        end if;
        if tg_op = 'DELETE' or exists (select 1 from succession_plan p where p.id = old.plan_id and p.status = 'APPROVED') then
          raise exception 'successors of an approved plan are not changed: % on succession_nominee is not allowed', tg_op;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "talent_calibration_append_only" before update or delete on "talent_calibration" for each row execute function "guard_talent_review"();`);
    this.addSql(`create trigger "succession_plan_guard" before update or delete on "succession_plan" for each row execute function "guard_talent_review"();`);
    this.addSql(`create trigger "succession_nominee_guard" before update or delete on "succession_nominee" for each row execute function "guard_talent_review"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "succession_nominee" cascade;`);
    this.addSql(`drop table if exists "succession_plan" cascade;`);
    this.addSql(`drop table if exists "talent_calibration" cascade;`);
    this.addSql(`drop function if exists "guard_talent_review"();`);
  }
}
