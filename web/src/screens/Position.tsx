import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError, request, useApi } from '../api';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { policyFor } from '../policy';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { PagedList } from '../ui/list';
import { DownloadButtons, ErrorNotice, Loading } from '../ui/parts';
import { usePaging } from '../ui/paging';
import { VerdictCells, VerdictHeadings, type VerdictPart } from '../ui/verdict';

const OpenSelectionMutation = graphql(`
  mutation ConsoleOpenSelection($input: OpenSelectionInput!) {
    openSelection(input: $input) {
      userErrors {
        message
      }
      selection {
        id
      }
    }
  }
`);

const PositionQuery = graphql(`
  query ConsolePosition($code: String!) {
    position(code: $code) {
      code
      title
      summary
      categoryName
      orgUnit {
        code
        name
        agency {
          code
          name
          orgUnits(first: 100) {
            nodes {
              code
              name
            }
          }
        }
      }
      requirements {
        level
        weight
        critical
        competency {
          code
          name
        }
      }
      conditions {
        minRank {
          code
          name
        }
        minEducation {
          code
          name
        }
        minYearsOfService
        minPerformance
        performanceYears
        retirementAge
        requiredCourses {
          code
          title
        }
      }
    }
  }
`);

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

/** A position's job profile and its ranked candidates, with filters, paging and comparison. */
export function PositionScreen(props: { code: string; params: URLSearchParams }) {
  const t = useT();
  const { token, claims } = useSession();
  const [opening, setOpening] = useState(false);
  const [openProblem, setOpenProblem] = useState<string>();
  const scale = props.params.get('scale') ?? 'OPTIMAL';
  const [qualifiedOnly, setQualifiedOnly] = useState(false);
  const [unit, setUnit] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const paging = usePaging();
  const { reset } = paging;
  useEffect(() => reset(), [qualifiedOnly, unit, scale, reset]);

  const position = useApi(PositionQuery, { code: props.code }, token);
  const candidatesVariables = {
    code: props.code,
    first: PAGE_SIZE,
    after: paging.after,
    filter: { qualifiedOnly, orgUnitCode: unit ?? undefined },
    policy: policyFor(scale),
  };
  const candidates = useApi(CandidatesQuery, candidatesVariables, token);
  const profile = position.data?.position;
  const toggle = (nip: string) =>
    setSelected((list) =>
      list.includes(nip) ? list.filter((n) => n !== nip) : [...list, nip].slice(-3),
    );

  if (position.error) return <ErrorNotice error={position.error} onRetry={position.reload} />;
  if (position.loading && !profile) return <Loading />;
  if (!profile) return <Text>{t('notFound')}</Text>;
  const conditions = profile.conditions;
  return (
    <>
      <Group justify="space-between" align="start">
        <div>
          <Text size="sm" c="dimmed">
            <span className="code">{profile.code}</span> · {profile.categoryName} ·{' '}
            <Anchor href={href(['units', profile.orgUnit.code])} size="sm">
              {profile.orgUnit.name}
            </Anchor>
          </Text>
          <Title order={2}>{profile.title}</Title>
          <Text size="sm" mt={4} maw={760}>
            {profile.summary}
          </Text>
        </div>
        <Group gap="sm">
          <Button
            component="a"
            href={href(['positions', profile.code, 'report'], { scale })}
            variant="light"
          >
            {t('report')}
          </Button>
          {claims.role === 'COMMITTEE' && (
            <Button
              loading={opening}
              onClick={() => {
                setOpening(true);
                request(
                  OpenSelectionMutation,
                  { input: { positionCode: profile.code, policy: policyFor(scale) } },
                  token,
                ).then(
                  ({ openSelection }) => {
                    setOpening(false);
                    if (openSelection.selection)
                      navigate(href(['selections', openSelection.selection.id]));
                    else setOpenProblem(openSelection.userErrors.map((e) => e.message).join(' '));
                  },
                  (error: unknown) => {
                    setOpening(false);
                    setOpenProblem(error instanceof ApiError ? error.message : String(error));
                  },
                );
              }}
            >
              {t('openSelection')}
            </Button>
          )}
        </Group>
      </Group>

      {openProblem && (
        <Alert color="red" mt="sm" role="alert">
          {openProblem}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('requirements')}
          </Title>
          <Table data-testid="requirements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competency')}</Table.Th>
                <Table.Th>{t('requiredLevel')}</Table.Th>
                <Table.Th>{t('weight')}</Table.Th>
                <Table.Th>{t('critical')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profile.requirements.map((requirement) => (
                <Table.Tr key={requirement.competency.code}>
                  <Table.Td>
                    <Text size="sm">
                      <b>{requirement.competency.code}</b> {requirement.competency.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{requirement.level}</Table.Td>
                  <Table.Td>{requirement.weight}</Table.Td>
                  <Table.Td>{requirement.critical ? t('yes') : t('no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('conditions')}
          </Title>
          <Table>
            <Table.Tbody>
              <ConditionRow
                label={t('minRank')}
                value={
                  conditions.minRank && `${conditions.minRank.code} ${conditions.minRank.name}`
                }
              />
              <ConditionRow
                label={t('minEducation')}
                value={
                  conditions.minEducation &&
                  `${conditions.minEducation.code} (${conditions.minEducation.name})`
                }
              />
              <ConditionRow
                label={t('minYears')}
                value={
                  conditions.minYearsOfService != null
                    ? t('years', { n: conditions.minYearsOfService })
                    : null
                }
              />
              <ConditionRow
                label={t('minPerformance')}
                value={
                  conditions.minPerformance
                    ? `${t.label(conditions.minPerformance)} ${t('performanceYears', { n: conditions.performanceYears })}`
                    : null
                }
              />
              <ConditionRow
                label={t('retirementAge')}
                value={t('years', { n: conditions.retirementAge })}
              />
              <ConditionRow
                label={t('requiredCourses')}
                value={
                  conditions.requiredCourses.map((c) => `${c.code} ${c.title}`).join(', ') || null
                }
              />
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>

      <Title order={3} mt="lg" mb="xs">
        {t('candidates')}
      </Title>
      <Group align="end" mb="sm">
        <Checkbox
          label={t('qualifiedOnly')}
          checked={qualifiedOnly}
          onChange={(event) => setQualifiedOnly(event.currentTarget.checked)}
        />
        <Select
          label={t('unit')}
          placeholder={t('allUnits')}
          data={profile.orgUnit.agency.orgUnits.nodes.map((u) => ({
            value: u.code,
            label: u.name,
          }))}
          value={unit}
          onChange={setUnit}
          clearable
          searchable
          w={280}
        />
        <div>
          <Text size="sm" fw={500} id="scale-label">
            {t('scale')}
          </Text>
          <SegmentedControl
            aria-labelledby="scale-label"
            value={scale}
            onChange={(value) => navigate(href(['positions', profile.code], { scale: value }))}
            data={[
              { value: 'OPTIMAL', label: t('scaleOPTIMAL') },
              { value: 'ELIGIBILITY', label: t('scaleELIGIBILITY') },
            ]}
          />
        </div>
        <Button
          disabled={selected.length < 2}
          onClick={() =>
            navigate(href(['positions', profile.code, 'compare', selected.join(',')], { scale }))
          }
          title={t('compareHint')}
        >
          {t('compareSelected', { count: selected.length })}
        </Button>
      </Group>
      <PagedList
        loaded={candidates}
        connection={candidates.data?.candidates}
        paging={paging}
        count={(page) => t('candidatesCount', { count: page.totalCount })}
        downloads={<DownloadButtons document={CandidatesQuery} variables={candidatesVariables} />}
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
                      onChange={() => fit.employee.nip && toggle(fit.employee.nip)}
                    />
                  </Table.Td>
                  <Table.Td>{paging.page * PAGE_SIZE + i + 1}</Table.Td>
                  <Table.Td>
                    <Anchor
                      href={href(['positions', profile.code, 'fit', fit.employee.nip ?? ''], {
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
    </>
  );
}

function ConditionRow(props: { label: string; value: string | null | undefined }) {
  const t = useT();
  return (
    <Table.Tr>
      <Table.Th w="45%">{props.label}</Table.Th>
      <Table.Td>{props.value ?? t('none')}</Table.Td>
    </Table.Tr>
  );
}
