import type { Feature } from '../../platform/http/feature';
import { Rank } from './rank.entity';
import { EducationLevel } from './education-level.entity';
import { EducationLevelLabelResolver, LabelsResolver, RankLabelResolver } from './labels.resolver';

/** Reference tables (ranks, education levels) and the labels of every coded value. */
export const referenceFeature: Feature = {
  name: 'reference',
  resolvers: [LabelsResolver, RankLabelResolver, EducationLevelLabelResolver],
  entities: [Rank, EducationLevel],
  // Every value of every enum: about 150 today, room for the enums still to come.
  cost: { lists: { 'Query.labels': 250 } },
};
