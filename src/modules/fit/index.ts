import type { Feature } from '../../platform/http/feature';
import {
  CandidateRankingResolver,
  EmployeeFitResolver,
  FitResolver,
  FitTermResolver,
  GapResolver,
  PlannedCourseResolver,
  PositionCandidatesResolver,
} from './fit.resolver';

/** Fit of an employee to a position, candidate rankings and training plans. */
export const fitFeature: Feature = {
  name: 'fit',
  resolvers: [
    FitResolver,
    FitTermResolver,
    GapResolver,
    PlannedCourseResolver,
    EmployeeFitResolver,
    PositionCandidatesResolver,
    CandidateRankingResolver,
  ],
  cost: {
    lists: {
      'Fit.terms': 15,
      'Fit.gaps': 15,
      'Fit.unmetConditions': 8,
      'Gap.courses': 5,
      'TrainingPlan.courses': 15,
      'TrainingPlan.uncoveredGaps': 15,
      'PlannedCourse.closes': 3,
      'PlannedCourse.raises': 3,
      'PlannedCourse.prerequisiteOf': 15,
      'TrainingPlan.byReason': 4,
    },
    work: {
      'Query.fit': 10,
      'Employee.fit': 10,
      'Fit.trainingPlan': 10,
      'Employee.bestFitPositions': 2_000,
      'Query.candidates': 100,
      'Position.candidates': 100,
    },
  },
};
