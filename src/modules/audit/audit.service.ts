import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../platform/graphql/context';
import { paginate } from '../../platform/db/keyset';
import type { PageArgs } from '../../shared/pagination';
import { AuditEvent } from '../../records/audit-event.entity';

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
