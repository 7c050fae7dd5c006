import { Migration } from '@mikro-orm/migrations';

/** Each audited change names the HTTP request that made it (its `x-request-id`). */
export class Migration20261130020000_audit_request_id extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" add column "request_id" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_event" drop column "request_id";`);
  }
}
