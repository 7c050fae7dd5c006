import { Anchor, Badge, Card, Group, List, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useApi } from '../api';
import { useT } from '../i18n';
import { policyFor } from '../policy';
import { href } from '../router';
import { useSession } from '../session';
import { ErrorNotice, AssessedOn, LevelChart, Loading } from '../ui/parts';
import { ConditionChips, VerdictParts } from '../ui/verdict';
import { PlanTable } from './fit/Plan';
import { FitQuery, type FitData } from './fit/query';
import { WhatIf } from './fit/WhatIf';
import { PlaceLink, useMayOpen } from '../ui/links';

/** One candidate against one position: every term, the chart, the reasons and the plan. */
export function FitScreen(props: { code: string; nip: string; params: URLSearchParams }) {
  const t = useT();
  const mayOpen = useMayOpen();
  const { token } = useSession();
  const scale = props.params.get('scale') ?? 'OPTIMAL';
  const fit = useApi(
    FitQuery,
    { nip: props.nip, code: props.code, policy: policyFor(scale) },
    token,
  );
  if (fit.error) return <ErrorNotice error={fit.error} onRetry={fit.reload} />;
  if (!fit.data) return <Loading />;
  const data = fit.data.fit;
  return (
    <>
      {mayOpen('position') && (
        <Anchor href={href(['positions', props.code], { scale })} size="sm" className="no-print">
          ← {data.position.name}
        </Anchor>
      )}
      <Title order={2} mt="xs">
        {t('fitTitle', { name: data.employee.name ?? '—', position: data.position.name })}
      </Title>
      <Text size="sm" c="dimmed">
        <PlaceLink
          place="employee"
          target={{ nip: data.employee.nip }}
          href={href(['employees', data.employee.nip ?? ''])}
          size="sm"
        >
          {data.employee.nip}
        </PlaceLink>{' '}
        · {data.employee.rank ? `${data.employee.rank.code} ${data.employee.rank.name}` : '—'} ·{' '}
        {data.employee.education?.code ?? '—'} · {data.employee.orgUnit.name} ·{' '}
        {data.employee.position?.name ?? t('noPosition')}
      </Text>
      <FitSummary fit={data} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('chartTitle')}
          </Title>
          <LevelChart
            terms={data.terms.map((term) => ({
              code: term.competency.code,
              name: term.competency.name,
              required: term.required,
              actual: term.actual ?? null,
            }))}
          />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('unmetConditions')}
          </Title>
          <UnmetList fit={data} />
        </Card>
      </SimpleGrid>
      <Card withBorder mt="md">
        <Title order={3} size="h4" mb="xs">
          {t('terms')}
        </Title>
        <TermsTable fit={data} />
      </Card>
      <Card withBorder mt="md">
        <Title order={3} size="h4" mb="xs">
          {t('trainingPlan')}
        </Title>
        <PlanTable fit={data} />
      </Card>
      {data.trainingPlan.courses.length > 0 && (
        <WhatIf fit={data} code={props.code} nip={props.nip} scale={scale} />
      )}
    </>
  );
}

export function FitSummary(props: { fit: FitData }) {
  const t = useT();
  const fit = props.fit;
  return (
    <Group mt="sm" gap="lg" data-testid="fit-summary">
      <VerdictParts verdict={fit} parts={['jpm', 'category', 'qualified', 'readiness']} />
      <Text size="sm">
        {t('threshold')}: {t.number(fit.threshold)} · {t('uncapped')}:{' '}
        {t.number(fit.jobPersonMatchUncapped)} · {t('gapIndex')}: {t.number(fit.gapIndex)} ·{' '}
        {t('asOf')} {t.date(fit.asOf)}
      </Text>
    </Group>
  );
}

export function UnmetList(props: { fit: FitData }) {
  const t = useT();
  const unmet = props.fit.unmetConditions;
  // A critical competency below its standard keeps a candidate from qualifying too: said here,
  // beside the conditions, not only as a red number in the terms.
  const critical = props.fit.terms.filter(
    (term) => term.critical && (term.actual === null || term.actual === undefined || term.gap < 0),
  );
  if (unmet.length === 0 && critical.length === 0)
    return <Text size="sm">{t('allConditionsMet')}</Text>;
  return (
    <List spacing="xs" data-testid="unmet-conditions">
      {critical.map((term) => (
        <List.Item key={`critical-${term.competency.code}`} data-critical={term.competency.code}>
          <Group gap="xs" wrap="nowrap" align="start">
            <Badge color="red" variant="light" size="sm" tt="none">
              {t('critical')}
            </Badge>
            <Text size="sm">
              {term.actual === null || term.actual === undefined
                ? t('criticalNotAssessed', {
                    name: term.competency.name,
                    code: term.competency.code,
                    required: term.required,
                  })
                : t('criticalGap', {
                    name: term.competency.name,
                    code: term.competency.code,
                    actual: term.actual,
                    required: term.required,
                  })}
            </Text>
          </Group>
        </List.Item>
      ))}
      {unmet.map((condition) => (
        <List.Item key={condition.code}>
          <Group gap="xs" wrap="nowrap" align="start">
            <ConditionChips conditions={[condition]} />
            <Text size="sm">{t.condition(condition)}</Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

export function TermsTable(props: { fit: FitData }) {
  const t = useT();
  return (
    <Table striped data-testid="terms">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('competency')}</Table.Th>
          <Table.Th>{t('requiredLevel')}</Table.Th>
          <Table.Th>{t('actualLevel')}</Table.Th>
          <Table.Th>{t('gap')}</Table.Th>
          <Table.Th>{t('weight')}</Table.Th>
          <Table.Th>{t('contribution')}</Table.Th>
          <Table.Th>{t('assessedOn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.fit.terms.map((term) => (
          <Table.Tr key={term.competency.code}>
            <Table.Td>
              <Text size="sm">
                <b>{term.competency.code}</b> {term.competency.name}{' '}
                {term.critical && (
                  <Badge size="xs" color="grape" tt="none">
                    {t('critical')}
                  </Badge>
                )}
              </Text>
            </Table.Td>
            <Table.Td>{term.required}</Table.Td>
            <Table.Td>{term.actual ?? <i>{t('notAssessed')}</i>}</Table.Td>
            <Table.Td>
              <Text size="sm" c={term.gap < 0 ? 'red.9' : undefined} fw={term.gap < 0 ? 700 : 400}>
                {term.gap > 0 ? `+${term.gap}` : term.gap}
              </Text>
            </Table.Td>
            <Table.Td>{term.weight}</Table.Td>
            <Table.Td>{t.number(term.contribution, 2)}</Table.Td>
            <Table.Td>
              <AssessedOn date={term.assessedOn} stale={term.stale} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
