import { Card, Group, Text, Title, Tooltip } from '@mantine/core';
import { useApi } from '../../api';
import { graphql } from '../../gql';
import type { AnalyticsScope } from '../../gql/graphql';
import { useT } from '../../i18n';
import { href } from '../../router';
import { useSession } from '../../session';
import { DownloadButtons, ErrorNotice, Loading } from '../../ui/parts';
import { PlaceLink } from '../../ui/links';

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

/** Per unit and competency, the share of people at the standard, as coloured cells with words. */
export function HeatMapPanel(props: { scope: AnalyticsScope }) {
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
                    <PlaceLink place="unit" href={href(['units', row.orgUnit.code])} size="sm">
                      {row.orgUnit.name}
                    </PlaceLink>
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
