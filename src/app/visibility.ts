import type { Guard, Loaders } from '../platform/db/loaders';
import { Assessment } from '../modules/assessment/assessment.entity';
import { AuditEvent } from '../records/audit-event.entity';
import { Employee } from '../modules/employee/employee.entity';
import { Position } from '../modules/position/position.entity';
import { Selection } from '../modules/selection/selection.entity';
import { TrainingRecord } from '../modules/training/training-record.entity';
import type { Access } from '../platform/auth/access';
import { Role } from '../platform/auth/auth.types';

/**
 * What the viewer may see of the rows a loader brings: employees and positions by the
 * viewer's access, assessments and training records by their employee's, audit events by
 * role and agency. Every loaded object passes here, so root lookups, nested fields,
 * connections and `node` answer alike.
 */
export function visibilityGuard(access: Access, loaders: () => Loaders): Guard {
  return async (entity, rows) => {
    if (entity === Employee) {
      const keep = await Promise.all((rows as Employee[]).map((e) => access.seesEmployee(e)));
      return rows.filter((_, i) => keep[i]);
    }
    if (entity === Position) {
      const keep = await Promise.all((rows as Position[]).map((p) => access.seesPosition(p)));
      return rows.filter((_, i) => keep[i]);
    }
    if (entity === Assessment || entity === TrainingRecord) {
      const owners = await loaders()
        .byId(Employee)
        .loadMany((rows as Assessment[]).map((r) => r.employee.id));
      return rows.filter((_, i) => owners[i] instanceof Employee);
    }
    if (entity === AuditEvent) {
      const role = access.role;
      return rows.filter(
        (e) =>
          role === Role.ADMIN || (role === Role.HR && (e as AuditEvent).agency === access.agency),
      );
    }
    if (entity === Selection) {
      const role = access.role;
      return rows.filter(
        (s) =>
          role === Role.ADMIN ||
          ((role === Role.HR || role === Role.COMMITTEE) &&
            (s as Selection).agency === access.agency),
      );
    }
    return rows;
  };
}
