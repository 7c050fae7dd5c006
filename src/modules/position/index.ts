import { visibilityOf, type Feature } from '../../platform/http/feature';
import {
  CompetencyPositionsResolver,
  PositionConditionsResolver,
  PositionRequirementResolver,
  PositionResolver,
} from './position.resolver';
import { PositionMutationResolver } from './position.mutations';
import { Position } from './position.entity';
import { PositionRequirement } from './position-requirement.entity';
import { PositionRequiredCourse } from './position-required-course.entity';

/** Positions (jabatan), their job profiles and conditions. */
export const positionFeature: Feature = {
  name: 'position',
  resolvers: [
    PositionResolver,
    PositionConditionsResolver,
    PositionRequirementResolver,
    CompetencyPositionsResolver,
    PositionMutationResolver,
  ],
  entities: [Position, PositionRequirement, PositionRequiredCourse],
  leanEntities: [Position, PositionRequirement],
  cost: {
    lists: {
      'Competency.requiredBy': 50,
      'Position.requirements': 15,
      'PositionConditions.requiredCourses': 5,
    },
  },
  visibility: [
    visibilityOf<Position>({
      entity: Position,
      async visible(rows, access) {
        const keep = await Promise.all(rows.map((p) => access.seesPosition(p)));
        return rows.filter((_, i) => keep[i]);
      },
    }),
  ],
};
