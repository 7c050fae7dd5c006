import { Badge, Button, Card, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Decision } from '../../gql/graphql';
import { useT } from '../../i18n';
import { DownloadButtons } from '../../ui/parts';
import { VerdictCells, VerdictHeadings, type VerdictPart } from '../../ui/verdict';
import { SelectionQuery, type SelectionData } from './query';

const DECISIONS: Decision[] = ['SHORTLISTED', 'SELECTED', 'NOT_SELECTED', 'WITHDRAWN'];

/** A frozen candidate's verdict: the category below the JPM, then qualified and readiness. */
const FROZEN_VERDICT: VerdictPart[][] = [['jpm', 'category'], ['qualified'], ['readiness']];

/**
 * The ranking as frozen when the selection opened, each candidate with the latest decision
 * and (while the committee may still decide) a form to record one.
 */
export function FrozenRanking(props: {
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
