import { Migration } from '@mikro-orm/migrations';

/**
 * A berita acara fit to sign. The agency keeps its letterhead (address, the place of the
 * place-and-date line, an optional logo as PNG or JPEG bytes of at most 64 KiB), its province
 * (whose time zone dates the report) and the format of its berita acara numbers. A selection
 * keeps its committee's members (sealed by a MAC over the fingerprint) and the number given at
 * closing, drawn from `berita_acara_sequence`: one counter per agency and year, taken by
 * `insert … on conflict do update … returning`, so two closings at once never share a number.
 */
export class Migration20261207180400_berita_acara extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "agency" add column "province" varchar(2) null, add column "address" text null, add column "place" varchar(100) null, add column "number_format" varchar(100) null;`,
    );
    this.addSql(
      `alter table "selection" add column "members" jsonb null, add column "members_mac" varchar(64) null, add column "number" varchar(120) null;`,
    );
    // The logo apart from the agency's row: agencies are read on hot paths, the logo only by reports.
    this.addSql(`create table "agency_logo" (
      "agency_id" int not null,
      "bytes" bytea not null,
      "media_type" varchar(20) not null,
      constraint "agency_logo_pkey" primary key ("agency_id"));`);
    this.addSql(
      `alter table "agency_logo" add constraint "agency_logo_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create table "berita_acara_sequence" (
      "agency" varchar(64) not null,
      "year" int not null,
      "last" int not null,
      constraint "berita_acara_sequence_pkey" primary key ("agency", "year"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "berita_acara_sequence";`);
    this.addSql(`drop table "agency_logo";`);
    this.addSql(
      `alter table "selection" drop column "members", drop column "members_mac", drop column "number";`,
    );
    this.addSql(
      `alter table "agency" drop column "province", drop column "address", drop column "place", drop column "number_format";`,
    );
  }
}
