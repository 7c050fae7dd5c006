import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110919_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agency" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('MINISTRY', 'AGENCY', 'PROVINCE', 'REGENCY', 'CITY')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);

    this.addSql(`create table "competency" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "type" text check ("type" in ('TECHNICAL', 'MANAGERIAL', 'SOCIOCULTURAL')) not null, "description" text not null default '', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "competency" add constraint "competency_code_unique" unique ("code");`);

    this.addSql(`create table "competency_level" ("id" serial primary key, "competency_id" int not null, "level" smallint not null, "description" text not null, "indicators" text[] not null default '{}', constraint competency_level_level_check check (level >= 1 and level <= 5));`);
    this.addSql(`alter table "competency_level" add constraint "competency_level_competency_id_level_unique" unique ("competency_id", "level");`);

    this.addSql(`create table "course" ("id" serial primary key, "code" varchar(64) not null, "title" varchar(300) not null, "type" text check ("type" in ('LATSAR', 'LEADERSHIP', 'MANAGERIAL', 'TECHNICAL', 'FUNCTIONAL', 'SOCIOCULTURAL', 'SEMINAR', 'WORKSHOP', 'COURSE', 'TECHNICAL_GUIDANCE', 'SOCIALISATION', 'COACHING', 'MENTORING', 'E_LEARNING', 'DISTANCE_LEARNING', 'SECONDMENT', 'BENCHMARKING', 'EXCHANGE', 'SELF_STUDY', 'COMMUNITY_OF_PRACTICE', 'ON_THE_JOB', 'INTERNSHIP', 'DEGREE')) not null, "modality" text check ("modality" in ('CLASSICAL', 'NON_CLASSICAL', 'BLENDED')) not null, "hours" int not null, "cost" numeric(16,2) not null default 0, "provider" varchar(200) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint course_hours_check check (hours > 0), constraint course_cost_check check (cost >= 0));`);
    this.addSql(`alter table "course" add constraint "course_code_unique" unique ("code");`);

    this.addSql(`create table "course_outcome" ("id" serial primary key, "course_id" int not null, "competency_id" int not null, "min_level" smallint null, "to_level" smallint not null, "ordinal" smallint not null default 0, constraint course_outcome_min_level_check check (min_level >= 1 and min_level <= 5), constraint course_outcome_to_level_check check (to_level >= 1 and to_level <= 5), constraint course_outcome_levels_check check (min_level is null or min_level < to_level));`);
    this.addSql(`create index "course_outcome_competency_id_index" on "course_outcome" ("competency_id");`);
    this.addSql(`alter table "course_outcome" add constraint "course_outcome_course_id_competency_id_unique" unique ("course_id", "competency_id");`);

    this.addSql(`create table "course_prerequisite" ("course_id" int not null, "prerequisite_id" int not null, constraint "course_prerequisite_pkey" primary key ("course_id", "prerequisite_id"), constraint course_prerequisite_not_self check (course_id <> prerequisite_id));`);
    this.addSql(`create index "course_prerequisite_prerequisite_id_index" on "course_prerequisite" ("prerequisite_id");`);

    this.addSql(`create table "education_level" ("code" varchar(4) not null, "name" varchar(60) not null, "ordinal" smallint not null, constraint "education_level_pkey" primary key ("code"));`);
    this.addSql(`alter table "education_level" add constraint "education_level_ordinal_unique" unique ("ordinal");`);

    this.addSql(`create table "org_unit" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "agency_id" int not null, "parent_id" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_code_unique" unique ("code");`);
    this.addSql(`create index "org_unit_agency_id_index" on "org_unit" ("agency_id");`);
    this.addSql(`create index "org_unit_parent_id_index" on "org_unit" ("parent_id");`);

    this.addSql(`create table "rank" ("code" varchar(8) not null, "name" varchar(60) not null, "grade" varchar(4) not null, "ordinal" smallint not null, constraint "rank_pkey" primary key ("code"));`);
    this.addSql(`alter table "rank" add constraint "rank_ordinal_unique" unique ("ordinal");`);

    this.addSql(`create table "position" ("id" serial primary key, "code" varchar(64) not null, "title" varchar(300) not null, "category" text check ("category" in ('JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL_AHLI_UTAMA', 'FUNGSIONAL_AHLI_MADYA', 'FUNGSIONAL_AHLI_MUDA', 'FUNGSIONAL_AHLI_PERTAMA', 'FUNGSIONAL_PENYELIA', 'FUNGSIONAL_MAHIR', 'FUNGSIONAL_TERAMPIL', 'FUNGSIONAL_PEMULA')) not null, "org_unit_id" int not null, "summary" text not null default '', "government_affair" varchar(200) null, "min_rank_code" varchar(8) null, "min_education_code" varchar(4) null, "min_years_of_service" smallint null, "min_performance" text check ("min_performance" in ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')) null, "performance_years" smallint not null default 2, "retirement_age" smallint not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint position_min_years_check check (min_years_of_service >= 0), constraint position_performance_years_check check (performance_years >= 1 and performance_years <= 10), constraint position_retirement_age_check check (retirement_age >= 40 and retirement_age <= 75));`);
    this.addSql(`alter table "position" add constraint "position_code_unique" unique ("code");`);
    this.addSql(`create index "position_org_unit_id_index" on "position" ("org_unit_id");`);

    this.addSql(`create table "position_requirement" ("id" serial primary key, "position_id" int not null, "competency_id" int not null, "level" smallint not null, "weight" double precision not null default 1, "critical" boolean not null default false, "ordinal" smallint not null, constraint position_requirement_level_check check (level >= 1 and level <= 5), constraint position_requirement_weight_check check ((weight)::numeric > 0));`);
    this.addSql(`create index "position_requirement_competency_id_index" on "position_requirement" ("competency_id");`);
    this.addSql(`alter table "position_requirement" add constraint "position_requirement_position_id_competency_id_unique" unique ("position_id", "competency_id");`);

    this.addSql(`create table "position_required_course" ("position_id" int not null, "course_id" int not null, constraint "position_required_course_pkey" primary key ("position_id", "course_id"));`);
    this.addSql(`create index "position_required_course_course_id_index" on "position_required_course" ("course_id");`);

    this.addSql(`create table "employee" ("id" serial primary key, "nip" varchar(18) null, "pppk_number" varchar(32) null, "name" varchar(200) not null, "employment_type" text check ("employment_type" in ('PNS', 'CPNS', 'PPPK')) not null, "rank_code" varchar(8) null, "pppk_grade" smallint null, "education_code" varchar(4) not null, "org_unit_id" int not null, "position_id" int null, "birth_date" date null, "appointed_on" date null, "potential" numeric(5,2) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint employee_nip_check check (nip ~ '^[0-9]{18}\$'), constraint employee_pppk_grade_check check (pppk_grade >= 1 and pppk_grade <= 17), constraint employee_potential_check check (potential >= 0 and potential <= 100), constraint employee_identifier_check check ((employment_type = 'PPPK' and pppk_number is not null and nip is null) or (employment_type <> 'PPPK' and nip is not null and pppk_number is null)));`);
    this.addSql(`alter table "employee" add constraint "employee_nip_unique" unique ("nip");`);
    this.addSql(`alter table "employee" add constraint "employee_pppk_number_unique" unique ("pppk_number");`);
    this.addSql(`create index "employee_org_unit_id_index" on "employee" ("org_unit_id");`);
    this.addSql(`create index "employee_position_id_index" on "employee" ("position_id");`);

    this.addSql(`create table "performance_record" ("id" serial primary key, "employee_id" int not null, "year" smallint not null, "rating" text check ("rating" in ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')) not null, constraint performance_record_year_check check (year >= 1950 and year <= 2200));`);
    this.addSql(`alter table "performance_record" add constraint "performance_record_employee_id_year_unique" unique ("employee_id", "year");`);

    this.addSql(`create table "assessment" ("id" serial primary key, "employee_id" int not null, "assessed_on" date not null, "method" text check ("method" in ('ASSESSMENT_CENTER', 'TEST', 'MULTI_RATER', 'PORTFOLIO', 'INTERVIEW')) not null, "assessor" varchar(200) null, "potential" numeric(5,2) null, "recorded_at" timestamptz not null default now(), constraint assessment_potential_check check (potential >= 0 and potential <= 100));`);
    this.addSql(`create index "assessment_employee_id_index" on "assessment" ("employee_id");`);
    this.addSql(`alter table "assessment" add constraint "assessment_employee_id_assessed_on_method_unique" unique ("employee_id", "assessed_on", "method");`);

    this.addSql(`create table "assessment_result" ("id" serial primary key, "assessment_id" int not null, "competency_id" int not null, "level" smallint not null, constraint assessment_result_level_check check (level >= 1 and level <= 5));`);
    this.addSql(`create index "assessment_result_competency_id_index" on "assessment_result" ("competency_id");`);
    this.addSql(`alter table "assessment_result" add constraint "assessment_result_assessment_id_competency_id_unique" unique ("assessment_id", "competency_id");`);

    this.addSql(`create table "training_record" ("id" serial primary key, "employee_id" int not null, "course_id" int not null, "completed_on" date not null, "hours" int not null, constraint training_record_hours_check check (hours > 0));`);
    this.addSql(`create index "training_record_employee_id_index" on "training_record" ("employee_id");`);
    this.addSql(`create index "training_record_course_id_index" on "training_record" ("course_id");`);
    this.addSql(`alter table "training_record" add constraint "training_record_employee_id_course_id_completed_on_unique" unique ("employee_id", "course_id", "completed_on");`);

    this.addSql(`alter table "competency_level" add constraint "competency_level_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "course_outcome" add constraint "course_outcome_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_outcome" add constraint "course_outcome_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "course_prerequisite" add constraint "course_prerequisite_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_prerequisite" add constraint "course_prerequisite_prerequisite_id_foreign" foreign key ("prerequisite_id") references "course" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "org_unit" add constraint "org_unit_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "position" add constraint "position_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "position" add constraint "position_min_rank_code_foreign" foreign key ("min_rank_code") references "rank" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "position" add constraint "position_min_education_code_foreign" foreign key ("min_education_code") references "education_level" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "position_requirement" add constraint "position_requirement_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "position_requirement" add constraint "position_requirement_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "position_required_course" add constraint "position_required_course_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "position_required_course" add constraint "position_required_course_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "employee" add constraint "employee_rank_code_foreign" foreign key ("rank_code") references "rank" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "employee" add constraint "employee_education_code_foreign" foreign key ("education_code") references "education_level" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "employee" add constraint "employee_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "employee" add constraint "employee_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "performance_record" add constraint "performance_record_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "assessment" add constraint "assessment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "assessment_result" add constraint "assessment_result_assessment_id_foreign" foreign key ("assessment_id") references "assessment" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "assessment_result" add constraint "assessment_result_competency_id_foreign" foreign key ("competency_id") references "competency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_record" add constraint "training_record_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_record" add constraint "training_record_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "org_unit" drop constraint "org_unit_agency_id_foreign";`);

    this.addSql(`alter table "competency_level" drop constraint "competency_level_competency_id_foreign";`);

    this.addSql(`alter table "course_outcome" drop constraint "course_outcome_competency_id_foreign";`);

    this.addSql(`alter table "position_requirement" drop constraint "position_requirement_competency_id_foreign";`);

    this.addSql(`alter table "assessment_result" drop constraint "assessment_result_competency_id_foreign";`);

    this.addSql(`alter table "course_outcome" drop constraint "course_outcome_course_id_foreign";`);

    this.addSql(`alter table "course_prerequisite" drop constraint "course_prerequisite_course_id_foreign";`);

    this.addSql(`alter table "course_prerequisite" drop constraint "course_prerequisite_prerequisite_id_foreign";`);

    this.addSql(`alter table "position_required_course" drop constraint "position_required_course_course_id_foreign";`);

    this.addSql(`alter table "training_record" drop constraint "training_record_course_id_foreign";`);

    this.addSql(`alter table "position" drop constraint "position_min_education_code_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_education_code_foreign";`);

    this.addSql(`alter table "org_unit" drop constraint "org_unit_parent_id_foreign";`);

    this.addSql(`alter table "position" drop constraint "position_org_unit_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_org_unit_id_foreign";`);

    this.addSql(`alter table "position" drop constraint "position_min_rank_code_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_rank_code_foreign";`);

    this.addSql(`alter table "position_requirement" drop constraint "position_requirement_position_id_foreign";`);

    this.addSql(`alter table "position_required_course" drop constraint "position_required_course_position_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_position_id_foreign";`);

    this.addSql(`alter table "performance_record" drop constraint "performance_record_employee_id_foreign";`);

    this.addSql(`alter table "assessment" drop constraint "assessment_employee_id_foreign";`);

    this.addSql(`alter table "training_record" drop constraint "training_record_employee_id_foreign";`);

    this.addSql(`alter table "assessment_result" drop constraint "assessment_result_assessment_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);

    this.addSql(`drop table if exists "competency" cascade;`);

    this.addSql(`drop table if exists "competency_level" cascade;`);

    this.addSql(`drop table if exists "course" cascade;`);

    this.addSql(`drop table if exists "course_outcome" cascade;`);

    this.addSql(`drop table if exists "course_prerequisite" cascade;`);

    this.addSql(`drop table if exists "education_level" cascade;`);

    this.addSql(`drop table if exists "org_unit" cascade;`);

    this.addSql(`drop table if exists "rank" cascade;`);

    this.addSql(`drop table if exists "position" cascade;`);

    this.addSql(`drop table if exists "position_requirement" cascade;`);

    this.addSql(`drop table if exists "position_required_course" cascade;`);

    this.addSql(`drop table if exists "employee" cascade;`);

    this.addSql(`drop table if exists "performance_record" cascade;`);

    this.addSql(`drop table if exists "assessment" cascade;`);

    this.addSql(`drop table if exists "assessment_result" cascade;`);

    this.addSql(`drop table if exists "training_record" cascade;`);
  }

}
