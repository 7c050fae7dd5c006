import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n';
import {
  MAX_SELECTION_TEXT,
  checkScore,
  checkText,
  sayProblem,
  type FieldProblem,
} from '../../procedure';
import { ConfirmAction } from '../../ui/confirm';
import type { Translator } from '../../words';
import { isPassFailStage } from './stage-kind';
import type { StageData, StandingData } from './query';

/** Records a score: the candidate's global ID, the stage's, the score and the note. */
export type RecordScore = (
  employee: string,
  stage: string,
  score: number,
  note: string,
) => Promise<string | undefined>;

interface Problems {
  stage?: FieldProblem;
  score?: FieldProblem;
  note?: FieldProblem;
}

/**
 * A score for a candidate at a stage: 0–100, or on a pass/fail stage "Lulus" (100) or "Tidak
 * lulus" (0), with an optional note; checked on the field (empty, out of range, a stage after
 * the one the candidate dropped at) before anything is sent, then recorded after a confirmation
 * that says it stays on the record and a later score supersedes it.
 */
export function StageScoreForm(props: {
  stages: readonly StageData[];
  standings: readonly StandingData[];
  onRecord: RecordScore;
}) {
  const t = useT();
  const candidates = props.standings.filter((s) => s.employee?.id);
  const [employee, setEmployee] = useState(candidates[0]?.employee?.id ?? '');
  const [stageId, setStageId] = useState(props.stages[0]?.id ?? '');
  const [score, setScore] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<Problems>({});
  const [asking, setAsking] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const standing = candidates.find((s) => s.employee?.id === employee);
  const stage = props.stages.find((s) => s.id === stageId);
  const passFail = stage ? isPassFailStage(stage) : false;
  const name = standing?.employee?.name ?? '—';

  const ask = () => {
    const checked = checkForm({ passFail, score, result, note, name, stage, standing });
    setInvalid(checked.problems);
    if (checked.value !== undefined) setAsking(checked.value);
  };
  const confirm = async () => {
    if (asking === undefined) return;
    setBusy(true);
    const failure = await props.onRecord(employee, stageId, asking, note.trim());
    setBusy(false);
    setProblem(failure);
    if (failure) return;
    setAsking(undefined);
    setScore('');
    setResult(null);
    setNote('');
  };
  const cancel = () => {
    setAsking(undefined);
    setProblem(undefined);
  };
  const said = (key: keyof Problems) => invalid[key] && sayProblem(t, invalid[key]);
  /** Sets a field and clears its problem (all of them when the candidate or stage changes). */
  const edit = (set: (value: string) => void, key?: keyof Problems) => (value: string) => {
    set(value);
    setInvalid((found) => (key ? { ...found, [key]: undefined } : {}));
  };

  return (
    <Stack gap="xs" mt="md" data-testid="stage-score-form">
      <Title order={4} size="h5">
        {t('recordScoreTitle')}
      </Title>
      <Group gap="sm" align="start">
        <NativeSelect
          label={t('candidate')}
          value={employee}
          onChange={(event) => edit(setEmployee)(event.currentTarget.value)}
          data={candidates.map((s) => ({
            value: s.employee!.id,
            label: `${s.employee!.name ?? '—'} (${s.employee!.nip ?? '—'})`,
          }))}
        />
        <NativeSelect
          label={t('stage')}
          value={stageId}
          error={said('stage')}
          onChange={(event) => edit(setStageId)(event.currentTarget.value)}
          data={props.stages.map((s) => ({ value: s.id, label: s.name }))}
        />
        <ScoreInput
          passFail={passFail}
          score={score}
          result={result}
          problem={said('score')}
          onScore={edit(setScore, 'score')}
          onResult={edit(setResult, 'score')}
        />
        <TextInput
          label={t('scoreNote')}
          w={260}
          value={note}
          error={said('note')}
          onChange={(event) => edit(setNote, 'note')(event.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button variant="light" onClick={ask}>
          {t('recordScore')}
        </Button>
      </Group>
      <ConfirmAction
        opened={asking !== undefined}
        title={t('confirmScoreTitle', { name })}
        confirmLabel={t('confirmScore')}
        busy={busy}
        problem={problem}
        onCancel={cancel}
        onConfirm={() => void confirm()}
      >
        <ConfirmScoreBody
          score={scoreWords(t, asking ?? 0, passFail)}
          name={name}
          stage={stage?.name ?? '—'}
          note={note.trim()}
        />
      </ConfirmAction>
    </Stack>
  );
}

/**
 * What is wrong with the form before anything is sent: the score (empty, out of range, no
 * result on a pass/fail stage), a stage after the one the candidate dropped at, the note's
 * length; the score to record when nothing is.
 */
function checkForm(form: {
  passFail: boolean;
  score: string;
  result: string | null;
  note: string;
  name: string;
  stage?: StageData;
  standing?: StandingData;
}): { problems: Problems; value?: number } {
  const problems: Problems = {};
  let value: number | undefined;
  if (form.passFail) {
    if (form.result === null) problems.score = { key: 'fieldRequired' };
    else value = Number(form.result);
  } else {
    const checked = checkScore(form.score);
    if ('problem' in checked) problems.score = checked.problem;
    else value = checked.score;
  }
  const dropped = form.standing?.droppedAt;
  if (form.stage && dropped && dropped.order < form.stage.order)
    problems.stage = { key: 'scoreAfterDrop', params: { name: form.name, stage: dropped.name } };
  problems.note = checkText(form.note, { required: false, max: MAX_SELECTION_TEXT });
  const ok = !problems.stage && !problems.score && !problems.note;
  return { problems, value: ok ? value : undefined };
}

/** The score: a number 0–100, or on a pass/fail stage "Lulus" (100) or "Tidak lulus" (0). */
function ScoreInput(props: {
  passFail: boolean;
  score: string;
  result: string | null;
  problem?: string;
  onScore: (value: string) => void;
  onResult: (value: string) => void;
}) {
  const t = useT();
  if (props.passFail)
    return (
      <Radio.Group
        label={t('passFailResult')}
        value={props.result}
        error={props.problem}
        onChange={props.onResult}
      >
        <Group gap="sm" mt={8}>
          <Radio value="100" label={t('passed')} />
          <Radio value="0" label={t('failed')} />
        </Group>
      </Radio.Group>
    );
  return (
    <TextInput
      label={t('scoreField')}
      w={140}
      inputMode="decimal"
      value={props.score}
      error={props.problem}
      onChange={(event) => props.onScore(event.currentTarget.value)}
    />
  );
}

/** What the confirmation says will be recorded, with the note when there is one. */
function ConfirmScoreBody(props: { score: string; name: string; stage: string; note: string }) {
  const t = useT();
  return (
    <>
      <Text size="sm" data-testid="confirm-score-body">
        {t('confirmScoreBody', { score: props.score, name: props.name, stage: props.stage })}
      </Text>
      {props.note && (
        <Text size="sm">
          {t('note')}: {props.note}
        </Text>
      )}
    </>
  );
}

/** The score as the confirmation says it: "80", "72,5", or "100 (Lulus)" on a pass/fail stage. */
function scoreWords(t: Translator, value: number, passFail: boolean): string {
  const number = value.toLocaleString(t.language === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: 2,
  });
  return passFail ? `${number} (${value >= 100 ? t('passed') : t('failed')})` : number;
}
