import { BarChart } from '@mantine/charts';
import { Card, Group, Table, Text, Title } from '@mantine/core';
import { useApi } from '../../api';
import { graphql } from '../../gql';
import type { AnalyticsScope } from '../../gql/graphql';
import { useT } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { DownloadButtons, ErrorNotice, Loading } from '../../ui/parts';
import { Figure } from './common';
import { PlaceLink } from '../../ui/links';

const BenchQuery = graphql(`
  query ConsoleBenchStrength($scope: AnalyticsScope!) {
    benchStrength(scope: $scope) {
      position {
        code
        name
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

/** Bench strength: for each key position, who is ready now, in one to two years, or later. */
export function BenchPanel(props: { scope: AnalyticsScope }) {
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
                  `${b.position.name}: ${t('readyNow')} ${b.readyNow}, ${t('readyOneToTwo')} ${b.readyInOneToTwoYears}, ${t('readyLater')} ${b.readyLater}`,
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
                    <PlaceLink
                      place="position"
                      href={href(['positions', b.position.code])}
                      size="sm"
                    >
                      {b.position.name}
                    </PlaceLink>
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
