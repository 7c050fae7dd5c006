import type { FilterQuery } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../platform/graphql/context';
import { paginate } from '../platform/db/keyset';
import type { PageArgs } from '../shared/pagination';
import { AuditEvent } from './audit-event.entity';
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

/** The audit trail, latest first, as the filter asks; a caller bound to an agency sees its own. */
export function listAuditEvents(
  ctx: Context,
  filter: {
    action?: string | null;
    section?: string | null;
    recordKey?: string | null;
    since?: Date | null;
  } | null,
  page: PageArgs,
) {
  const where: FilterQuery<AuditEvent> & Record<string, unknown> = {};
  if (filter?.action) where.action = filter.action;
  if (filter?.section) where.section = filter.section;
  if (filter?.recordKey) where.recordKey = filter.recordKey;
  if (filter?.since) where.at = { $gte: filter.since };
  if (ctx.access.agency) where.agency = ctx.access.agency;
  return paginate(ctx.em, AuditEvent, where, [{ property: 'id', direction: 'DESC' }], page);
}
