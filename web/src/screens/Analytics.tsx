import { BarChart, DonutChart } from '@mantine/charts';
import {
  Anchor,
  Card,
  Group,
  List,
  SimpleGrid,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../api';
import { graphql } from '../gql';
import type { AnalyticsScope, ConsoleTalentMatrixQuery } from '../gql/graphql';
import { useT, type MessageKey } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { PagedList } from '../ui/list';
import { DownloadButtons, ErrorNotice, Loading } from '../ui/parts';
import { usePaging } from '../ui/paging';

/** The analyses of a scope (an org unit with the units below, or a whole agency), by tab. */
type Tab = 'talent' | 'heatmap' | 'compliance' | 'professionalism' | 'needs' | 'bench';

/** Which tabs a role may open: the API's own rules, so no tab only says "not allowed". */
const TABS: { tab: Tab; label: MessageKey; roles: string[] }[] = [
  { tab: 'talent', label: 'tabTalent', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'heatmap', label: 'tabHeatMap', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'compliance', label: 'tabCompliance', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'professionalism', label: 'tabProfessionalism', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'needs', label: 'trainingNeeds', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'bench', label: 'tabBench', roles: ['ADMIN', 'HR', 'COMMITTEE'] },
];

/** Roles that see employees' names (ANALYST reads counts only). */
const seesNames = (role: string) => role !== 'ANALYST';

export function ScopeAnalytics(props: { scope: AnalyticsScope; tab: string | null }) {
  const t = useT();
  const { claims } = useSession();
  const tabs = TABS.filter((entry) => entry.roles.includes(claims.role));
  const [tab, setTab] = useState<string | null>(
    tabs.some((entry) => entry.tab === props.tab) ? props.tab : (tabs[0]?.tab ?? null),
  );
  if (tabs.length === 0) return null;
  return (
    <Tabs value={tab} onChange={setTab} mt="md" keepMounted={false}>
      <Tabs.List>
        {tabs.map((entry) => (
          <Tabs.Tab key={entry.tab} value={entry.tab} data-testid={`tab-${entry.tab}`}>
            {t(entry.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="talent" pt="md">
        <TalentPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="heatmap" pt="md">
        <HeatMapPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="compliance" pt="md">
        <CompliancePanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="professionalism" pt="md">
        <ProfessionalismPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="needs" pt="md">
        <NeedsPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="bench" pt="md">
        <BenchPanel scope={props.scope} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** A chart with its numbers in words for those who cannot see it. */
function Figure(props: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <figure style={{ margin: 0 }} role="img" aria-label={props.label} data-testid={props.testId}>
      {/* Inert: the chart's own parts are neither read out nor reached by the keyboard. */}
      <div aria-hidden="true" {...{ inert: '' }}>
        {props.children}
      </div>
    </figure>
  );
}

// ---------------------------------------------------------------------------------------------
// Talent matrix

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
              title
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

function TalentPanel(props: { scope: AnalyticsScope }) {
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
              <Anchor href={href(['employees', e.nip ?? ''])} size="sm">
                {e.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {e.nip} · {e.position?.title ?? t('noPosition')}
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

// ---------------------------------------------------------------------------------------------
// Competency heat map

const HeatMapQuery = graphql(`
  query ConsoleHeatMap($scope: AnalyticsScope!) {
    competencyHeatMap(scope: $scope) {
      asOf
      competencies {
        code
        name
      }
      rows {
        orgUnit {
          code
          name
        }
        employees
        cells {
          competency {
            code
          }
          required
          meeting
          share
          meanGap
          stale
          unassessed
        }
      }
    }
  }
`);

/** Red (few meet the standard) through yellow to green (many do), light enough for dark text. */
export function heatColour(share: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, share)) * 120);
  return `hsl(${hue} 70% 82%)`;
}

function HeatMapPanel(props: { scope: AnalyticsScope }) {
  const t = useT();
  const { token } = useSession();
  const heat = useApi(HeatMapQuery, { scope: props.scope }, token);
  if (heat.error) return <ErrorNotice error={heat.error} onRetry={heat.reload} />;
  const map = heat.data?.competencyHeatMap;
  if (!map) return <Loading />;
  const percent = (share: number) =>
    share.toLocaleString(t.language === 'id' ? 'id-ID' : 'en-GB', {
      style: 'percent',
      maximumFractionDigits: 0,
    });
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('tabHeatMap')}
        </Title>
        <DownloadButtons document={HeatMapQuery} variables={{ scope: props.scope }} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('heatMapIntro')} {t('asOf')} {t.date(map.asOf)}.
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('heatMapLegend')}
      </Text>
      {map.rows.length === 0 || map.competencies.length === 0 ? (
        <Text size="sm">{t('heatMapEmpty')}</Text>
      ) : (
        <div className="heat-scroll" tabIndex={0} aria-label={t('tabHeatMap')} role="region">
          <table className="heat-map" data-testid="heat-map">
            <thead>
              <tr>
                <th scope="col">{t('unit')}</th>
                {map.competencies.map((c) => (
                  <th key={c.code} scope="col">
                    <abbr title={c.name}>{c.code}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {map.rows.map((row) => (
                <tr key={row.orgUnit.code} data-unit={row.orgUnit.code}>
                  <th scope="row">
                    <Anchor href={href(['units', row.orgUnit.code])} size="sm">
                      {row.orgUnit.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('people', { count: row.employees })}
                    </Text>
                  </th>
                  {map.competencies.map((competency) => {
                    const cell = row.cells.find((c) => c.competency.code === competency.code);
                    if (!cell || cell.required === 0) return <td key={competency.code} />;
                    const words = t('heatMapCell', {
                      unit: row.orgUnit.name,
                      competency: `${competency.code} ${competency.name}`,
                      meeting: cell.meeting,
                      required: cell.required,
                      share: percent(cell.share),
                      gap: t.number(cell.meanGap, 2),
                      stale: cell.stale,
                      unassessed: cell.unassessed,
                    });
                    return (
                      <td
                        key={competency.code}
                        style={{ background: heatColour(cell.share) }}
                        data-competency={competency.code}
                        data-share={cell.share}
                      >
                        <Tooltip label={words} multiline w={300}>
                          <span aria-label={words}>{Math.round(cell.share * 100)}</span>
                        </Tooltip>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// 20 JP compliance

const ComplianceQuery = graphql(`
  query ConsoleCompliance($scope: AnalyticsScope!) {
    trainingCompliance(scope: $scope) {
      year
      target
      employees
      reachedTarget
      belowTarget
      withoutTraining
      averageHours
      totalHours
    }
  }
`);

const BelowTargetQuery = graphql(`
  query ConsoleBelowTarget($scope: AnalyticsScope!, $after: String) {
    trainingCompliance(scope: $scope) {
      employeesBelowTarget(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          hours
          shortfall
          employee {
            nip
            name
            orgUnit {
              name
            }
          }
        }
      }
    }
  }
`);

function CompliancePanel(props: { scope: AnalyticsScope }) {
  const t = useT();
  const { token, claims } = useSession();
  const result = useApi(ComplianceQuery, { scope: props.scope }, token);
  if (result.error) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  const c = result.data?.trainingCompliance;
  if (!c) return <Loading />;
  const someTraining = c.belowTarget - c.withoutTraining;
  const parts = [
    { name: t('reachedTarget'), value: c.reachedTarget, color: 'teal.6' },
    { name: t('belowTarget'), value: someTraining, color: 'yellow.6' },
    { name: t('withoutTraining'), value: c.withoutTraining, color: 'red.6' },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={3} size="h4">
          {t('complianceTarget', { target: c.target, year: c.year })}
        </Title>
        <Group align="center" gap="xl" mt="sm" wrap="nowrap">
          <Figure
            label={parts.map((p) => `${p.name}: ${t('people', { count: p.value })}`).join('; ')}
          >
            <DonutChart data={parts} size={150} thickness={26} withTooltip={false} />
          </Figure>
          <Table data-testid="compliance" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('employees')}</Table.Td>
                <Table.Td data-testid="compliance-employees">{c.employees}</Table.Td>
              </Table.Tr>
              {parts.map((p) => (
                <Table.Tr key={p.name}>
                  <Table.Td>
                    <span
                      className="swatch"
                      style={{ background: `var(--mantine-color-${p.color.replace('.', '-')})` }}
                    />{' '}
                    {p.name}
                  </Table.Td>
                  <Table.Td>{p.value}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td>{t('averageHours')}</Table.Td>
                <Table.Td data-testid="compliance-average">{t.number(c.averageHours, 1)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('totalHours')}</Table.Td>
                <Table.Td>
                  {c.totalHours.toLocaleString(t.language === 'id' ? 'id-ID' : 'en-GB')}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Group>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('belowTargetList')}
        </Title>
        {seesNames(claims.role) ? (
          <BelowTarget scope={props.scope} target={c.target} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('namesHidden')}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}

function BelowTarget(props: { scope: AnalyticsScope; target: number }) {
  const t = useT();
  const { token } = useSession();
  const paging = usePaging();
  const variables = { scope: props.scope, after: paging.after };
  const result = useApi(BelowTargetQuery, variables, token);
  return (
    <PagedList
      loaded={result}
      connection={result.data?.trainingCompliance.employeesBelowTarget}
      paging={paging}
      count={(page) => t('people', { count: page.totalCount })}
      downloads={<DownloadButtons document={BelowTargetQuery} variables={variables} />}
    >
      {(list) => (
        <Table striped data-testid="below-target">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th>{t('hours')}</Table.Th>
              <Table.Th>{t('shortfall')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.nodes.map((row, i) => (
              <Table.Tr key={row.employee?.nip ?? i} data-nip={row.employee?.nip}>
                <Table.Td>
                  <Anchor href={href(['employees', row.employee?.nip ?? ''])} size="sm">
                    {row.employee?.name ?? '—'}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.employee?.nip} · {row.employee?.orgUnit.name}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t('trainingHoursOf', { hours: row.hours ?? '—', target: props.target })}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.shortfall ?? '—'} JP</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </PagedList>
  );
}

// ---------------------------------------------------------------------------------------------
// Professionalism index (IP ASN)

const ProfessionalismQuery = graphql(`
  query ConsoleProfessionalism($scope: AnalyticsScope!) {
    professionalismIndex(scope: $scope) {
      year
      employees
      average
      qualification
      competency
      performance
      discipline
      bands {
        band
        count
      }
    }
  }
`);

/** The dimensions of IP ASN with their weights (the most a dimension adds to the index). */
const DIMENSIONS = [
  { key: 'qualification', label: 'qualification', max: 25 },
  { key: 'competency', label: 'competency', max: 40 },
  { key: 'performance', label: 'performance', max: 30 },
  { key: 'discipline', label: 'discipline', max: 5 },
] as const;

function ProfessionalismPanel(props: { scope: AnalyticsScope }) {
  const t = useT();
  const { token } = useSession();
  const result = useApi(ProfessionalismQuery, { scope: props.scope }, token);
  if (result.error) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  const ip = result.data?.professionalismIndex;
  if (!ip) return <Loading />;
  const dimensions = DIMENSIONS.map((d) => ({
    name: t(d.label),
    score: Number(ip[d.key].toFixed(2)),
    rest: Number((d.max - ip[d.key]).toFixed(2)),
    max: d.max,
  }));
  const bands = ip.bands.map((b) => ({ name: t.label(b.band), count: b.count }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={3} size="h4">
          {t('ipAverage', { year: ip.year })}:{' '}
          <span data-testid="ip-average">{t.number(ip.average, 2)}</span>
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('people', { count: ip.employees })} · {t('ipDimensions')}
        </Text>
        <Figure
          label={dimensions
            .map((d) => `${d.name}: ${t('ofMax', { value: t.number(d.score, 2), max: d.max })}`)
            .join('; ')}
        >
          <BarChart
            h={200}
            data={dimensions}
            dataKey="name"
            type="stacked"
            orientation="vertical"
            yAxisProps={{ width: 110 }}
            withTooltip={false}
            series={[
              { name: 'score', color: 'blue.6', label: t('tabProfessionalism') },
              { name: 'rest', color: 'gray.2' },
            ]}
          />
        </Figure>
        <Table data-testid="ip-dimensions" mt="xs">
          <Table.Tbody>
            {dimensions.map((d) => (
              <Table.Tr key={d.name}>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>{t('ofMax', { value: t.number(d.score, 2), max: d.max })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('ipBands')}
        </Title>
        <Figure label={bands.map((b) => `${b.name}: ${b.count}`).join('; ')}>
          <BarChart
            h={220}
            data={bands}
            dataKey="name"
            withTooltip={false}
            withBarValueLabel
            series={[{ name: 'count', color: 'teal.6', label: t('employees') }]}
          />
        </Figure>
        <Table data-testid="ip-bands" mt="xs">
          <Table.Tbody>
            {bands.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{b.name}</Table.Td>
                <Table.Td>{b.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </SimpleGrid>
  );
}

// ---------------------------------------------------------------------------------------------
// Training needs

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

function NeedsPanel(props: { scope: AnalyticsScope }) {
  const t = useT();
  const { token } = useSession();
  const needs = useApi(NeedsQuery, { scope: props.scope }, token);
  if (needs.error) return <ErrorNotice error={needs.error} onRetry={needs.reload} />;
  if (!needs.data) return <Loading />;
  const top = needs.data.trainingNeeds.competencies.slice(0, 12);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('trainingNeeds')}
        </Title>
        <DownloadButtons document={NeedsQuery} variables={{ scope: props.scope }} />
      </Group>
      <Figure label={top.map((n) => `${n.competency.name}: ${n.gapLevels}`).join('; ')}>
        <BarChart
          h={Math.max(160, top.length * 30)}
          data={top.map((n) => ({ name: n.competency.code, gapLevels: n.gapLevels }))}
          dataKey="name"
          orientation="vertical"
          yAxisProps={{ width: 80 }}
          withTooltip={false}
          withBarValueLabel
          series={[{ name: 'gapLevels', color: 'orange.6', label: t('gapLevels') }]}
        />
      </Figure>
      <SimpleGrid cols={{ base: 1, lg: 2 }} mt="sm">
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
            {top.map((need) => (
              <Table.Tr key={need.competency.code}>
                <Table.Td>
                  <span className="code">{need.competency.code}</span> {need.competency.name}
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
                  <span className="code">{rank.course.code}</span> {rank.course.title}
                </Table.Td>
                <Table.Td>{rank.participants}</Table.Td>
                <Table.Td>{t.number(rank.gapLevelsPerJp, 3)}</Table.Td>
                <Table.Td>{t.money(rank.cost)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Bench strength

const BenchQuery = graphql(`
  query ConsoleBenchStrength($scope: AnalyticsScope!) {
    benchStrength(scope: $scope) {
      position {
        code
        title
        categoryName
      }
      pool
      readyNow
      readyInOneToTwoYears
      readyLater
      afterTraining
      needsAssessment
      blocked
    }
  }
`);

function BenchPanel(props: { scope: AnalyticsScope }) {
  const t = useT();
  const { token } = useSession();
  const result = useApi(BenchQuery, { scope: props.scope }, token);
  if (result.error) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  const bench = result.data?.benchStrength;
  if (!bench) return <Loading />;
  const data = bench.slice(0, 15).map((b) => ({
    name: b.position.code,
    readyNow: b.readyNow,
    readyInOneToTwoYears: b.readyInOneToTwoYears,
    readyLater: b.readyLater,
  }));
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('tabBench')}
        </Title>
        <DownloadButtons document={BenchQuery} variables={{ scope: props.scope }} />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('benchIntro')}
      </Text>
      {bench.length === 0 ? (
        <Text size="sm">{t('noRows')}</Text>
      ) : (
        <>
          <Figure
            label={bench
              .slice(0, 15)
              .map(
                (b) =>
                  `${b.position.title}: ${t('readyNow')} ${b.readyNow}, ${t('readyOneToTwo')} ${b.readyInOneToTwoYears}, ${t('readyLater')} ${b.readyLater}`,
              )
              .join('; ')}
          >
            <BarChart
              h={Math.max(160, data.length * 28)}
              data={data}
              dataKey="name"
              type="stacked"
              orientation="vertical"
              yAxisProps={{ width: 90 }}
              withTooltip={false}
              withLegend
              series={[
                { name: 'readyNow', color: 'teal.6', label: t('readyNow') },
                { name: 'readyInOneToTwoYears', color: 'blue.5', label: t('readyOneToTwo') },
                { name: 'readyLater', color: 'gray.5', label: t('readyLater') },
              ]}
            />
          </Figure>
          <Table striped mt="sm" data-testid="bench">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('keyPosition')}</Table.Th>
                <Table.Th>{t('pool')}</Table.Th>
                <Table.Th>{t('readyNow')}</Table.Th>
                <Table.Th>{t('readyOneToTwo')}</Table.Th>
                <Table.Th>{t('readyLater')}</Table.Th>
                <Table.Th>{t.label('AFTER_TRAINING')}</Table.Th>
                <Table.Th>{t.label('NEEDS_ASSESSMENT')}</Table.Th>
                <Table.Th>{t.label('BLOCKED')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bench.map((b) => (
                <Table.Tr key={b.position.code} data-code={b.position.code}>
                  <Table.Td>
                    <Anchor href={href(['positions', b.position.code])} size="sm">
                      {b.position.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      <span className="code">{b.position.code}</span> · {b.position.categoryName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{b.pool}</Table.Td>
                  <Table.Td>{b.readyNow}</Table.Td>
                  <Table.Td>{b.readyInOneToTwoYears}</Table.Td>
                  <Table.Td>{b.readyLater}</Table.Td>
                  <Table.Td>{b.afterTraining}</Table.Td>
                  <Table.Td>{b.needsAssessment}</Table.Td>
                  <Table.Td>{b.blocked}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
