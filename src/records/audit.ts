import type { Knex } from '@mikro-orm/knex';
import type { Viewer } from '../platform/auth/auth.types';

/** Who made a change: a signed-in caller, or the command line. */
export interface Actor {
  readonly role: string;
  readonly subject: string;
  /** The HTTP request that acts (null: the command line). */
  readonly requestId?: string | null;
}

/** The caller of a request (its viewer and request id), or the command line. */
export function actorOf(ctx: {
  access: { viewer: Viewer | null };
  requestId: string | null;
}): Actor {
  const { viewer } = ctx.access;
  return viewer
    ? { role: viewer.role, subject: viewer.subject, requestId: ctx.requestId }
    : { role: 'CLI', subject: 'cli' };
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
    request_id: entry.actor.requestId ?? null,
    before:
      entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
  });
}
