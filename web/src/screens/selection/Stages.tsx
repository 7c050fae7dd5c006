import { Card, Table, Text, Title } from '@mantine/core';
import { useT } from '../../i18n';
import type { Translator } from '../../words';
import { formatScore } from '../../../../src/domain/selection.format';
import { PASS_SCORE } from '../../../../src/domain/selection-stages';
import { isPassFailStage } from './stage-kind';
import { StageScoreForm, type RecordScore } from './StageScoreForm';
import type { SelectionData, StageData, StandingData } from './query';

/**
 * The staged procedure: every candidate's standing (rank, the score in force at each stage, the
 * frozen JPM marked where it stands in, the total, and where they stand: dropped at a stage,
 * still in progress or complete, with the tie rule where one applied) and, while the committee
 * may still act, a form to record a score. Numbers as the berita acara writes them.
 */
export function StagesCard(props: { selection: SelectionData; onRecord?: RecordScore }) {
  const t = useT();
  const { stages, standings } = props.selection;
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('stagesTitle')}
      </Title>
      {stages.length === 0 ? (
        <Text size="sm">{t('noStages')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={700}>
            <Table data-testid="standings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rank')}</Table.Th>
                  <Table.Th>{t('name')}</Table.Th>
                  {stages.map((stage) => (
                    <Table.Th key={stage.id}>
                      {stage.name}
                      <Text size="xs" c="dimmed" fw="normal">
                        {stageRule(t, stage)}
                      </Text>
                    </Table.Th>
                  ))}
                  <Table.Th>{t('finalScore')}</Table.Th>
                  <Table.Th>{t('status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {standings.map((standing, i) => (
                  <StandingRow
                    key={standing.employee?.id ?? i}
                    standing={standing}
                    stages={stages}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt={4}>
            {t('fromJpmNote')}
          </Text>
          {props.onRecord && (
            <StageScoreForm stages={stages} standings={standings} onRecord={props.onRecord} />
          )}
        </>
      )}
    </Card>
  );
}

function StandingRow(props: { standing: StandingData; stages: readonly StageData[] }) {
  const t = useT();
  const { standing } = props;
  return (
    <Table.Tr data-nip={standing.employee?.nip}>
      <Table.Td>{standing.rank ?? '—'}</Table.Td>
      <Table.Td>
        {standing.employee?.name ?? '—'}
        <Text size="xs" c="dimmed">
          {standing.employee?.nip}
        </Text>
      </Table.Td>
      {props.stages.map((stage) => {
        const score = standing.scores.find((s) => s.stage.id === stage.id);
        return (
          <Table.Td key={stage.id} data-stage={stage.order}>
            {score ? scoreText(t, stage, score) : '—'}
          </Table.Td>
        );
      })}
      <Table.Td data-testid="standing-total">
        {standing.total === null || standing.total === undefined
          ? '—'
          : formatScore(standing.total, t.language)}
      </Table.Td>
      <Table.Td data-testid="standing-status">{standingStatus(t, standing)}</Table.Td>
    </Table.Tr>
  );
}

/** A stage's weight and pass mark, or that it only passes or fails. */
function stageRule(t: Translator, stage: StageData): string {
  if (isPassFailStage(stage)) return t('stagePassFail');
  const weight = t('stageWeight', { weight: formatScore(stage.weight, t.language) });
  return stage.passMark === null || stage.passMark === undefined
    ? weight
    : `${weight} · ${t('stagePassMark', { mark: formatScore(stage.passMark, t.language) })}`;
}

function scoreText(t: Translator, stage: StageData, score: StandingData['scores'][number]): string {
  if (isPassFailStage(stage)) return score.score >= PASS_SCORE ? t('passed') : t('failed');
  const value = formatScore(score.score, t.language);
  return score.fromJobPersonMatch ? `${value} ${t('fromJpm')}` : value;
}

/** Where a candidate stands, as the berita acara says it (with the tie rule when one applied). */
function standingStatus(t: Translator, standing: StandingData): string {
  if (standing.droppedAt) return t('droppedAtStage', { stage: standing.droppedAt.name });
  const status = standing.complete ? t('stagesComplete') : t('stagesIncomplete');
  return standing.tieBreak
    ? `${status}; ${t('tieRule', { rule: t.label(standing.tieBreak) })}`
    : status;
}
