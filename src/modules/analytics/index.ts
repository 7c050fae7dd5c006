import type { Feature } from '../../platform/http/feature';
import {
  CompetencyNeedResolver,
  CourseNeedRankResolver,
  EmployeeProfessionalismResolver,
  EmployeeTrainingHoursResolver,
  HeatMapCellResolver,
  HeatMapResolver,
  HeatMapRowResolver,
  ProfessionalismResolver,
  TrainingComplianceResolver,
  TrainingNeedsResolver,
  TrainingProgrammeResolver,
} from './analytics.resolver';

/** Analysts' aggregates: heat maps, training needs and compliance, professionalism. */
export const analyticsFeature: Feature = {
  name: 'analytics',
  resolvers: [
    TrainingComplianceResolver,
    EmployeeTrainingHoursResolver,
    HeatMapResolver,
    HeatMapRowResolver,
    HeatMapCellResolver,
    TrainingNeedsResolver,
    CompetencyNeedResolver,
    CourseNeedRankResolver,
    TrainingProgrammeResolver,
    ProfessionalismResolver,
    EmployeeProfessionalismResolver,
  ],
  cost: {
    lists: {
      'CompetencyHeatMap.rows': 50,
      'CompetencyHeatMap.competencies': 50,
      'HeatMapRow.cells': 50,
      'TrainingNeeds.competencies': 50,
      'TrainingNeeds.courses': 50,
      'TrainingProgramme.courses': 50,
      'ProfessionalismSummary.bands': 5,
    },
    work: {
      'Query.competencyHeatMap': 500,
      'Query.trainingNeeds': 500,
      'Query.trainingCompliance': 200,
      'Query.professionalismIndex': 200,
      'Employee.professionalismIndex': 5,
    },
  },
};
