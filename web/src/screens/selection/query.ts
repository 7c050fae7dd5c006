import { graphql } from '../../gql';
import type { ConsoleSelectionQuery } from '../../gql/graphql';

export const SelectionQuery = graphql(`
  query ConsoleSelection($id: ID!) {
    selection(id: $id) {
      id
      agency
      note
      openedAt
      openedBy
      closedAt
      fingerprint
      verified
      number
      members {
        name
        nip
        role
      }
      stages {
        id
        name
        kind
        weight
        passMark
        order
      }
      standings {
        rank
        total
        complete
        tieBreak
        employee {
          id
          nip
          name
        }
        droppedAt {
          id
          name
          order
        }
        scores {
          stage {
            id
          }
          score
          note
          fromJobPersonMatch
        }
      }
      proposedNames {
        rank
        total
        employee {
          nip
          name
        }
      }
      position {
        code
        name
        orgUnit {
          agency {
            code
            name
            timeZone
          }
        }
      }
      policy {
        asOf
        scale
      }
      candidates(first: 100) {
        nodes {
          jobPersonMatch
          category
          qualified
          readiness
          threshold
          unmetConditions {
            code
            message
            required
            actual
          }
          terms {
            critical
            gap
          }
          employee {
            nip
            name
          }
        }
      }
      decisions(history: true) {
        current
        decision
        reason
        decidedAt
        decidedBy
        employee {
          nip
          name
        }
      }
    }
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation ConsoleRecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      userErrors {
        field
        code
      }
    }
  }
`);

export const CloseSelectionMutation = graphql(`
  mutation ConsoleCloseSelection($id: ID!) {
    closeSelection(input: { selectionId: $id }) {
      userErrors {
        field
        code
      }
    }
  }
`);

export const RecordStageScoreMutation = graphql(`
  mutation ConsoleRecordStageScore($input: RecordStageScoreInput!) {
    recordStageScore(input: $input) {
      userErrors {
        field
        code
      }
    }
  }
`);

export const SetSelectionMembersMutation = graphql(`
  mutation ConsoleSetSelectionMembers($input: SetSelectionMembersInput!) {
    setSelectionMembers(input: $input) {
      userErrors {
        field
        code
      }
    }
  }
`);

export type SelectionData = NonNullable<ConsoleSelectionQuery['selection']>;
export type DecisionData = SelectionData['decisions'][number];
export type StageData = SelectionData['stages'][number];
export type StandingData = SelectionData['standings'][number];
export type MemberData = SelectionData['members'][number];

/** Each candidate's decisions by NIP, latest first (the first is the one in force). */
export function decisionsByNip(decisions: readonly DecisionData[]): Map<string, DecisionData[]> {
  const byNip = new Map<string, DecisionData[]>();
  for (const d of decisions) {
    if (!d.employee?.nip) continue;
    byNip.set(d.employee.nip, [d, ...(byNip.get(d.employee.nip) ?? [])]);
  }
  for (const list of byNip.values()) list.sort((a, b) => Number(b.current) - Number(a.current));
  return byNip;
}
