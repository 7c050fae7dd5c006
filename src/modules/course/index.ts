import type { Feature } from '../../platform/http/feature';
import {
  CompetencyCoursesResolver,
  CourseOutcomeResolver,
  CourseResolver,
} from './course.resolver';
import { CourseMutationResolver } from './course.mutations';
import { Course } from './course.entity';
import { CourseOutcome } from './course-outcome.entity';
import { CoursePrerequisite } from './course-prerequisite.entity';

/** Trainings (courses), the competencies they raise and their prerequisites. */
export const courseFeature: Feature = {
  name: 'course',
  resolvers: [
    CourseResolver,
    CourseOutcomeResolver,
    CompetencyCoursesResolver,
    CourseMutationResolver,
  ],
  entities: [Course, CourseOutcome, CoursePrerequisite],
  cost: {
    lists: {
      'Competency.developedBy': 20,
      'Course.outcomes': 10,
      'Course.prerequisites': 3,
      'Course.requiredFor': 10,
    },
  },
};
