import type { Knex } from '@mikro-orm/knex';
import type { Viewer } from '../auth/auth.types';

/** Who made a change: a signed-in caller, or the command line. */
export interface Actor {
  readonly role: string;
  readonly subject: string;
}

export function actorOf(viewer: Viewer | null): Actor {
  return viewer ? { role: viewer.role, subject: viewer.subject } : { role: 'CLI', subject: 'cli' };
}

export interface AuditEntry {
  actor: Actor;
  action: string;
  section?: string | null;
  recordKey?: string | null;
  agency?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one event to the trail, inside the caller's transaction (so it lands with the change or not at all). */
export async function recordAudit(trx: Knex.Transaction, entry: AuditEntry): Promise<void> {
  await trx('audit_event').insert({
    actor_role: entry.actor.role,
    actor: entry.actor.subject,
    action: entry.action,
    section: entry.section ?? null,
    record_key: entry.recordKey ?? null,
    agency: entry.agency ?? null,
    before:
      entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
  });
}
