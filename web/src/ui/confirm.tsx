import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * Asks before an irreversible step: what will happen, in words, with a cancel that does nothing
 * (and has the focus first, so Enter never commits by accident) and a confirm that acts. Focus
 * stays in the dialog while it is open and returns to the button that opened it.
 */
export function ConfirmAction(props: {
  opened: boolean;
  title: string;
  /** What will happen, with the real figures. */
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  /** A problem to show in the dialog (a refusal of the API, a field's check). */
  problem?: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onCancel}
      title={props.title}
      centered
      trapFocus
      returnFocus
      // One way out that does nothing: "Batal" (or Escape), not a second, unnamed one.
      withCloseButton={false}
      data-testid="confirm"
    >
      <Stack gap="sm">
        {props.children}
        {props.problem && (
          <Text size="sm" c="red.9" role="alert">
            {props.problem}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} data-autofocus>
            {t('cancel')}
          </Button>
          <Button color="red" loading={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
