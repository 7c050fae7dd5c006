import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './modules/audit/audit.resolver';
import type { Context } from './context';
import {
  AssessmentResolver,
  AssessmentResultResolver,
  EmployeeAssessmentsResolver,
  EmployeeCompetencyAssessmentResolver,
} from './modules/assessment/assessment.resolver';
import { CompetencyResolver } from './modules/competency/competency.resolver';
import {
  CompetencyCoursesResolver,
  CourseOutcomeResolver,
  CourseResolver,
} from './modules/course/course.resolver';
import {
  EmployeeCompetencyResolver,
  EmployeeResolver,
  OrgUnitEmployeesResolver,
  PositionHoldersResolver,
} from './modules/employee/employee.resolver';
import { AgencyResolver, OrgUnitResolver } from './modules/org/org.resolver';
import {
  CompetencyPositionsResolver,
  PositionConditionsResolver,
  PositionRequirementResolver,
  PositionResolver,
} from './modules/position/position.resolver';
import {
  CourseCompletionsResolver,
  EmployeeTrainingsResolver,
  TrainingRecordResolver,
} from './modules/training/training.resolver';
import { NodeResolver } from './shared/node.resolver';
import { AssessmentMutationResolver } from './modules/assessment/assessment.mutations';
import { CompetencyMutationResolver } from './modules/competency/competency.mutations';
import { CourseMutationResolver } from './modules/course/course.mutations';
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
} from './modules/analytics/analytics.resolver';
import { DatasetResolver } from './modules/dataset/dataset.resolver';
import {
  EmployeeTalentResolver,
  SuccessionResolver,
  TalentCellResolver,
  TalentMatrixResolver,
  TalentPolicyResolver,
} from './modules/talent/talent.resolver';
import {
  EmployeeFitResolver,
  FitResolver,
  FitTermResolver,
  GapResolver,
  PlannedCourseResolver,
  PositionCandidatesResolver,
} from './modules/fit/fit.resolver';
import { EmployeeMutationResolver } from './modules/employee/employee.mutations';
import { OrgMutationResolver } from './modules/org/org.mutations';
import { PositionMutationResolver } from './modules/position/position.mutations';
import { TrainingMutationResolver } from './modules/training/training.mutations';

const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  AgencyResolver,
  OrgUnitResolver,
  CompetencyResolver,
  CourseResolver,
  CourseOutcomeResolver,
  CompetencyCoursesResolver,
  PositionResolver,
  PositionConditionsResolver,
  PositionRequirementResolver,
  CompetencyPositionsResolver,
  EmployeeResolver,
  EmployeeCompetencyResolver,
  OrgUnitEmployeesResolver,
  PositionHoldersResolver,
  AssessmentResolver,
  AssessmentResultResolver,
  EmployeeCompetencyAssessmentResolver,
  EmployeeAssessmentsResolver,
  TrainingRecordResolver,
  EmployeeTrainingsResolver,
  CourseCompletionsResolver,
  OrgMutationResolver,
  CompetencyMutationResolver,
  CourseMutationResolver,
  PositionMutationResolver,
  EmployeeMutationResolver,
  AssessmentMutationResolver,
  TrainingMutationResolver,
  DatasetResolver,
  FitResolver,
  FitTermResolver,
  GapResolver,
  PlannedCourseResolver,
  EmployeeFitResolver,
  PositionCandidatesResolver,
  EmployeeTalentResolver,
  TalentCellResolver,
  TalentMatrixResolver,
  SuccessionResolver,
  TalentPolicyResolver,
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
  AuditResolver,
];

let built: GraphQLSchema | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function buildAppSchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers: RESOLVERS,
    validate: false,
    // `@Authorized(roles)`: signed in with one of the roles (any role when none are named).
    authChecker: ({ context }: { context: Context }, roles) => {
      context.access.require(...(roles as string[]));
      return true;
    },
  });
  return built;
}

/** The schema as committed in `schema.graphql`: sorted, so diffs show real changes only. */
export function printAppSchema(): string {
  return printSchema(lexicographicSortSchema(buildAppSchema())) + '\n';
}
