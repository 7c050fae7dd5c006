import { Migration } from '@mikro-orm/migrations';

export class Migration20261123114858_talent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "professionalism_rules" ("scope" varchar(64) not null, "rules" jsonb not null, constraint "professionalism_rules_pkey" primary key ("scope"));`);

    this.addSql(`create table "talent_box_action" ("box" smallint not null, "label" varchar(100) not null, "action" text not null, constraint "talent_box_action_pkey" primary key ("box"), constraint talent_box_action_box_check check (box >= 1 and box <= 9));`);

    this.addSql(`create table "talent_policy" ("scope" varchar(64) not null, "potential_medium_from" double precision not null, "potential_high_from" double precision not null, "above_ratings" text[] not null, "meets_ratings" text[] not null, constraint "talent_policy_pkey" primary key ("scope"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "professionalism_rules" cascade;`);

    this.addSql(`drop table if exists "talent_box_action" cascade;`);

    this.addSql(`drop table if exists "talent_policy" cascade;`);
  }

}
