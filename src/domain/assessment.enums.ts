import { registerEnumType } from 'type-graphql';

export enum AssessmentMethod {
  ASSESSMENT_CENTER = 'ASSESSMENT_CENTER',
  TEST = 'TEST',
  MULTI_RATER = 'MULTI_RATER',
  PORTFOLIO = 'PORTFOLIO',
  INTERVIEW = 'INTERVIEW',
}

registerEnumType(AssessmentMethod, {
  name: 'AssessmentMethod',
  description: 'How competencies were assessed.',
  valuesConfig: {
    MULTI_RATER: { description: '360-degree feedback.' },
  },
});
