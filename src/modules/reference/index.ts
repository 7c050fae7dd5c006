import type { Feature } from '../../platform/http/feature';
import { Rank } from './rank.entity';
import { EducationLevel } from './education-level.entity';

/** Reference tables: ranks (golongan/ruang) and education levels. */
export const referenceFeature: Feature = {
  name: 'reference',
  entities: [Rank, EducationLevel],
};
