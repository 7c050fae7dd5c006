import { Badge, Table, Text } from '@mantine/core';
import { useT } from '../../i18n';
import type { FitData } from './query';

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
                  <span className="code">{planned.course.code}</span> {planned.course.name}
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
