import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Table, Title } from '@mantine/core';
import { useApi } from '../../api';
import { graphql } from '../../gql';
import type { AnalyticsScope } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { DownloadButtons, ErrorNotice, Loading } from '../../ui/parts';
import { Figure } from './common';

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
          name
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

/** Training needs: the competencies most short of standard, the courses that close most per JP. */
export function NeedsPanel(props: { scope: AnalyticsScope }) {
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
                  <span className="code">{rank.course.code}</span> {rank.course.name}
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
