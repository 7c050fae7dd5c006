import { DonutChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useApi } from '../../api';
import { graphql } from '../../gql';
import type { AnalyticsScope } from '../../gql/graphql';
import { useT } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { PagedList } from '../../ui/list';
import { usePaging } from '../../ui/paging';
import { DownloadButtons, ErrorNotice, Loading } from '../../ui/parts';
import { Figure, seesNames } from './common';
import { PlaceLink } from '../../ui/links';

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

/** 20 JP compliance: who reached the year's training target, and a list of those below it. */
export function CompliancePanel(props: { scope: AnalyticsScope }) {
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
                  <PlaceLink
                    place="employee"
                    target={{ nip: row.employee?.nip }}
                    href={href(['employees', row.employee?.nip ?? ''])}
                    size="sm"
                  >
                    {row.employee?.name ?? '—'}
                  </PlaceLink>
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
