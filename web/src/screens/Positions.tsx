import { Badge, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApi } from '../api';
import { graphql } from '../gql';
import type { ConsolePositionsQuery, PositionCategory, PositionOrderField } from '../gql/graphql';
import { useT } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { PagedList } from '../ui/list';
import { DownloadButtons } from '../ui/parts';
import { usePaging } from '../ui/paging';
import { offeredAgencies } from '../access';
import { PlaceLink } from '../ui/links';

const PositionsQuery = graphql(`
  query ConsolePositions(
    $first: Int!
    $after: String
    $filter: PositionFilter
    $orderBy: PositionOrder
  ) {
    positions(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        name
        category
        categoryName
        orgUnit {
          code
          name
          agency {
            code
            name
          }
        }
        requirements {
          level
        }
      }
    }
  }
`);

/** Every agency by name (the pickers of the positions and the vacancies ahead). */
export const AgenciesQuery = graphql(`
  query ConsoleAgencies {
    agencies(first: 100) {
      nodes {
        code
        name
      }
    }
  }
`);

/** The categories by seniority, as the API orders them. */
const CATEGORIES: PositionCategory[] = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'FUNGSIONAL_AHLI_UTAMA',
  'FUNGSIONAL_AHLI_MADYA',
  'FUNGSIONAL_AHLI_MUDA',
  'FUNGSIONAL_AHLI_PERTAMA',
  'FUNGSIONAL_PENYELIA',
  'FUNGSIONAL_MAHIR',
  'FUNGSIONAL_TERAMPIL',
  'FUNGSIONAL_PEMULA',
];

const ORDERS: {
  value: PositionOrderField;
  label: 'orderSeniority' | 'orderCode' | 'orderName';
}[] = [
  { value: 'SENIORITY', label: 'orderSeniority' },
  { value: 'CODE', label: 'orderCode' },
  { value: 'NAME', label: 'orderName' },
];

/** Positions with search and filters; each opens its job profile and ranked candidates. */
export function PositionsScreen() {
  const t = useT();
  const { token, claims } = useSession();
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [agency, setAgency] = useState<string | null>(null);
  const [order, setOrder] = useState<PositionOrderField>('SENIORITY');
  const paging = usePaging();
  const { reset } = paging;

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  useEffect(() => reset(), [search, category, agency, order, reset]);

  const agencies = useApi(AgenciesQuery, {}, token);
  const positionsVariables = {
    first: 25,
    after: paging.after,
    filter: {
      search: search || undefined,
      categories: category ? [category as PositionCategory] : undefined,
      agencyCode: agency ?? undefined,
    },
    orderBy: { field: order, direction: 'ASC' as const },
  };
  const positions = useApi(PositionsQuery, positionsVariables, token);

  return (
    <>
      <Title order={2} mb="sm">
        {t('navPositions')}
      </Title>
      <Group align="end" mb="md">
        <TextInput
          label={t('search')}
          placeholder={t('searchHint')}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          w={260}
        />
        <Select
          label={t('category')}
          placeholder={t('allCategories')}
          data={CATEGORIES.map((value) => ({ value, label: t.label(value) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={300}
        />
        <Select
          label={t('agency')}
          placeholder={t('allAgencies')}
          data={offeredAgencies(claims, agencies.data?.agencies.nodes ?? []).map((a) => ({
            value: a.code,
            label: a.name,
          }))}
          value={agency}
          onChange={setAgency}
          clearable
          w={280}
        />
        <Select
          label={t('orderBy')}
          data={ORDERS.map((o) => ({ value: o.value, label: t(o.label) }))}
          value={order}
          onChange={(value) => value && setOrder(value as PositionOrderField)}
          allowDeselect={false}
          w={220}
        />
      </Group>
      <PagedList
        loaded={positions}
        connection={positions.data?.positions}
        paging={paging}
        count={(page) => t('positionsFound', { count: page.totalCount })}
        downloads={<DownloadButtons document={PositionsQuery} variables={positionsVariables} />}
      >
        {(page) => <PositionsTable positions={page.nodes} />}
      </PagedList>
    </>
  );
}

type PositionRow = ConsolePositionsQuery['positions']['nodes'][number];

/** A page of positions: code, title (to the job profile), category, unit, requirements. */
function PositionsTable(props: { positions: PositionRow[] }) {
  const t = useT();
  return (
    <Table striped highlightOnHover data-testid="positions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('code')}</Table.Th>
          <Table.Th>{t('title')}</Table.Th>
          <Table.Th>{t('category')}</Table.Th>
          <Table.Th>{t('unit')}</Table.Th>
          <Table.Th>{t('requirementsCount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.positions.map((position) => (
          <Table.Tr key={position.code}>
            <Table.Td>
              <Text size="sm" ff="monospace" className="code">
                {position.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <PlaceLink
                place="position"
                target={{ agency: position.orgUnit.agency.code }}
                href={href(['positions', position.code])}
              >
                {position.name}
              </PlaceLink>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="indigo" tt="none">
                {position.categoryName}
              </Badge>
            </Table.Td>
            <Table.Td>
              <PlaceLink
                place="unit"
                target={{ agency: position.orgUnit.agency.code }}
                href={href(['units', position.orgUnit.code])}
                size="sm"
              >
                {position.orgUnit.name}
              </PlaceLink>
            </Table.Td>
            <Table.Td>{position.requirements.length}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
