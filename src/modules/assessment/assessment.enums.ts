import { registerEnumType } from 'type-graphql';
import { AssessmentMethod } from '../../domain/assessment.enums';

/** The GraphQL names and descriptions of the assessment enums (the values are rules: src/domain). */
registerEnumType(AssessmentMethod, {
  name: 'AssessmentMethod',
  description: 'How competencies were assessed.',
  valuesConfig: {
    MULTI_RATER: { description: '360-degree feedback.' },
  },
});
