import { Migration } from '@mikro-orm/migrations';

export class Migration20261129214919_selections extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "selection" ("id" serial primary key, "position_id" int not null, "agency" varchar(64) not null, "note" text null, "opened_at" timestamptz not null default now(), "opened_by" varchar(200) not null, "closed_at" timestamptz null, "snapshot" jsonb not null, "fingerprint" varchar(64) not null);`);
    this.addSql(`create index "selection_agency_id_index" on "selection" ("agency", "id");`);

    this.addSql(`create table "selection_decision" ("id" serial primary key, "selection_id" int not null, "employee_id" int not null, "decision" text check ("decision" in ('SHORTLISTED', 'SELECTED', 'NOT_SELECTED', 'WITHDRAWN')) not null, "reason" text not null, "decided_at" timestamptz not null default now(), "decided_by" varchar(200) not null);`);
    this.addSql(`create index "selection_decision_selection_id_id_index" on "selection_decision" ("selection_id", "id");`);

    this.addSql(`alter table "selection" add constraint "selection_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade;`);

    this.addSql(`alter table "selection_decision" add constraint "selection_decision_selection_id_foreign" foreign key ("selection_id") references "selection" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "selection_decision" drop constraint "selection_decision_selection_id_foreign";`);

    this.addSql(`drop table if exists "selection" cascade;`);

    this.addSql(`drop table if exists "selection_decision" cascade;`);
  }

}
