import type { Feature } from '../../platform/http/feature';
import {
  DevelopmentCourseResolver,
  DevelopmentPlanResolver,
  EmployeeDevelopmentResolver,
} from './development.resolver';
import { DevelopmentPlan, DevelopmentPlanCourse } from './development-plan.entity';

/** Individual development plans. */
export const developmentFeature: Feature = {
  name: 'development',
  resolvers: [DevelopmentPlanResolver, DevelopmentCourseResolver, EmployeeDevelopmentResolver],
  entities: [DevelopmentPlan, DevelopmentPlanCourse],
  cost: {
    lists: {
      'DevelopmentPlanSummary.plans': 200,
      'DevelopmentPlan.courses': 25,
      'Employee.developmentPlans': 10,
    },
  },
};
