import { graphql } from '../../gql';
import type { ConsoleFitQuery } from '../../gql/graphql';

/** One candidate against one position: the verdict, every term, the reasons and the plan. */
export const FitQuery = graphql(`
  query ConsoleFit($nip: String!, $code: String!, $policy: ScoringPolicyInput) {
    fit(nip: $nip, positionCode: $code, policy: $policy) {
      asOf
      threshold
      jobPersonMatch
      jobPersonMatchUncapped
      gapIndex
      category
      qualified
      readiness
      employee {
        nip
        name
        rank {
          code
          name
        }
        education {
          code
        }
        orgUnit {
          code
          name
        }
        position {
          name
        }
      }
      position {
        code
        name
      }
      terms {
        competency {
          code
          name
        }
        required
        actual
        gap
        weight
        contribution
        critical
        stale
        assessedOn
      }
      unmetConditions {
        code
        message
        required
        actual
      }
      trainingPlan {
        totalHours
        totalCost
        closesAllGaps
        courses {
          course {
            code
            name
            hours
            cost
            provider
          }
          reason
          required
          closes {
            code
            name
          }
          raises {
            code
            name
          }
          prerequisiteOf {
            code
          }
        }
        byReason {
          reason
          courses
          hours
          cost
        }
        uncoveredGaps {
          competency {
            code
            name
          }
          gap
        }
      }
    }
  }
`);

export type FitData = NonNullable<ConsoleFitQuery['fit']>;
