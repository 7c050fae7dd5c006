import { Group, Table, Text, Title } from '@mantine/core';
import { useApi } from '../api';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { PagedList } from '../ui/list';
import { DownloadButtons } from '../ui/parts';
import { usePaging } from '../ui/paging';
import { scopedAgency } from '../access';
import { PlaceLink } from '../ui/links';

const UnitsQuery = graphql(`
  query ConsoleUnits($after: String, $filter: OrgUnitFilter) {
    orgUnits(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name
        agency {
          code
          name
        }
        parent {
          name
        }
      }
    }
  }
`);

/**
 * Org units, each opening its talent matrix and training needs; HR and COMMITTEE are shown their
 * own agency's only, whose analyses they may open.
 */
export function UnitsScreen() {
  const t = useT();
  const { token, claims } = useSession();
  const paging = usePaging();
  const agencyCode = scopedAgency(claims);
  const variables = { after: paging.after, filter: agencyCode ? { agencyCode } : undefined };
  const result = useApi(UnitsQuery, variables, token);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={2}>{t('units')}</Title>
        <DownloadButtons document={UnitsQuery} variables={variables} />
      </Group>
      <PagedList loaded={result} connection={result.data?.orgUnits} paging={paging}>
        {(page) => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('code')}</Table.Th>
                <Table.Th>{t('unit')}</Table.Th>
                <Table.Th>{t('agency')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.nodes.map((unit) => (
                <Table.Tr key={unit.code}>
                  <Table.Td ff="monospace" className="code">
                    {unit.code}
                  </Table.Td>
                  <Table.Td>
                    <PlaceLink
                      place="unit"
                      target={{ agency: unit.agency.code }}
                      href={href(['units', unit.code])}
                    >
                      {unit.name}
                    </PlaceLink>
                    {unit.parent && (
                      <Text size="xs" c="dimmed">
                        {unit.parent.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <PlaceLink
                      place="agency"
                      target={{ agency: unit.agency.code }}
                      href={href(['agencies', unit.agency.code])}
                      size="sm"
                    >
                      {unit.agency.name}
                    </PlaceLink>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </>
  );
}
