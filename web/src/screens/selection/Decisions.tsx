import { Card, List, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import type { SelectionData } from './query';

/** The decisions in force, in the order taken, each with its reason, when and by whom. */
export function DecisionLog(props: {
  decisions: SelectionData['decisions'];
  dateTime: (value: string) => string;
}) {
  const t = useT();
  const current = props.decisions.filter((d) => d.current);
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('decisions')}
      </Title>
      {current.length === 0 ? (
        <Text size="sm">{t('noDecisions')}</Text>
      ) : (
        <List size="sm" data-testid="decisions">
          {current.map((d, i) => (
            <List.Item key={i}>
              {t('decidedOn', { date: props.dateTime(d.decidedAt) })}{' '}
              <span translate="no">{d.decidedBy}</span> — {d.employee?.name}: {t.label(d.decision)}.{' '}
              {t('reason')}: {d.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
