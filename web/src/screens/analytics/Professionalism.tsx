import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useApi } from '../../api';
import { graphql } from '../../gql';
import type { AnalyticsScope } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { ErrorNotice, Loading } from '../../ui/parts';
import { Figure } from './common';

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

/** The professionalism index (IP ASN): its average, its four dimensions and its bands. */
export function ProfessionalismPanel(props: { scope: AnalyticsScope }) {
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
