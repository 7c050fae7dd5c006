import type { Feature } from '../../platform/http/feature';
import { visibleWithTheirEmployee } from '../employee/employee.visibility';
import {
  CourseCompletionsResolver,
  EmployeeTrainingsResolver,
  TrainingRecordResolver,
} from './training.resolver';
import { TrainingMutationResolver } from './training.mutations';
import { TrainingRecord } from './training-record.entity';

/** Training records: the courses employees completed. */
export const trainingFeature: Feature = {
  name: 'training',
  resolvers: [
    TrainingRecordResolver,
    EmployeeTrainingsResolver,
    CourseCompletionsResolver,
    TrainingMutationResolver,
  ],
  entities: [TrainingRecord],
  visibility: [visibleWithTheirEmployee(TrainingRecord)],
};
