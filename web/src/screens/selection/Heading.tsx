import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { mayOpen } from '../../access';
import { useT } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { zoneSuffix, type IndonesianZone } from '../../zone';
import type { SelectionData } from './query';

/** The position, when and by whom the selection was opened (or closed), and its seal. */
export function SelectionHeading(props: {
  selection: SelectionData;
  dateTime: (value: string) => string;
  zone: IndonesianZone;
}) {
  const t = useT();
  const { claims } = useSession();
  const { selection, dateTime } = props;
  return (
    <>
      {mayOpen(claims, 'position', { agency: selection.agency }) && (
        <Anchor href={href(['positions', selection.position.code])} size="sm">
          ← {selection.position.name}
        </Anchor>
      )}
      <Title order={2} mt="xs">
        {t('selectionTitle', { position: selection.position.name })}
      </Title>
      <Text size="sm" c="dimmed" data-testid="selection-times">
        {t('selectionOpened', { date: dateTime(selection.openedAt) })}{' '}
        <span translate="no">{selection.openedBy}</span> ·{' '}
        {selection.closedAt
          ? t('selectionClosedOn', { date: dateTime(selection.closedAt) })
          : t('selectionOpen')}
        {selection.note ? ` · ${selection.note}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {t('timesIn', { zone: zoneSuffix(props.zone) })}
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
