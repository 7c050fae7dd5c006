import { visibilityOf, type Feature } from '../../platform/http/feature';
import { Role } from '../../platform/auth/auth.types';
import { AuditEvent } from '../../records/audit-event.entity';
import { AuditResolver } from './audit.resolver';

/** The audit trail, read. */
export const auditFeature: Feature = {
  name: 'audit',
  resolvers: [AuditResolver],
  entities: [AuditEvent],
  visibility: [
    visibilityOf<AuditEvent>({
      entity: AuditEvent,
      visible: (rows, access) =>
        rows.filter(
          (e) =>
            access.role === Role.ADMIN || (access.role === Role.HR && e.agency === access.agency),
        ),
    }),
  ],
};
