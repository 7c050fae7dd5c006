import { Card, Group, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../api';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { DownloadButtons, ErrorNotice, Loading } from '../ui/parts';
import { AgenciesQuery } from './Positions';
import { PlaceLink } from '../ui/links';

const VacanciesQuery = graphql(`
  query ConsoleVacancies($within: Int!, $agencyCode: String) {
    vacancies(within: $within, agencyCode: $agencyCode) {
      retiresOn
      position {
        code
        name
        categoryName
      }
      holder {
        nip
        name
      }
      bench {
        pool
        readyNow
        readyInOneToTwoYears
        readyLater
      }
    }
  }
`);

/** Key positions of the agency whose holders reach their BUP within the years chosen, with their bench. */
export function VacanciesScreen() {
  const t = useT();
  const { token, claims } = useSession();
  const [within, setWithin] = useState('5');
  // HR and COMMITTEE see their own agency; a role without one (ADMIN) picks it.
  const agencies = useApi(AgenciesQuery, {}, token, !claims.agency);
  const [picked, setPicked] = useState<string | null>(null);
  const agencyCode = claims.agency ?? picked ?? agencies.data?.agencies.nodes[0]?.code;
  const variables = { within: Number(within), agencyCode };
  const loaded = useApi(VacanciesQuery, variables, token, !!agencyCode);
  return (
    <>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('vacanciesTitle')}</Title>
        <DownloadButtons document={VacanciesQuery} variables={variables} />
        {!claims.agency && (
          <Select
            label={t('agency')}
            w={280}
            value={agencyCode ?? null}
            allowDeselect={false}
            onChange={setPicked}
            data={(agencies.data?.agencies.nodes ?? []).map((a) => ({
              value: a.code,
              label: a.name,
            }))}
          />
        )}
        <Select
          label={t('within')}
          w={140}
          value={within}
          allowDeselect={false}
          onChange={(value) => value && setWithin(value)}
          data={['1', '2', '3', '5', '10']}
        />
      </Group>
      {loaded.error ? (
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.vacancies.length === 0 ? (
        <Text mt="md">{t('noRows')}</Text>
      ) : (
        <Card withBorder mt="md">
          <Table data-testid="vacancies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retiresOn')}</Table.Th>
                <Table.Th>{t('navPositions')}</Table.Th>
                <Table.Th>{t('holder')}</Table.Th>
                <Table.Th>{t('bench')}</Table.Th>
                <Table.Th>{t('readyNow')}</Table.Th>
                <Table.Th>{t('readyOneToTwo')}</Table.Th>
                <Table.Th>{t('readyLater')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loaded.data.vacancies.map((vacancy) => (
                <Table.Tr key={vacancy.position.code} data-code={vacancy.position.code}>
                  <Table.Td>{t.date(vacancy.retiresOn)}</Table.Td>
                  <Table.Td>
                    <PlaceLink
                      place="position"
                      target={{ agency: agencyCode }}
                      href={href(['positions', vacancy.position.code])}
                    >
                      {vacancy.position.name}
                    </PlaceLink>
                    <Text size="xs" c="dimmed">
                      {vacancy.position.code} · {vacancy.position.categoryName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {vacancy.holder && (
                      <PlaceLink
                        place="employee"
                        target={{ agency: agencyCode, nip: vacancy.holder.nip }}
                        href={href(['employees', vacancy.holder.nip ?? ''])}
                      >
                        {vacancy.holder.name}
                      </PlaceLink>
                    )}
                  </Table.Td>
                  <Table.Td>{vacancy.bench.pool}</Table.Td>
                  <Table.Td>{vacancy.bench.readyNow}</Table.Td>
                  <Table.Td>{vacancy.bench.readyInOneToTwoYears}</Table.Td>
                  <Table.Td>{vacancy.bench.readyLater}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
