import { Migration } from '@mikro-orm/migrations';

/**
 * A committee's record cannot be rewritten quietly. Selections are sealed with a keyed
 * fingerprint (`fingerprint_scheme` HMAC_SHA256; those opened before keep their plain SHA-256 and
 * are marked SHA256), decisions carry chained MACs and are append-only (a correction supersedes),
 * and a selection changes only by closing, once: `closed_at` cannot be cleared or moved after.
 */
export class Migration20261207122543_selection_record extends Migration {
  override async up(): Promise<void> {
    // Selections opened until now have an unkeyed fingerprint; the key is not known to SQL.
    this.addSql(
      `alter table "selection" add column "fingerprint_scheme" text check ("fingerprint_scheme" in ('HMAC_SHA256', 'SHA256')) not null default 'SHA256', add column "close_mac" varchar(64) null;`,
    );
    this.addSql(`alter table "selection" alter column "fingerprint_scheme" drop default;`);

    this.addSql(
      `alter table "selection_decision" add column "supersedes_id" int null, add column "mac" varchar(64) null;`,
    );
    this.addSql(
      `alter table "selection_decision" add constraint "selection_decision_supersedes_id_foreign" foreign key ("supersedes_id") references "selection_decision" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "selection_decision" add constraint "selection_decision_supersedes_id_unique" unique ("supersedes_id");`,
    );

    // A selection is written once, keyed; afterwards only its closing is set, once.
    this.addSql(`create function "guard_selection_record"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'a selection is a record: DELETE on selection is not allowed' using errcode = 'P0001';
        end if;
        if tg_op = 'INSERT' then
          if new.fingerprint_scheme <> 'HMAC_SHA256' or new.closed_at is not null or new.close_mac is not null then
            raise exception 'a selection is opened with a keyed fingerprint, and open' using errcode = 'P0001';
          end if;
          return new;
        end if;
        if old.closed_at is not null then
          raise exception 'selection % is closed: nothing about it changes, closed_at included', old.id using errcode = 'P0001';
        end if;
        if (new.id, new.position_id, new.agency, new.opened_at, new.opened_by, new.snapshot, new.fingerprint, new.fingerprint_scheme)
            is distinct from (old.id, old.position_id, old.agency, old.opened_at, old.opened_by, old.snapshot, old.fingerprint, old.fingerprint_scheme)
          or new.note is distinct from old.note then
          raise exception 'selection %: only closing changes a selection', old.id using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "selection_record" before insert or update or delete on "selection"
      for each row execute function "guard_selection_record"();`);

    // Decisions are appended, to an open selection only; a correction is a new decision.
    this.addSql(`create function "guard_selection_decision"() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          raise exception 'decisions are append-only: % on selection_decision is not allowed (a correction is a new decision)', tg_op
            using errcode = 'P0001';
        end if;
        if exists (select 1 from "selection" where "id" = new.selection_id and "closed_at" is not null) then
          raise exception 'selection % is closed: no decision is added', new.selection_id using errcode = 'P0001';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "selection_decision_append_only" before insert or update or delete on "selection_decision"
      for each row execute function "guard_selection_decision"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "selection_decision_append_only" on "selection_decision";`);
    this.addSql(`drop function "guard_selection_decision"();`);
    this.addSql(`drop trigger "selection_record" on "selection";`);
    this.addSql(`drop function "guard_selection_record"();`);
    this.addSql(
      `alter table "selection_decision" drop constraint "selection_decision_supersedes_id_foreign";`,
    );
    this.addSql(
      `alter table "selection_decision" drop constraint "selection_decision_supersedes_id_unique";`,
    );
    this.addSql(`alter table "selection_decision" drop column "supersedes_id", drop column "mac";`);
    this.addSql(`alter table "selection" drop column "fingerprint_scheme", drop column "close_mac";`);
  }
}
