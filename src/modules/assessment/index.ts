import type { Feature } from '../../platform/http/feature';
import { visibleWithTheirEmployee } from '../employee/employee.visibility';
import {
  AssessmentResolver,
  AssessmentResultResolver,
  EmployeeAssessmentsResolver,
  EmployeeCompetencyAssessmentResolver,
} from './assessment.resolver';
import {
  AssessmentMutationResolver,
  RecordAssessmentPayloadResolver,
} from './assessment.mutations';
import { Assessment } from './assessment.entity';
import { AssessmentResult } from './assessment-result.entity';

/** Competency assessments and their results. */
export const assessmentFeature: Feature = {
  name: 'assessment',
  resolvers: [
    AssessmentResolver,
    AssessmentResultResolver,
    EmployeeCompetencyAssessmentResolver,
    EmployeeAssessmentsResolver,
    AssessmentMutationResolver,
    RecordAssessmentPayloadResolver,
  ],
  entities: [Assessment, AssessmentResult],
  cost: {
    lists: {
      'Assessment.results': 20,
    },
  },
  visibility: [visibleWithTheirEmployee(Assessment)],
};
