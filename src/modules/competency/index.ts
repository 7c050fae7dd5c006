import type { Feature } from '../../platform/http/feature';
import { CompetencyResolver } from './competency.resolver';
import { CompetencyMutationResolver } from './competency.mutations';
import { Competency } from './competency.entity';
import { CompetencyLevel } from './competency-level.entity';

/** The competency dictionary and its proficiency levels. */
export const competencyFeature: Feature = {
  name: 'competency',
  resolvers: [CompetencyResolver, CompetencyMutationResolver],
  entities: [Competency, CompetencyLevel],
  leanEntities: [Competency],
  cost: {
    lists: {
      'Competency.levels': 5,
      'CompetencyLevel.indicators': 10,
    },
  },
};
