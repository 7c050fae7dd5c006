import { Card, Group, List, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../../api';
import { graphql } from '../../gql';
import type { AnalyticsScope, ConsoleTalentMatrixQuery } from '../../gql/graphql';
import { useT, type MessageKey } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { PagedList } from '../../ui/list';
import { usePaging } from '../../ui/paging';
import { DownloadButtons, ErrorNotice, Loading } from '../../ui/parts';
import { seesNames } from './common';
import { PlaceLink } from '../../ui/links';

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
      }
    }
  }
`);

const TalentPeopleQuery = graphql(`
  query ConsoleTalentPeople($scope: AnalyticsScope!, $after: String) {
    talentMatrix(scope: $scope) {
      cells {
        box
        employees(first: 20, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            nip
            name
            position {
              name
            }
          }
        }
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

/**
 * The nine-box talent matrix; a box opened shows its action and, to roles that see names, its
 * people.
 */
export function TalentPanel(props: { scope: AnalyticsScope }) {
  const t = useT();
  const { token, claims } = useSession();
  const matrix = useApi(MatrixQuery, { scope: props.scope }, token);
  const [open, setOpen] = useState<number | null>(null);
  if (matrix.error) return <ErrorNotice error={matrix.error} onRetry={matrix.reload} />;
  const talentMatrix = matrix.data?.talentMatrix;
  if (!talentMatrix) return <Loading />;
  const cellAt = (potential: string, performance: string) =>
    talentMatrix.cells.find((c) => c.potential === potential && c.performance === performance);
  const chosen = talentMatrix.cells.find((c) => c.box === open);
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('talentGrid', { year: talentMatrix.year })}
        </Title>
        <DownloadButtons document={MatrixQuery} variables={{ scope: props.scope }} />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('people', { count: talentMatrix.employees })}
        {talentMatrix.unplaced > 0 && ` · ${t('unplaced', { count: talentMatrix.unplaced })}`}
      </Text>
      <Group align="start" gap="xl">
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
                      {cell && <CellButton cell={cell} open={open === cell.box} onOpen={setOpen} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {chosen && (
          <div data-testid="talent-cell-people" style={{ flex: 1, minWidth: 280 }}>
            <Title order={4}>
              {t('box', { box: chosen.box })}: {chosen.label}
            </Title>
            <Text size="sm" fw={600} mt="xs">
              {t('boxActions')}
            </Text>
            <Text size="sm" data-testid="talent-cell-action">
              {chosen.action}
            </Text>
            {seesNames(claims.role) ? (
              <TalentPeople scope={props.scope} box={chosen.box} />
            ) : (
              <Text size="sm" c="dimmed" mt="xs">
                {t('people', { count: chosen.count })} · {t('namesHidden')}
              </Text>
            )}
          </div>
        )}
      </Group>
    </Card>
  );
}

function TalentPeople(props: { scope: AnalyticsScope; box: number }) {
  const t = useT();
  const { token } = useSession();
  const paging = usePaging();
  const people = useApi(TalentPeopleQuery, { scope: props.scope, after: paging.after }, token);
  const cell = people.data?.talentMatrix.cells.find((c) => c.box === props.box);
  return (
    <PagedList loaded={people} connection={cell?.employees} paging={paging}>
      {(page) => (
        <List size="sm" mt="xs">
          {page.nodes.map((e) => (
            <List.Item key={e.nip}>
              <PlaceLink
                place="employee"
                target={{ nip: e.nip }}
                href={href(['employees', e.nip ?? ''])}
                size="sm"
              >
                {e.name}
              </PlaceLink>{' '}
              <Text span size="xs" c="dimmed">
                {e.nip} · {e.position?.name ?? t('noPosition')}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </PagedList>
  );
}

function CellButton(props: { cell: Cell; open: boolean; onOpen: (box: number | null) => void }) {
  const t = useT();
  const { cell } = props;
  return (
    <UnstyledButton
      className="talent-cell"
      aria-pressed={props.open}
      data-box={cell.box}
      data-count={cell.count}
      onClick={() => props.onOpen(props.open ? null : cell.box)}
    >
      <span className="talent-box">{t('box', { box: cell.box })}</span>
      <span className="talent-count">{t('people', { count: cell.count })}</span>
      <span className="talent-label">{cell.label}</span>
    </UnstyledButton>
  );
}
