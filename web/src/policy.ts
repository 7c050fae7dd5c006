import type { JpmScale, ScoringPolicyInput } from './gql/graphql';

/**
 * The scoring policy the console sends: the scale is chosen on screen, everything else is
 * stated explicitly (the API's defaults) so that a printed report says exactly what was used.
 */
export function policyFor(scale: string | null): ScoringPolicyInput {
  return {
    scale: (scale === 'ELIGIBILITY' ? 'ELIGIBILITY' : 'OPTIMAL') satisfies JpmScale,
    capPerCompetency: true,
    capTotal: true,
    validityYears: 3,
  };
}
