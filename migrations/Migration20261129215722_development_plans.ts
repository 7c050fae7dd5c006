import { Migration } from '@mikro-orm/migrations';

export class Migration20261129215722_development_plans extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "development_plan" ("id" serial primary key, "employee_id" int not null, "target_position_id" int not null, "yearly_hours" int not null, "start_year" int not null, "created_at" timestamptz not null default now(), "created_by" varchar(200) not null);`);
    this.addSql(`create index "development_plan_employee_id_id_index" on "development_plan" ("employee_id", "id");`);

    this.addSql(`create table "development_plan_course" ("id" serial primary key, "plan_id" int not null, "course_id" int not null, "target_year" int not null, "ordinal" int not null);`);
    this.addSql(`create index "development_plan_course_plan_id_ordinal_index" on "development_plan_course" ("plan_id", "ordinal");`);

    this.addSql(`alter table "development_plan" add constraint "development_plan_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "development_plan" add constraint "development_plan_target_position_id_foreign" foreign key ("target_position_id") references "position" ("id") on update cascade;`);

    this.addSql(`alter table "development_plan_course" add constraint "development_plan_course_plan_id_foreign" foreign key ("plan_id") references "development_plan" ("id") on update cascade;`);
    this.addSql(`alter table "development_plan_course" add constraint "development_plan_course_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "development_plan_course" drop constraint "development_plan_course_plan_id_foreign";`);

    this.addSql(`drop table if exists "development_plan" cascade;`);

    this.addSql(`drop table if exists "development_plan_course" cascade;`);
  }

}
