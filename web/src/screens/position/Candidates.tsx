import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useApi } from '../../api';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { policyFor } from '../../policy';
import { href } from '../../router';
import { useSession } from '../../session';
import { PagedList } from '../../ui/list';
import { usePaging } from '../../ui/paging';
import { DownloadButtons } from '../../ui/parts';
import { VerdictCells, VerdictHeadings, type VerdictPart } from '../../ui/verdict';

const CandidatesQuery = graphql(`
  query ConsoleCandidates(
    $code: String!
    $first: Int!
    $after: String
    $filter: CandidateFilter
    $policy: ScoringPolicyInput
  ) {
    candidates(
      positionCode: $code
      first: $first
      after: $after
      filter: $filter
      policy: $policy
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        jobPersonMatch
        category
        qualified
        readiness
        incumbent
        threshold
        employee {
          nip
          name
          orgUnit {
            name
          }
          rank {
            code
          }
        }
        unmetConditions {
          code
          message
          required
          actual
        }
      }
    }
  }
`);

export const PAGE_SIZE = 20;

/** A candidate's verdict, a column a part. */
const CANDIDATE_VERDICT: VerdictPart[][] = [
  ['jpm'],
  ['category'],
  ['qualified'],
  ['readiness'],
  ['unmet'],
];

/**
 * The ranked candidates of a position, a page at a time, by the filters and the scale (back to
 * the first page when either changes).
 */
export function useCandidates(
  code: string,
  scale: string,
  filter: { qualifiedOnly: boolean; unit: string | null },
) {
  const { token } = useSession();
  const paging = usePaging();
  const { reset } = paging;
  useEffect(() => reset(), [filter.qualifiedOnly, filter.unit, scale, reset]);
  const variables = {
    code,
    first: PAGE_SIZE,
    after: paging.after,
    filter: { qualifiedOnly: filter.qualifiedOnly, orgUnitCode: filter.unit ?? undefined },
    policy: policyFor(scale),
  };
  return { paging, variables, loaded: useApi(CandidatesQuery, variables, token) };
}

export type CandidateList = ReturnType<typeof useCandidates>;

/** The page of candidates: a box to compare, the rank, who, and the verdict. */
export function Candidates(props: {
  list: CandidateList;
  code: string;
  scale: string;
  selected: string[];
  onToggle: (nip: string) => void;
}) {
  const t = useT();
  const { list, scale, selected } = props;
  return (
    <PagedList
      loaded={list.loaded}
      connection={list.loaded.data?.candidates}
      paging={list.paging}
      count={(page) => t('candidatesCount', { count: page.totalCount })}
      downloads={<DownloadButtons document={CandidatesQuery} variables={list.variables} />}
    >
      {(page) => (
        <Table striped highlightOnHover data-testid="candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="1%" className="narrow">
                {t('compare')}
              </Table.Th>
              <Table.Th w="1%">#</Table.Th>
              <Table.Th>{t('name')}</Table.Th>
              <VerdictHeadings cells={CANDIDATE_VERDICT} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.nodes.map((fit, i) => (
              <Table.Tr key={fit.employee.nip ?? i} data-nip={fit.employee.nip}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('selectForCompare', { name: fit.employee.name ?? '—' })}
                    checked={!!fit.employee.nip && selected.includes(fit.employee.nip)}
                    onChange={() => fit.employee.nip && props.onToggle(fit.employee.nip)}
                  />
                </Table.Td>
                <Table.Td>{list.paging.page * PAGE_SIZE + i + 1}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={href(['positions', props.code, 'fit', fit.employee.nip ?? ''], {
                      scale,
                    })}
                    aria-label={t('openFit', { name: fit.employee.name ?? '—' })}
                  >
                    {fit.employee.name}
                  </Anchor>
                  {fit.incumbent && (
                    <Badge size="xs" variant="outline" color="gray" ml={6}>
                      {t('incumbent')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {fit.employee.nip} · {fit.employee.rank?.code ?? '—'} ·{' '}
                    {fit.employee.orgUnit.name}
                  </Text>
                </Table.Td>
                <VerdictCells verdict={fit} cells={CANDIDATE_VERDICT} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </PagedList>
  );
}
