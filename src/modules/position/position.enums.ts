import { registerEnumType } from 'type-graphql';
import { PerformanceRating, PositionCategory } from '../../domain/position.enums';
import { DisciplineLevel } from '../../domain/discipline';

/** The GraphQL names and descriptions of the position enums (the values are rules: src/domain). */
registerEnumType(PositionCategory, {
  name: 'PositionCategory',
  description: 'Position category (UU ASN); `categoryName` on Position gives the Indonesian name.',
});

registerEnumType(PerformanceRating, {
  name: 'PerformanceRating',
  description: 'SKP performance rating for a year.',
});

registerEnumType(DisciplineLevel, {
  name: 'DisciplineLevel',
  description: 'Level of a disciplinary sentence (PP 94/2021), lightest first.',
  valuesConfig: {
    RINGAN: {
      description: 'Light (ringan): oral or written reprimand, statement of dissatisfaction.',
    },
    SEDANG: {
      description:
        'Moderate (sedang): a 25% cut of the performance allowance for 6, 9 or 12 months.',
    },
    BERAT: {
      description: 'Heavy (berat): demotion or release from the post for 12 months, or dismissal.',
    },
  },
});
