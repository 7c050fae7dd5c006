import type { Context } from '../../platform/graphql/context';
import { Assessment } from './assessment.entity';
import type { AssessmentMethod } from '../../domain/assessment.enums';

/** An employee's assessment of one day by one method (there is at most one). */
export function assessmentOn(
  ctx: Context,
  employeeId: number,
  assessedOn: Date,
  method: AssessmentMethod,
): Promise<Assessment | null> {
  return ctx.em.findOne(Assessment, {
    employee: employeeId,
    assessedOn: assessedOn.toISOString().slice(0, 10),
    method,
  });
}
