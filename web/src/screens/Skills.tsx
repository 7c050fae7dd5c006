import { Card, Group, Select, Table, Text, Title } from '@mantine/core';
import { useApi } from '../api';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { DownloadButtons, ErrorNotice, Loading } from '../ui/parts';
import { PlaceLink } from '../ui/links';

const SkillOptionsQuery = graphql(`
  query ConsoleSkillOptions {
    competencies(first: 100) {
      nodes {
        code
        name
      }
    }
  }
`);

const SkillSearchQuery = graphql(`
  query ConsoleSkillSearch($filter: EmployeeFilter!, $code: String!) {
    employees(filter: $filter, first: 100) {
      totalCount
      nodes {
        nip
        name
        rank {
          code
        }
        orgUnit {
          name
        }
        competencies {
          level
          assessedOn
          competency {
            code
          }
        }
      }
    }
    competency(code: $code) {
      name
    }
  }
`);

/** Rank codes of the civil service, lowest first (I/a … IV/e). */
const RANKS = [
  ...['I', 'II', 'III'].flatMap((group) => ['a', 'b', 'c', 'd'].map((step) => `${group}/${step}`)),
  ...['a', 'b', 'c', 'd', 'e'].map((step) => `IV/${step}`),
];

/**
 * Skill search: who holds a competency at a level or above (and a rank or above), from the
 * current levels; the list downloads as CSV or Excel. The choice lives in the URL.
 */
export function SkillsScreen(props: { params: URLSearchParams }) {
  const t = useT();
  const { token } = useSession();
  const code = props.params.get('competency') ?? '';
  const minLevel = props.params.get('level') ?? '3';
  const rank = props.params.get('rank') ?? '';
  const options = useApi(SkillOptionsQuery, {}, token);
  const choose = (change: Record<string, string | null>) => {
    const next = { competency: code, level: minLevel, rank, ...change };
    navigate(
      href(
        ['skills'],
        Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v ?? undefined])),
      ),
    );
  };
  const filter = {
    competencies: [{ code, minLevel: Number(minLevel) }],
    ...(rank ? { rank: { gte: rank } } : {}),
  };
  return (
    <>
      <Title order={2}>{t('skillsTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('skillsIntro')}
      </Text>
      {options.error && <ErrorNotice error={options.error} onRetry={options.reload} />}
      <Group mt="md" align="end">
        <Select
          label={t('competency')}
          searchable
          w={320}
          value={code || null}
          onChange={(value) => choose({ competency: value })}
          data={(options.data?.competencies.nodes ?? []).map((c) => ({
            value: c.code,
            label: `${c.code} · ${c.name}`,
          }))}
        />
        <Select
          label={t('minLevel')}
          w={120}
          value={minLevel}
          allowDeselect={false}
          onChange={(value) => value && choose({ level: value })}
          data={['1', '2', '3', '4', '5']}
        />
        <Select
          label={t('minRank')}
          w={160}
          clearable
          placeholder={t('anyRank')}
          value={rank || null}
          onChange={(value) => choose({ rank: value })}
          data={RANKS}
        />
      </Group>
      {code && <SkillResults filter={filter} code={code} />}
    </>
  );
}

function SkillResults(props: {
  filter: { competencies: { code: string; minLevel: number }[]; rank?: { gte: string } };
  code: string;
}) {
  const t = useT();
  const { token } = useSession();
  const variables = { filter: props.filter, code: props.code };
  const found = useApi(SkillSearchQuery, variables, token);
  if (found.error) return <ErrorNotice error={found.error} onRetry={found.reload} />;
  if (!found.data) return <Loading />;
  const { employees } = found.data;
  return (
    <Card withBorder mt="md">
      <Group justify="space-between" mb="sm">
        <Text fw={500} data-testid="skill-count">
          {t('employeesFound', { count: employees.totalCount })}
        </Text>
        <DownloadButtons document={SkillSearchQuery} variables={variables} />
      </Group>
      {employees.nodes.length === 0 ? (
        <Text>{t('noRows')}</Text>
      ) : (
        <Table data-testid="skill-results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th>{t('rankGrade')}</Table.Th>
              <Table.Th>{t('unit')}</Table.Th>
              <Table.Th>{t('currentLevel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {employees.nodes.map((employee) => {
              const level = (employee.competencies ?? []).find(
                (c) => c.competency.code === props.code,
              );
              return (
                <Table.Tr key={employee.nip ?? employee.name}>
                  <Table.Td>
                    {employee.nip ? (
                      <PlaceLink
                        place="employee"
                        target={{ nip: employee.nip }}
                        href={href(['employees', employee.nip])}
                      >
                        {employee.name}
                      </PlaceLink>
                    ) : (
                      employee.name
                    )}
                  </Table.Td>
                  <Table.Td>{employee.rank?.code ?? '—'}</Table.Td>
                  <Table.Td>{employee.orgUnit.name}</Table.Td>
                  <Table.Td>{level?.level ?? '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
