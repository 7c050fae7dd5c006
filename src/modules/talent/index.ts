import type { Feature } from '../../platform/http/feature';
import {
  EmployeeTalentResolver,
  SuccessionResolver,
  TalentCellResolver,
  TalentMatrixResolver,
  TalentPolicyResolver,
  VacancyResolver,
} from './talent.resolver';
import {
  PositionSuccessionResolver,
  SuccessionNomineeResolver,
  SuccessionPlanResolver,
  TalentReviewMutationResolver,
} from './talent-review.resolver';
import { SuccessionNominee, SuccessionPlan } from './succession-plan.entity';
import { TalentCalibration } from './talent-calibration.entity';
import { TalentPolicy } from './talent-policy.entity';
import { TalentBoxAction } from './talent-box-action.entity';
import { ProfessionalismRulesEntity } from './professionalism-rules.entity';

/** Talent management: the 9-box, succession, vacancies, their policies and the talent review. */
export const talentFeature: Feature = {
  name: 'talent',
  resolvers: [
    EmployeeTalentResolver,
    TalentCellResolver,
    TalentMatrixResolver,
    SuccessionResolver,
    TalentPolicyResolver,
    VacancyResolver,
    TalentReviewMutationResolver,
    PositionSuccessionResolver,
    SuccessionPlanResolver,
    SuccessionNomineeResolver,
  ],
  entities: [
    TalentPolicy,
    TalentBoxAction,
    ProfessionalismRulesEntity,
    TalentCalibration,
    SuccessionPlan,
    SuccessionNominee,
  ],
  cost: {
    lists: {
      'TalentMatrix.cells': 9,
      'Query.benchStrength': 50,
      'Query.vacancies': 50,
      'Query.talentBoxActions': 9,
      'Position.successionPlans': 20,
      'SuccessionPlan.successors': 20,
    },
    work: {
      'Query.succession': 200,
      'Query.benchStrength': 200,
      'Query.vacancies': 300,
      'Query.talentMatrix': 200,
      'Employee.talentBox': 5,
    },
  },
};
