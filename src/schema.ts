import 'reflect-metadata';
import {
  defaultFieldResolver,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { buildSchemaSync, type NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './modules/audit/audit.resolver';
import { ChangesResolver, EmployeesChangedResolver } from './modules/changes/changes.resolver';
import {
  DevelopmentCourseResolver,
  DevelopmentPlanResolver,
  EmployeeDevelopmentResolver,
} from './modules/development/development.resolver';
import {
  SelectionDecisionResolver,
  SelectionResolver,
} from './modules/selection/selection.resolver';
import type { Context } from './context';
import { badInput } from './shared/errors';
import { ControlCharacterError, normaliseDeep } from './shared/text';
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
import { NodeResolver } from './node.resolver';
import {
  AssessmentMutationResolver,
  RecordAssessmentPayloadResolver,
} from './modules/assessment/assessment.mutations';
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
  VacancyResolver,
} from './modules/talent/talent.resolver';
import {
  EmployeeFitResolver,
  FitResolver,
  FitTermResolver,
  GapResolver,
  PlannedCourseResolver,
  PositionCandidatesResolver,
  CandidateRankingResolver,
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
  RecordAssessmentPayloadResolver,
  TrainingMutationResolver,
  DatasetResolver,
  FitResolver,
  FitTermResolver,
  GapResolver,
  PlannedCourseResolver,
  EmployeeFitResolver,
  PositionCandidatesResolver,
  CandidateRankingResolver,
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
  SelectionResolver,
  SelectionDecisionResolver,
  VacancyResolver,
  DevelopmentPlanResolver,
  DevelopmentCourseResolver,
  EmployeeDevelopmentResolver,
  ChangesResolver,
  EmployeesChangedResolver,
];

let built: GraphQLSchema | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function buildAppSchema(): GraphQLSchema {
  built ??= normaliseArguments(
    buildSchemaSync({
      resolvers: RESOLVERS,
      validate: false,
      // Subscriptions bring their own streams (the change log): no topics are published.
      pubSub: {
        publish() {
          throw new Error('No topics are published: subscriptions read the change log.');
        },
        subscribe() {
          throw new Error('No topics are published: subscriptions read the change log.');
        },
      },
      // `@Authorized(roles)`: signed in with one of the roles (any role when none are named).
      authChecker: ({ context }: { context: Context }, roles) => {
        context.access.require(...(roles as string[]));
        return true;
      },
    }),
  );
  return built;
}

/**
 * Every argument of every field is normalised once, before any resolver or check sees it:
 * texts in Unicode NFC without surrounding white space, and a control character anywhere
 * refused with BAD_USER_INPUT naming the argument. So a key written `" JPT-014"` is the same
 * key as `"JPT-014"` to every lookup, agency check and write.
 */
function normaliseArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        let normalised: Record<string, unknown>;
        try {
          normalised = normaliseDeep(args as Record<string, unknown>);
        } catch (error) {
          if (!(error instanceof ControlCharacterError)) throw error;
          throw badInput(
            `Argument \`${error.path.join('.')}\` contains the control character ${error.character}.`,
            {
              argument: error.path.join('.'),
            },
          );
        }
        return resolve(source, normalised, context, info);
      };
    }
  }
  return schema;
}

/** The schema as committed in `schema.graphql`: sorted, so diffs show real changes only. */
export function printAppSchema(): string {
  return printSchema(lexicographicSortSchema(buildAppSchema())) + '\n';
}
