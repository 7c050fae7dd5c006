import { Migration } from '@mikro-orm/migrations';

/** The audit trail is append-only, like assessment history. */
export class Migration20261123120305_audit_append_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger "audit_event_append_only" before update or delete on "audit_event"
      for each row execute function "forbid_history_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "audit_event_append_only" on "audit_event";`);
  }
}
