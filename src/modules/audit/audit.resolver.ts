import { Arg, Args, Authorized, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../platform/graphql/context';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Role } from '../../platform/auth/auth.types';
import { AuditEvent } from '../../records/audit-event.entity';
import { listAuditEvents } from './audit.service';

export const AuditEventConnection = connectionType(AuditEvent);

@InputType({ description: 'Which audit events to list.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Only this mutation (or `importDataset`).' })
  action?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this dataset section.' }) section?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Only this record key (code, NIP, …).' })
  recordKey?: string | null;
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Only events at or after this moment.',
  })
  since?: Date | null;
}

@Resolver()
export class AuditResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Query(() => AuditEventConnection, {
    nullable: true,
    description: 'The audit trail, latest first; HR sees the events about its agency’s records.',
  })
  auditEvents(
    @Arg('filter', () => AuditEventFilter, {
      nullable: true,
      description: 'Conditions the events must meet.',
    })
    filter: AuditEventFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listAuditEvents(ctx, filter, page);
  }
}
