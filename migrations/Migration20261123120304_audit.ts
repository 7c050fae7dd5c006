import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120304_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" serial primary key, "at" timestamptz not null default now(), "actor_role" varchar(20) not null, "actor" varchar(200) not null, "action" varchar(64) not null, "section" varchar(32) null, "record_key" varchar(200) null, "agency" varchar(64) null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_event_agency_id_index" on "audit_event" ("agency", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);
  }

}
