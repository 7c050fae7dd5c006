import { Badge, Button, Card, Group, List, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Decision } from '../../gql/graphql';
import { useT } from '../../i18n';
import { DownloadButtons } from '../../ui/parts';
import { VerdictCells, VerdictHeadings, type VerdictPart } from '../../ui/verdict';
import { notQualifiedText } from '../../../../src/domain/selection.format';
import { DecisionForm } from './DecisionForm';
import { SelectionQuery, decisionsByNip, type DecisionData, type SelectionData } from './query';

/** A frozen candidate's verdict: the category below the JPM, then qualified and readiness. */
const FROZEN_VERDICT: VerdictPart[][] = [['jpm', 'category'], ['qualified'], ['readiness']];

/**
 * The ranking as frozen when the selection opened, each candidate with the decision in force
 * (its reason, when and by whom, the superseded ones on demand) and, while the committee may
 * still decide, a form to record one.
 */
export function FrozenRanking(props: {
  id: string;
  selection: SelectionData;
  dateTime: (value: string) => string;
  onDecide?: (nip: string, decision: Decision, reason: string) => Promise<string | undefined>;
}) {
  const t = useT();
  const { selection, onDecide } = props;
  const byNip = decisionsByNip(selection.decisions);
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
          {selection.candidates.nodes.map((fit, i) => {
            const name = fit.employee.name ?? '—';
            const decisions = (fit.employee.nip && byNip.get(fit.employee.nip)) || [];
            return (
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
                <Table.Td data-testid="reasons">
                  {notQualifiedText(fit, t.language) || '—'}
                </Table.Td>
                <Table.Td>
                  <CandidateDecisions name={name} decisions={decisions} dateTime={props.dateTime} />
                  {onDecide && fit.employee.nip && (
                    <DecisionForm
                      name={name}
                      current={decisions.find((d) => d.current)?.decision}
                      onDecide={(decision, reason) => onDecide(fit.employee.nip!, decision, reason)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/**
 * A candidate's decision in force with its reason, when and by whom; the ones it superseded
 * behind a button.
 */
function CandidateDecisions(props: {
  name: string;
  decisions: DecisionData[];
  dateTime: (value: string) => string;
}) {
  const t = useT();
  const [showHistory, setShowHistory] = useState(false);
  const [current, ...earlier] = props.decisions;
  if (!current?.current)
    return (
      <Text size="xs" c="dimmed">
        {t('undecided')}
      </Text>
    );
  return (
    <div data-testid="candidate-decision">
      <DecisionLine decision={current} dateTime={props.dateTime} />
      {earlier.length > 0 && (
        <>
          <Button
            size="compact-xs"
            variant="subtle"
            aria-expanded={showHistory}
            aria-label={`${t('decisionHistory', { count: earlier.length })}: ${props.name}`}
            onClick={() => setShowHistory((shown) => !shown)}
          >
            {t('decisionHistory', { count: earlier.length })}
          </Button>
          {showHistory && (
            <List size="xs" data-testid="decision-history">
              {earlier.map((d, i) => (
                <List.Item key={i}>
                  <DecisionLine decision={d} dateTime={props.dateTime} />
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </div>
  );
}

function DecisionLine(props: { decision: DecisionData; dateTime: (value: string) => string }) {
  const t = useT();
  const d = props.decision;
  return (
    <>
      <Group gap={4}>
        <Badge variant="outline" tt="none">
          {t.label(d.decision)}
        </Badge>
        {!d.current && (
          <Badge variant="light" color="gray" tt="none">
            {t('superseded')}
          </Badge>
        )}
      </Group>
      <Text size="xs">
        {t('reason')}: {d.reason}
      </Text>
      <Text size="xs" c="dimmed">
        {t('decidedOn', { date: props.dateTime(d.decidedAt) })}{' '}
        <span translate="no">{d.decidedBy}</span>
      </Text>
    </>
  );
}
