import { Card, List, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import { formatScore } from '../../../../src/domain/selection.format';
import type { SelectionData } from './query';

/**
 * The names proposed to the PPK: the (at most three) best standings that completed every stage
 * without dropping, best first, each with its NIP and total; or that none has completed yet.
 */
export function ProposedNames(props: { selection: SelectionData }) {
  const t = useT();
  const { proposedNames, stages } = props.selection;
  if (stages.length === 0) return null;
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('proposedTitle')}
      </Title>
      {proposedNames.length === 0 ? (
        <Text size="sm" data-testid="proposed-none">
          {t('proposedNone')}
        </Text>
      ) : (
        <>
          <List type="ordered" data-testid="proposed-names">
            {proposedNames.map((standing, i) => (
              <List.Item key={standing.employee?.nip ?? i} data-nip={standing.employee?.nip}>
                {standing.employee?.name ?? '—'}{' '}
                <Text span size="sm" c="dimmed">
                  ({t('nip')} {standing.employee?.nip ?? '—'})
                </Text>{' '}
                · {t('finalScore')}{' '}
                {standing.total === null || standing.total === undefined
                  ? '—'
                  : formatScore(standing.total, t.language)}
              </List.Item>
            ))}
          </List>
          {proposedNames.length < 3 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('proposedFewer', { count: proposedNames.length })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
