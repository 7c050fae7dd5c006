import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { request, useApi } from '../api';
import type { Decision } from '../gql/graphql';
import { useT } from '../i18n';
import { sayFailure, sayScoreErrors, sayUserErrors } from '../procedure';
import { useSession } from '../session';
import { ConfirmAction } from '../ui/confirm';
import { ErrorNotice, Loading } from '../ui/parts';
import { useDateTime } from '../ui/zone';
import { DecisionLog } from './selection/Decisions';
import { SelectionHeading } from './selection/Heading';
import { MembersCard, type SetMembers } from './selection/Members';
import { ProposedNames } from './selection/ProposedNames';
import {
  CloseSelectionMutation,
  RecordDecisionMutation,
  RecordStageScoreMutation,
  SelectionQuery,
  SetSelectionMembersMutation,
  decisionsByNip,
} from './selection/query';
import { FrozenRanking } from './selection/Ranking';
import { downloadReport, verifyHref } from './selection/report';
import type { RecordScore } from './selection/StageScoreForm';
import { StagesCard } from './selection/Stages';

/** A frozen selection: its ranking as opened, the decisions, and the report to sign. */
export function SelectionScreen(props: { id: string }) {
  const t = useT();
  const { token, claims } = useSession();
  const loaded = useApi(SelectionQuery, { id: props.id }, token);
  const [problem, setProblem] = useState<string>();
  const selection = loaded.data?.selection;
  const { dateTime, zone } = useDateTime(
    selection?.position.orgUnit.agency ?? (selection ? { code: selection.agency } : undefined),
  );
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  if (!selection) return <Text>{t('notFound')}</Text>;
  const decides =
    claims.role === 'COMMITTEE' && claims.agency === selection.agency && !selection.closedAt;

  /** Sends a mutation; what went wrong in words, or nothing when it was done. */
  const act = async <E extends { code: string }>(
    run: () => Promise<E[]>,
    say: (errors: E[]) => string = (errors) => sayUserErrors(t, errors),
  ) => {
    try {
      const errors = await run();
      loaded.reload();
      return errors.length > 0 ? say(errors) : undefined;
    } catch (error) {
      return sayFailure(t, error);
    }
  };
  const download = async () => {
    setProblem(undefined);
    const failure = await downloadReport(selection.id, token);
    if (failure !== undefined) setProblem(t.errorMeaning(failure) ?? t('unknownError'));
  };
  const close = () =>
    act(
      async () =>
        (await request(CloseSelectionMutation, { id: selection.id }, token)).closeSelection
          .userErrors,
    );
  const decide = (nip: string, decision: Decision, reason: string) =>
    act(
      async () =>
        (
          await request(
            RecordDecisionMutation,
            { input: { selectionId: selection.id, nip, decision, reason } },
            token,
          )
        ).recordDecision.userErrors,
    );
  const recordScore: RecordScore = (employee, stage, score, note) =>
    act(
      async () =>
        (
          await request(
            RecordStageScoreMutation,
            { input: { selectionId: selection.id, employee, stage, score, note: note || null } },
            token,
          )
        ).recordStageScore.userErrors,
      (errors) => sayScoreErrors(t, errors),
    );
  const setMembers: SetMembers = (members) =>
    act(
      async () =>
        (
          await request(
            SetSelectionMembersMutation,
            { input: { selectionId: selection.id, members } },
            token,
          )
        ).setSelectionMembers.userErrors,
    );

  return (
    <>
      <SelectionHeading selection={selection} dateTime={dateTime} zone={zone} />
      <Group mt="md" gap="sm">
        <Button onClick={() => void download()} data-testid="download-report">
          {t('downloadReport')}
        </Button>
        <Anchor
          href={verifyHref(selection.id, selection.fingerprint)}
          target="_blank"
          rel="noopener"
          size="sm"
          data-testid="verify-link"
        >
          {t('verifyFingerprint')}
        </Anchor>
        {decides && <CloseSelectionButton selection={selection} onClose={close} />}
      </Group>
      {problem && (
        <Alert color="red" mt="sm" role="alert">
          {problem}
        </Alert>
      )}
      <MembersCard members={selection.members} onSet={decides ? setMembers : undefined} />
      <StagesCard selection={selection} onRecord={decides ? recordScore : undefined} />
      <ProposedNames selection={selection} />
      <FrozenRanking
        id={props.id}
        selection={selection}
        dateTime={dateTime}
        onDecide={decides ? decide : undefined}
      />
      <DecisionLog decisions={selection.decisions} dateTime={dateTime} />
    </>
  );
}

/**
 * "Tutup seleksi", after a confirmation that says how many candidates have a decision and that
 * nothing can be decided after.
 */
function CloseSelectionButton(props: {
  selection: Parameters<typeof SelectionHeading>[0]['selection'];
  onClose: () => Promise<string | undefined>;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { selection } = props;
  const nips = new Set(selection.candidates.nodes.map((fit) => fit.employee.nip));
  const decided = [...decisionsByNip(selection.decisions).keys()].filter((nip) => nips.has(nip));
  const confirm = async () => {
    setBusy(true);
    const failure = await props.onClose();
    setBusy(false);
    setProblem(failure);
    if (!failure) setAsking(false);
  };
  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)}>
        {t('closeSelection')}
      </Button>
      <ConfirmAction
        opened={asking}
        title={t('confirmCloseTitle', { position: selection.position.name })}
        confirmLabel={t('confirmClose')}
        busy={busy}
        problem={problem}
        onCancel={() => {
          setAsking(false);
          setProblem(undefined);
        }}
        onConfirm={() => void confirm()}
      >
        <Text size="sm">
          {t('confirmCloseBody', {
            decided: decided.length,
            count: selection.candidates.nodes.length,
          })}
        </Text>
      </ConfirmAction>
    </>
  );
}
