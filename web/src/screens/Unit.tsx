import { Anchor, Card, Group, List, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../api';
import { graphql } from '../gql';
import type { ConsoleTalentMatrixQuery } from '../gql/graphql';
import { useT, type MessageKey } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Loading } from '../ui/parts';

const UnitQuery = graphql(`
  query ConsoleUnit($code: String!) {
    orgUnit(code: $code) {
      code
      name
      agency {
        name
      }
      parent {
        code
        name
      }
      children {
        code
        name
      }
    }
  }
`);

const MatrixQuery = graphql(`
  query ConsoleTalentMatrix($scope: AnalyticsScope!) {
    talentMatrix(scope: $scope) {
      year
      employees
      unplaced
      cells {
        box
        label
        action
        count
        performance
        potential
        employees(first: 20) {
          totalCount
          nodes {
            nip
            name
          }
        }
      }
    }
  }
`);

const NeedsQuery = graphql(`
  query ConsoleTrainingNeeds($scope: AnalyticsScope!) {
    trainingNeeds(scope: $scope) {
      employees
      gapLevels
      competencies {
        competency {
          code
          name
        }
        people
        gapLevels
        averageGap
        maxGap
      }
      courses {
        course {
          code
          title
          hours
        }
        participants
        gapLevels
        gapLevelsPerJp
        cost
      }
    }
  }
`);

type Cell = NonNullable<ConsoleTalentMatrixQuery['talentMatrix']>['cells'][number];
const POTENTIAL_ROWS = ['HIGH', 'MEDIUM', 'LOW'] as const;
const PERFORMANCE_COLUMNS = ['BELOW', 'MEETS', 'ABOVE'] as const;
const WORD: Record<string, MessageKey> = {
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  BELOW: 'below',
  MEETS: 'meets',
  ABOVE: 'above',
};

/** An org unit (with the units below): the 3×3 talent matrix and its training needs. */
export function UnitScreen(props: { code: string }) {
  const t = useT();
  const { token } = useSession();
  const scope = { orgUnitCode: props.code, includeSubunits: true };
  const unit = useApi(UnitQuery, { code: props.code }, token);
  const matrix = useApi(MatrixQuery, { scope }, token);
  const needs = useApi(NeedsQuery, { scope }, token);
  const [open, setOpen] = useState<number | null>(null);

  if (unit.error) return <ErrorNotice error={unit.error} onRetry={unit.reload} />;
  if (!unit.data) return <Loading />;
  const { orgUnit } = unit.data;
  if (!orgUnit) return <Text>{t('notFound')}</Text>;
  const talentMatrix = matrix.data?.talentMatrix;
  const cellAt = (potential: string, performance: string) =>
    talentMatrix?.cells.find((c) => c.potential === potential && c.performance === performance);
  const chosen = talentMatrix?.cells.find((c) => c.box === open);
  return (
    <>
      <Text size="sm" c="dimmed">
        {orgUnit.agency.name}
        {orgUnit.parent && (
          <>
            {' · '}
            <Anchor href={href(['units', orgUnit.parent.code])} size="sm">
              {orgUnit.parent.name}
            </Anchor>
          </>
        )}
      </Text>
      <Title order={2}>{orgUnit.name}</Title>
      {orgUnit.children.length > 0 && (
        <Text size="sm">
          {t('subunits')}:{' '}
          {orgUnit.children.map((child, i) => (
            <span key={child.code}>
              {i > 0 && ', '}
              <Anchor href={href(['units', child.code])} size="sm">
                {child.name}
              </Anchor>
            </span>
          ))}
        </Text>
      )}

      <Card withBorder mt="md">
        <Title order={3} size="h4">
          {t('talentGrid', { year: talentMatrix?.year ?? '' })}
        </Title>
        {matrix.error && <ErrorNotice error={matrix.error} onRetry={matrix.reload} />}
        {!talentMatrix && !matrix.error && <Loading />}
        {talentMatrix && (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              {t('people', { count: talentMatrix.employees })}
              {talentMatrix.unplaced > 0 && ` · ${t('unplaced', { count: talentMatrix.unplaced })}`}
            </Text>
            <table className="talent-grid" data-testid="talent-grid">
              <thead>
                <tr>
                  <th scope="col">
                    {t('potential')} \ {t('performance')}
                  </th>
                  {PERFORMANCE_COLUMNS.map((column) => (
                    <th key={column} scope="col">
                      {t(WORD[column])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {POTENTIAL_ROWS.map((row) => (
                  <tr key={row}>
                    <th scope="row">{t(WORD[row])}</th>
                    {PERFORMANCE_COLUMNS.map((column) => {
                      const cell = cellAt(row, column);
                      return (
                        <td key={column} className={`box-${cell?.box ?? 0}`}>
                          {cell && (
                            <CellButton cell={cell} open={open === cell.box} onOpen={setOpen} />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {chosen && (
              <div data-testid="talent-cell-people">
                <Title order={4} mt="sm">
                  {t('box', { box: chosen.box })}: {chosen.label}
                </Title>
                <Text size="sm" c="dimmed">
                  {chosen.action}
                </Text>
                <List size="sm" mt="xs">
                  {chosen.employees.nodes.map((e) => (
                    <List.Item key={e.nip}>
                      <Anchor href={href(['employees', e.nip ?? ''])}>{e.name}</Anchor> ({e.nip})
                    </List.Item>
                  ))}
                </List>
                {chosen.employees.totalCount > chosen.employees.nodes.length && (
                  <Text size="xs" c="dimmed">
                    … {chosen.employees.totalCount - chosen.employees.nodes.length}
                  </Text>
                )}
              </div>
            )}
          </>
        )}
      </Card>

      <Card withBorder mt="md">
        <Title order={3} size="h4" mb="xs">
          {t('trainingNeeds')}
        </Title>
        {needs.error && <ErrorNotice error={needs.error} onRetry={needs.reload} />}
        {!needs.data && !needs.error && <Loading />}
        {needs.data && (
          <Group align="start" grow>
            <Table striped data-testid="needs-competencies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('competency')}</Table.Th>
                  <Table.Th>{t('employees')}</Table.Th>
                  <Table.Th>{t('gapLevels')}</Table.Th>
                  <Table.Th>{t('averageGap')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {needs.data.trainingNeeds.competencies.slice(0, 12).map((need) => (
                  <Table.Tr key={need.competency.code}>
                    <Table.Td>
                      <b>{need.competency.code}</b> {need.competency.name}
                    </Table.Td>
                    <Table.Td>{need.people}</Table.Td>
                    <Table.Td>{need.gapLevels}</Table.Td>
                    <Table.Td>{t.number(need.averageGap, 2)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('course')}</Table.Th>
                  <Table.Th>{t('participants')}</Table.Th>
                  <Table.Th>{t('perJp')}</Table.Th>
                  <Table.Th>{t('cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {needs.data.trainingNeeds.courses.slice(0, 12).map((rank) => (
                  <Table.Tr key={rank.course.code}>
                    <Table.Td>
                      <b>{rank.course.code}</b> {rank.course.title}
                    </Table.Td>
                    <Table.Td>{rank.participants}</Table.Td>
                    <Table.Td>{t.number(rank.gapLevelsPerJp, 3)}</Table.Td>
                    <Table.Td>{t.money(rank.cost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Group>
        )}
      </Card>
    </>
  );
}

function CellButton(props: { cell: Cell; open: boolean; onOpen: (box: number | null) => void }) {
  const t = useT();
  const { cell } = props;
  return (
    <UnstyledButton
      className="talent-cell"
      aria-pressed={props.open}
      aria-label={t('cellPeople', { box: cell.box, count: cell.count })}
      onClick={() => props.onOpen(props.open ? null : cell.box)}
    >
      <span className="talent-box">{t('box', { box: cell.box })}</span>
      <span className="talent-count">{cell.count}</span>
      <span className="talent-label">{cell.label}</span>
    </UnstyledButton>
  );
}
