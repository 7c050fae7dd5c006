import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Decision } from '../../gql/graphql';
import { useT } from '../../i18n';
import { MAX_SELECTION_TEXT, checkText, sayProblem, type FieldProblem } from '../../procedure';
import { ConfirmAction } from '../../ui/confirm';

const DECISIONS: Decision[] = ['SHORTLISTED', 'SELECTED', 'NOT_SELECTED', 'WITHDRAWN'];

/**
 * A decision and its reason for one candidate: the reason checked on the field (not empty, not
 * over the API's limit) before anything is sent, then recorded after a confirmation that says it
 * stays on the record.
 */
export function DecisionForm(props: {
  name: string;
  /** The decision in force, which a new one supersedes. */
  current?: Decision;
  onDecide: (decision: Decision, reason: string) => Promise<string | undefined>;
}) {
  const t = useT();
  const [decision, setDecision] = useState<Decision>('SHORTLISTED');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<FieldProblem>();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const ask = () => {
    const found = checkText(reason, { required: true, max: MAX_SELECTION_TEXT });
    setInvalid(found);
    if (!found) setAsking(true);
  };
  const confirm = async () => {
    setBusy(true);
    const failure = await props.onDecide(decision, reason.trim());
    setBusy(false);
    setProblem(failure);
    if (failure) return;
    setAsking(false);
    setReason('');
  };
  const cancel = () => {
    setAsking(false);
    setProblem(undefined);
  };
  return (
    <Group gap={4} mt={4} wrap="nowrap" align="start">
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
        w={180}
        aria-label={`${t('reason')}: ${props.name}`}
        placeholder={t('reason')}
        value={reason}
        error={invalid && sayProblem(t, invalid)}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setInvalid(undefined);
        }}
      />
      <Button
        size="xs"
        variant="light"
        aria-label={`${t('recordDecision')}: ${props.name}`}
        onClick={ask}
      >
        {t('recordDecision')}
      </Button>
      <ConfirmAction
        opened={asking}
        title={t('confirmDecisionTitle', { name: props.name })}
        confirmLabel={t('confirmDecision')}
        busy={busy}
        problem={problem}
        onCancel={cancel}
        onConfirm={() => void confirm()}
      >
        <Text size="sm">
          {t('confirmDecisionBody', { decision: t.label(decision), reason: reason.trim() })}
        </Text>
        {props.current && (
          <Text size="sm">
            {t('confirmDecisionSupersedes', { decision: t.label(props.current) })}
          </Text>
        )}
      </ConfirmAction>
    </Group>
  );
}
