import type { EntityClass } from '@mikro-orm/core';
import { visibilityOf, type VisibilityRule } from '../../platform/http/feature';
import { Employee } from './employee.entity';

/** Records of an employee (assessments, trainings) are seen by whoever sees the employee. */
export function visibleWithTheirEmployee<E extends { employee: { id: number } }>(
  entity: EntityClass<E>,
): VisibilityRule {
  return visibilityOf<E>({
    entity,
    async visible(rows, _access, loaders) {
      const owners = await loaders.byId(Employee).loadMany(rows.map((r) => r.employee.id));
      return rows.filter((_, i) => owners[i] instanceof Employee);
    },
  });
}
