import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError, request, useApi } from '../api';
import { graphql } from '../gql';
import type { ConsoleSelectionQuery, Decision } from '../gql/graphql';
import { useT } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { DownloadButtons, ErrorNotice, Loading } from '../ui/parts';
import { VerdictCells, VerdictHeadings, type VerdictPart } from '../ui/verdict';
import { notQualifiedText } from '../../../src/domain/selection.format';

const DECISIONS: Decision[] = ['SHORTLISTED', 'SELECTED', 'NOT_SELECTED', 'WITHDRAWN'];

/** A frozen candidate's verdict: the category below the JPM, then qualified and readiness. */
const FROZEN_VERDICT: VerdictPart[][] = [['jpm', 'category'], ['qualified'], ['readiness']];

const SelectionQuery = graphql(`
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
        name
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

const RecordDecisionMutation = graphql(`
  mutation ConsoleRecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`);

const CloseSelectionMutation = graphql(`
  mutation ConsoleCloseSelection($id: ID!) {
    closeSelection(input: { selectionId: $id }) {
      userErrors {
        message
      }
    }
  }
`);

type SelectionData = NonNullable<ConsoleSelectionQuery['selection']>;

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

/**
 * Fetches the signed report (berita acara) as a PDF and saves it; what went wrong, if the
 * server refused it.
 */
async function downloadReport(id: string, token: string | null): Promise<string | undefined> {
  const response = await fetch(`/selections/${encodeURIComponent(id)}/report.pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {
      errors?: { message: string }[];
    };
    return body.errors?.[0]?.message ?? `${response.status}`;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `berita-acara-seleksi.pdf`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The position, when and by whom the selection was opened (or closed), and its seal. */
function SelectionHeading(props: { selection: SelectionData }) {
  const t = useT();
  const { selection } = props;
  return (
    <>
      <Anchor href={href(['positions', selection.position.code])} size="sm">
        ← {selection.position.name}
      </Anchor>
      <Title order={2} mt="xs">
        {t('selectionTitle', { position: selection.position.name })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('selectionOpened', { date: t.date(selection.openedAt) })}{' '}
        <span translate="no">{selection.openedBy}</span> ·{' '}
        {selection.closedAt
          ? t('selectionClosedOn', { date: t.date(selection.closedAt) })
          : t('selectionOpen')}
        {selection.note ? ` · ${selection.note}` : ''}
      </Text>
      <Group mt="xs" gap="sm">
        <Badge color={selection.verified ? 'green' : 'red'} variant="light" data-testid="verified">
          {selection.verified ? t('verified') : t('notVerified')}
        </Badge>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {t('fingerprint')}: {selection.fingerprint}
        </Text>
      </Group>
    </>
  );
}

/**
 * The ranking as frozen when the selection opened, each candidate with the latest decision
 * and (while the committee may still decide) a form to record one.
 */
function FrozenRanking(props: {
  id: string;
  selection: SelectionData;
  onDecide?: (nip: string, decision: Decision, reason: string) => Promise<void>;
}) {
  const t = useT();
  const { selection, onDecide } = props;
  const latest = new Map<string, string>();
  for (const d of selection.decisions) if (d.employee?.nip) latest.set(d.employee.nip, d.decision);
  return (
    <Card withBorder mt="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('frozenRanking')}
        </Title>
        <DownloadButtons document={SelectionQuery} variables={{ id: props.id }} />
      </Group>
      <Table data-testid="frozen-candidates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rank')}</Table.Th>
            <Table.Th>{t('name')}</Table.Th>
            <VerdictHeadings cells={FROZEN_VERDICT} />
            <Table.Th>{t('reasons')}</Table.Th>
            <Table.Th>{t('decision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {selection.candidates.nodes.map((fit, i) => (
            <Table.Tr key={fit.employee.nip ?? i} data-nip={fit.employee.nip}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                {fit.employee.name}
                <Text size="xs" c="dimmed">
                  {fit.employee.nip}
                </Text>
              </Table.Td>
              <VerdictCells verdict={fit} cells={FROZEN_VERDICT} />
              {/* The berita acara prints the same words, from the same function. */}
              <Table.Td data-testid="reasons">{notQualifiedText(fit, t.language) || '—'}</Table.Td>
              <Table.Td>
                {fit.employee.nip && latest.has(fit.employee.nip) && (
                  <Badge variant="outline">{t.label(latest.get(fit.employee.nip)!)}</Badge>
                )}
                {onDecide && fit.employee.nip && (
                  <DecisionForm
                    name={fit.employee.name ?? '—'}
                    onDecide={(decision, reason) => onDecide(fit.employee.nip!, decision, reason)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Every decision recorded, in order, with its reason. */
function DecisionLog(props: { decisions: SelectionData['decisions'] }) {
  const t = useT();
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('decisions')}
      </Title>
      {props.decisions.length === 0 ? (
        <Text size="sm">{t('noDecisions')}</Text>
      ) : (
        <List size="sm" data-testid="decisions">
          {props.decisions.map((d, i) => (
            <List.Item key={i}>
              {t.date(d.decidedAt)} — {d.employee?.name}: {t.label(d.decision)}. {t('reason')}:{' '}
              {d.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function DecisionForm(props: {
  name: string;
  onDecide: (decision: Decision, reason: string) => Promise<void>;
}) {
  const t = useT();
  const [decision, setDecision] = useState<Decision>('SHORTLISTED');
  const [reason, setReason] = useState('');
  return (
    <Group gap={4} mt={4} wrap="nowrap">
      <Select
        size="xs"
        w={150}
        aria-label={`${t('decision')}: ${props.name}`}
        value={decision}
        allowDeselect={false}
        onChange={(value) => value && setDecision(value as Decision)}
        data={DECISIONS.map((value) => ({ value, label: t.label(value) }))}
      />
      <TextInput
        size="xs"
        w={160}
        aria-label={`${t('reason')}: ${props.name}`}
        placeholder={t('reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <Button
        size="xs"
        variant="light"
        aria-label={`${t('recordDecision')}: ${props.name}`}
        onClick={() => void props.onDecide(decision, reason).then(() => setReason(''))}
      >
        {t('recordDecision')}
      </Button>
    </Group>
  );
}
