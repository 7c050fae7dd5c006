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
      position {
        code
        title
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
          employee {
            nip
            name
          }
        }
      }
      decisions {
        decision
        reason
        decidedAt
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
        message
      }
    }
  }
`);

export const CloseSelectionMutation = graphql(`
  mutation ConsoleCloseSelection($id: ID!) {
    closeSelection(input: { selectionId: $id }) {
      userErrors {
        message
      }
    }
  }
`);

export type SelectionData = NonNullable<ConsoleSelectionQuery['selection']>;
