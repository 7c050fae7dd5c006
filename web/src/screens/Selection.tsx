import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, request, useApi } from '../api';
import type { Decision } from '../gql/graphql';
import { useT } from '../i18n';
import { useSession } from '../session';
import { ErrorNotice, Loading } from '../ui/parts';
import { DecisionLog } from './selection/Decisions';
import { SelectionHeading } from './selection/Heading';
import { CloseSelectionMutation, RecordDecisionMutation, SelectionQuery } from './selection/query';
import { FrozenRanking } from './selection/Ranking';
import { downloadReport } from './selection/report';

/** A frozen selection: its ranking as opened, the decisions, and the report to sign. */
export function SelectionScreen(props: { id: string }) {
  const t = useT();
  const { token, claims } = useSession();
  const loaded = useApi(SelectionQuery, { id: props.id }, token);
  const [problem, setProblem] = useState<string>();
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const selection = loaded.data.selection;
  if (!selection) return <Text>{t('notFound')}</Text>;
  const decides =
    claims.role === 'COMMITTEE' && claims.agency === selection.agency && !selection.closedAt;

  const act = async (run: () => Promise<{ message: string }[]>) => {
    setProblem(undefined);
    try {
      const errors = await run();
      if (errors.length > 0) setProblem(errors.map((e) => e.message).join(' '));
      loaded.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  const download = async () => {
    const failure = await downloadReport(selection.id, token);
    if (failure !== undefined) setProblem(failure);
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

  return (
    <>
      <SelectionHeading selection={selection} />
      <Group mt="md" gap="sm">
        <Button onClick={() => void download()} data-testid="download-report">
          {t('downloadReport')}
        </Button>
        {decides && (
          <Button variant="default" onClick={() => void close()}>
            {t('closeSelection')}
          </Button>
        )}
      </Group>
      {problem && (
        <Alert color="red" mt="sm" role="alert">
          {problem}
        </Alert>
      )}
      <FrozenRanking id={props.id} selection={selection} onDecide={decides ? decide : undefined} />
      <DecisionLog decisions={selection.decisions} />
    </>
  );
}
