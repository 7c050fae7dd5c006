import type { Feature } from '../../platform/http/feature';
import {
  EmployeeTalentResolver,
  SuccessionResolver,
  TalentCellResolver,
  TalentMatrixResolver,
  TalentPolicyResolver,
  VacancyResolver,
} from './talent.resolver';
import { TalentPolicy } from './talent-policy.entity';
import { TalentBoxAction } from './talent-box-action.entity';
import { ProfessionalismRulesEntity } from './professionalism-rules.entity';

/** Talent management: the 9-box, succession, vacancies and their policies. */
export const talentFeature: Feature = {
  name: 'talent',
  resolvers: [
    EmployeeTalentResolver,
    TalentCellResolver,
    TalentMatrixResolver,
    SuccessionResolver,
    TalentPolicyResolver,
    VacancyResolver,
  ],
  entities: [TalentPolicy, TalentBoxAction, ProfessionalismRulesEntity],
  cost: {
    lists: {
      'TalentMatrix.cells': 9,
      'Query.benchStrength': 50,
      'Query.vacancies': 50,
      'Query.talentBoxActions': 9,
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
