import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  SimpleGrid,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { request, useApi } from '../api';
import { graphql } from '../gql';
import type { ConsoleFitQuery } from '../gql/graphql';
import { useT } from '../i18n';
import { policyFor } from '../policy';
import { href } from '../router';
import { useSession } from '../session';
import { ErrorNotice, AssessedOn, LevelChart, Loading } from '../ui/parts';
import { ConditionChips, VerdictParts } from '../ui/verdict';

export const FitQuery = graphql(`
  query ConsoleFit($nip: String!, $code: String!, $policy: ScoringPolicyInput) {
    fit(nip: $nip, positionCode: $code, policy: $policy) {
      asOf
      threshold
      jobPersonMatch
      jobPersonMatchUncapped
      gapIndex
      category
      qualified
      readiness
      employee {
        nip
        name
        rank {
          code
          name
        }
        education {
          code
        }
        orgUnit {
          code
          name
        }
        position {
          title
        }
      }
      position {
        code
        title
      }
      terms {
        competency {
          code
          name
        }
        required
        actual
        gap
        weight
        contribution
        critical
        stale
        assessedOn
      }
      unmetConditions {
        code
        message
        required
        actual
      }
      trainingPlan {
        totalHours
        totalCost
        closesAllGaps
        courses {
          course {
            code
            title
            hours
            cost
            provider
          }
          reason
          required
          closes {
            code
            name
          }
          raises {
            code
            name
          }
          prerequisiteOf {
            code
          }
        }
        byReason {
          reason
          courses
          hours
          cost
        }
        uncoveredGaps {
          competency {
            code
            name
          }
          gap
        }
      }
    }
  }
`);

export type FitData = NonNullable<ConsoleFitQuery['fit']>;

/** One candidate against one position: every term, the chart, the reasons and the plan. */
export function FitScreen(props: { code: string; nip: string; params: URLSearchParams }) {
  const t = useT();
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
      <Anchor href={href(['positions', props.code], { scale })} size="sm" className="no-print">
        ← {data.position.title}
      </Anchor>
      <Title order={2} mt="xs">
        {t('fitTitle', { name: data.employee.name ?? '—', position: data.position.title })}
      </Title>
      <Text size="sm" c="dimmed">
        <Anchor href={href(['employees', data.employee.nip ?? ''])} size="sm">
          {data.employee.nip}
        </Anchor>{' '}
        · {data.employee.rank ? `${data.employee.rank.code} ${data.employee.rank.name}` : '—'} ·{' '}
        {data.employee.education?.code ?? '—'} · {data.employee.orgUnit.name} ·{' '}
        {data.employee.position?.title ?? t('noPosition')}
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

const WhatIfQuery = graphql(`
  query ConsoleWhatIf(
    $nip: String!
    $code: String!
    $policy: ScoringPolicyInput
    $assume: Assumptions
  ) {
    fit(nip: $nip, positionCode: $code, policy: $policy, assume: $assume) {
      jobPersonMatch
      category
      qualified
      readiness
    }
  }
`);

/** What if some courses of the plan were completed: the fit computed again, nothing written. */
function WhatIf(props: { fit: FitData; code: string; nip: string; scale: string }) {
  const t = useT();
  const { token } = useSession();
  const courses = props.fit.trainingPlan.courses.map((c) => c.course);
  const [chosen, setChosen] = useState<string[]>(courses.map((c) => c.code));
  const [result, setResult] = useState<{
    jobPersonMatch: number;
    category: string;
    qualified: boolean;
    readiness: string;
  }>();
  const run = () =>
    void request(
      WhatIfQuery,
      {
        nip: props.nip,
        code: props.code,
        policy: policyFor(props.scale),
        assume: { trainings: chosen },
      },
      token,
    ).then((answer) => setResult(answer.fit));
  return (
    <Card withBorder mt="md" className="no-print" data-testid="what-if">
      <Title order={3} size="h4" mb="xs">
        {t('whatIf')}
      </Title>
      <Text size="sm" mb="xs">
        {t('whatIfIntro')}
      </Text>
      <Group gap="md">
        {courses.map((course) => (
          <Checkbox
            key={course.code}
            label={`${course.code} ${course.title}`}
            checked={chosen.includes(course.code)}
            onChange={(event) =>
              setChosen((list) =>
                event.currentTarget.checked
                  ? [...list, course.code]
                  : list.filter((code) => code !== course.code),
              )
            }
          />
        ))}
      </Group>
      <Group mt="sm" gap="md">
        <Button size="xs" onClick={run}>
          {t('whatIfRun')}
        </Button>
        {result && (
          <Group gap="sm" data-testid="what-if-result">
            <Text size="sm">
              {t('whatIfResult', {
                before: t.number(props.fit.jobPersonMatch, 2),
                after: t.number(result.jobPersonMatch, 2),
              })}
            </Text>
            <VerdictParts verdict={result} parts={['category', 'qualified', 'readiness']} />
          </Group>
        )}
      </Group>
    </Card>
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

/** Why a course is in the plan, in words: every reason that holds, the main one first. */
export function planReasons(
  t: ReturnType<typeof useT>,
  planned: FitData['trainingPlan']['courses'][number],
): string {
  const list = (codes: { code: string }[]) => codes.map((c) => c.code).join(', ');
  const reasons = [
    planned.required ? t('whyRequired') : null,
    planned.closes.length > 0 ? t('whyCloses', { list: list(planned.closes) }) : null,
    planned.raises.length > 0 ? t('whyRaises', { list: list(planned.raises) }) : null,
    planned.prerequisiteOf.length > 0
      ? t('whyPrerequisite', { list: list(planned.prerequisiteOf) })
      : null,
  ].filter((reason): reason is string => reason !== null);
  const text = reasons.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function PlanTable(props: { fit: FitData }) {
  const t = useT();
  const plan = props.fit.trainingPlan;
  if (plan.courses.length === 0 && plan.uncoveredGaps.length === 0)
    return <Text size="sm">{t('trainingPlanEmpty')}</Text>;
  return (
    <>
      <Table data-testid="training-plan">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('course')}</Table.Th>
            <Table.Th>{t('why')}</Table.Th>
            <Table.Th>{t('hours')}</Table.Th>
            <Table.Th>{t('cost')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.courses.map((planned) => (
            <Table.Tr
              key={planned.course.code}
              data-code={planned.course.code}
              data-reason={planned.reason}
            >
              <Table.Td>
                <Text size="sm">
                  <span className="code">{planned.course.code}</span> {planned.course.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {planned.course.provider}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" tt="none" color="indigo">
                  {t.label(planned.reason)}
                </Badge>
                <Text size="xs" mt={2} data-testid="plan-why">
                  {planReasons(t, planned)}
                </Text>
              </Table.Td>
              <Table.Td>{planned.course.hours}</Table.Td>
              <Table.Td>{t.money(planned.course.cost)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {plan.byReason.map((total) => (
            <Table.Tr key={total.reason} data-reason-total={total.reason}>
              <Table.Td colSpan={2}>
                <Text size="sm">
                  {t.label(total.reason)} ({t('courses', { count: total.courses })})
                </Text>
              </Table.Td>
              <Table.Td>{total.hours} JP</Table.Td>
              <Table.Td>{t.money(total.cost)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th colSpan={2}>{t('total')}</Table.Th>
            <Table.Th data-testid="plan-hours">{plan.totalHours} JP</Table.Th>
            <Table.Th data-testid="plan-cost">{t.money(plan.totalCost)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Text size="sm" mt="xs">
        {plan.closesAllGaps
          ? t('closesAllGaps')
          : t('uncoveredGaps', {
              list: plan.uncoveredGaps.map((g) => `${g.competency.code} (${g.gap})`).join(', '),
            })}
      </Text>
    </>
  );
}
