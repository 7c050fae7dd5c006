import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import { href } from '../../router';
import type { SelectionData } from './query';

/** The position, when and by whom the selection was opened (or closed), and its seal. */
export function SelectionHeading(props: { selection: SelectionData }) {
  const t = useT();
  const { selection } = props;
  return (
    <>
      <Anchor href={href(['positions', selection.position.code])} size="sm">
        ← {selection.position.title}
      </Anchor>
      <Title order={2} mt="xs">
        {t('selectionTitle', { position: selection.position.title })}
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
