import { Button, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { request, useApi } from '../../api';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { policyFor } from '../../policy';
import {
  MAX_FROZEN_CANDIDATES,
  MAX_SELECTION_TEXT,
  checkText,
  sayFailure,
  sayProblem,
  sayUserErrors,
} from '../../procedure';
import { href, navigate } from '../../router';
import { useSession } from '../../session';
import { ConfirmAction } from '../../ui/confirm';

const OpenSelectionMutation = graphql(`
  mutation ConsoleOpenSelection($input: OpenSelectionInput!) {
    openSelection(input: $input) {
      userErrors {
        field
        code
      }
      selection {
        id
      }
    }
  }
`);

/** How many candidates an opening would freeze: the whole ranking under the policy. */
const SelectionSizeQuery = graphql(`
  query ConsoleSelectionSize($code: String!, $policy: ScoringPolicyInput) {
    candidates(positionCode: $code, policy: $policy, first: 1) {
      totalCount
    }
  }
`);

/**
 * Opens a selection on the position's ranking as it stands, and goes to it, after a
 * confirmation that says how many candidates will be frozen for good; an optional note, checked
 * against the API's limit before anything is sent.
 */
export function OpenSelectionButton(props: { code: string; title: string; scale: string }) {
  const t = useT();
  const { token } = useSession();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const policy = policyFor(props.scale);
  const size = useApi(SelectionSizeQuery, { code: props.code, policy }, token, asking);
  const total = size.data?.candidates.totalCount;
  const invalid = checkText(note, { required: false, max: MAX_SELECTION_TEXT });
  const open = async () => {
    if (invalid) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const { openSelection } = await request(
        OpenSelectionMutation,
        { input: { positionCode: props.code, policy, note: note.trim() || undefined } },
        token,
      );
      if (openSelection.selection) navigate(href(['selections', openSelection.selection.id]));
      else setProblem(sayUserErrors(t, openSelection.userErrors));
    } catch (error) {
      setProblem(sayFailure(t, error));
    }
    setBusy(false);
  };
  return (
    <>
      <Button onClick={() => setAsking(true)}>{t('openSelection')}</Button>
      <ConfirmAction
        opened={asking}
        title={t('confirmOpenTitle', { position: props.title })}
        confirmLabel={t('confirmOpen')}
        busy={busy || total === undefined}
        problem={problem ?? (size.error && sayFailure(t, size.error))}
        onCancel={() => {
          setAsking(false);
          setProblem(undefined);
        }}
        onConfirm={() => void open()}
      >
        <Text size="sm" data-testid="confirm-open-body">
          {total === undefined
            ? t('loading')
            : total > MAX_FROZEN_CANDIDATES
              ? t('confirmOpenTop', { count: MAX_FROZEN_CANDIDATES, total })
              : t('confirmOpenBody', { count: total })}
        </Text>
        <Textarea
          label={t('selectionNote')}
          value={note}
          autosize
          minRows={2}
          error={invalid && sayProblem(t, invalid)}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </ConfirmAction>
    </>
  );
}
