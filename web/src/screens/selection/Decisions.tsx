import { Card, List, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import type { SelectionData } from './query';

/** Every decision recorded, in order, with its reason. */
export function DecisionLog(props: { decisions: SelectionData['decisions'] }) {
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
