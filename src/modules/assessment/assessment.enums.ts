import { registerEnumType } from 'type-graphql';
import { AssessmentMethod } from '../../domain/assessment.enums';

/** The GraphQL names and descriptions of the assessment enums (the values are rules: src/domain). */
registerEnumType(AssessmentMethod, {
  name: 'AssessmentMethod',
  description: 'How competencies were assessed.',
  valuesConfig: {
    ASSESSMENT_CENTER: {
      description: 'An assessment centre: several methods and assessors (the JPM of the SKJ).',
    },
    TEST: { description: 'A written or computer-based competency test.' },
    MULTI_RATER: { description: '360-degree feedback.' },
    PORTFOLIO: { description: 'A review of the portfolio of work done.' },
    INTERVIEW: { description: 'A competency-based interview.' },
  },
});
