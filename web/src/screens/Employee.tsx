import { Badge, Card, Group, Progress, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useApi } from '../api';
import { policyFor } from '../policy';
import { PlanTable } from './fit/Plan';
import { FitQuery } from './fit/query';
import { graphql } from '../gql';
import type { ConsoleEmployeeQuery } from '../gql/graphql';
import { useT } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { AssessedOn, ErrorNotice, Loading } from '../ui/parts';
import { VerdictCells, type VerdictPart } from '../ui/verdict';
import { PlaceLink } from '../ui/links';

const EmployeeQuery = graphql(`
  query ConsoleEmployee($nip: String!) {
    employee(nip: $nip) {
      nip
      name
      rank {
        code
        name
      }
      education {
        code
        name
      }
      orgUnit {
        code
        name
      }
      agency {
        code
        name
      }
      position {
        code
        name
      }
      competencies {
        competency {
          code
          name
        }
        level
        assessedOn
        stale
      }
      trainingHours {
        year
        hours
        target
        met
      }
      talentBox {
        box
        label
        action
      }
      bestFitPositions(first: 5) {
        position {
          code
          name
          categoryName
        }
        jobPersonMatch
        category
        qualified
        readiness
      }
    }
  }
`);

/** A best-fitting position's verdict: the JPM, then the badges side by side. */
const BEST_FIT_VERDICT: VerdictPart[][] = [['jpm'], ['category', 'qualified', 'readiness']];

/** An employee: competency profile with staleness, best-fitting positions, 20 JP progress. */
export function EmployeeScreen(props: { nip: string }) {
  const t = useT();
  const { token } = useSession();
  const result = useApi(EmployeeQuery, { nip: props.nip }, token);
  if (result.error) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  const employee = result.data.employee;
  if (!employee) return <Text>{t('notFound')}</Text>;
  const hours = employee.trainingHours;
  return (
    <>
      <Title order={2}>{employee.name}</Title>
      <Text size="sm" c="dimmed">
        {t('nip')} {employee.nip} ·{' '}
        {employee.rank ? `${employee.rank.code} ${employee.rank.name}` : '—'} · {t('education')}{' '}
        {employee.education?.code ?? '—'} ·{' '}
        <PlaceLink
          place="unit"
          target={{ agency: employee.agency.code }}
          href={href(['units', employee.orgUnit.code])}
          size="sm"
        >
          {employee.orgUnit.name}
        </PlaceLink>{' '}
        · {employee.agency.name}
      </Text>
      <Text size="sm">
        {t('position')}:{' '}
        {employee.position ? (
          <PlaceLink
            place="position"
            target={{ agency: employee.agency.code }}
            href={href(['positions', employee.position.code])}
          >
            {employee.position.name}
          </PlaceLink>
        ) : (
          t('noPosition')
        )}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        {hours ? (
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">
              {t('trainingHours', { year: hours.year })}
            </Title>
            <Progress
              value={Math.min(100, (hours.hours / hours.target) * 100)}
              color={hours.met ? 'teal' : 'orange'}
              size="xl"
              aria-label={t('trainingHoursOf', { hours: hours.hours, target: hours.target })}
            />
            <Text size="sm" mt={4} data-testid="training-hours">
              {t('trainingHoursOf', { hours: hours.hours, target: hours.target })} ·{' '}
              {hours.met ? `✓ ${t('trainingMet')}` : `✗ ${t('trainingNotMet')}`}
            </Text>
          </Card>
        ) : (
          <Card withBorder>—</Card>
        )}
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('talentBox')}
          </Title>
          {employee.talentBox ? (
            <Text size="sm">
              <b>{t('box', { box: employee.talentBox.box })}</b> · {employee.talentBox.label} ·{' '}
              {employee.talentBox.action}
            </Text>
          ) : (
            <Text size="sm">—</Text>
          )}
        </Card>
      </SimpleGrid>
      <DevelopmentPlans nip={props.nip} />
      <Card withBorder mt="md">
        <Title order={3} size="h4" mb="xs">
          {t('competencyProfile')}
        </Title>
        <Table striped data-testid="competency-profile">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('competency')}</Table.Th>
              <Table.Th>{t('level')}</Table.Th>
              <Table.Th>{t('assessedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(employee.competencies ?? []).map((c) => (
              <Table.Tr key={c.competency.code}>
                <Table.Td>
                  <b>{c.competency.code}</b> {c.competency.name}
                </Table.Td>
                <Table.Td>{c.level}</Table.Td>
                <Table.Td>
                  <AssessedOn date={c.assessedOn} stale={c.stale} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {employee.bestFitPositions?.[0] && employee.nip && (
        <BestFitPlan nip={employee.nip} code={employee.bestFitPositions[0].position.code} />
      )}
      <BestFits employee={employee} />
    </>
  );
}

type EmployeeData = NonNullable<ConsoleEmployeeQuery['employee']>;

/** The positions the employee fits best, each with its verdict and a link to the fit. */
function BestFits(props: { employee: EmployeeData }) {
  const t = useT();
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">
        {t('bestFits')}
      </Title>
      <Table data-testid="best-fits">
        <Table.Tbody>
          {(props.employee.bestFitPositions ?? []).map((fit) => (
            <Table.Tr key={fit.position.code}>
              <Table.Td>
                <PlaceLink
                  place="fit"
                  target={{ nip: props.employee.nip }}
                  href={href(['positions', fit.position.code, 'fit', props.employee.nip ?? ''])}
                >
                  {fit.position.name}
                </PlaceLink>
                <Text size="xs" c="dimmed">
                  {fit.position.code} · {fit.position.categoryName}
                </Text>
              </Table.Td>
              <VerdictCells verdict={fit} cells={BEST_FIT_VERDICT} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The training plan towards the position that fits best, with why each course is there. */
function BestFitPlan(props: { nip: string; code: string }) {
  const t = useT();
  const { token } = useSession();
  const fit = useApi(
    FitQuery,
    { nip: props.nip, code: props.code, policy: policyFor('OPTIMAL') },
    token,
  );
  if (fit.error) return <ErrorNotice error={fit.error} onRetry={fit.reload} />;
  if (!fit.data) return <Loading />;
  const data = fit.data.fit;
  return (
    <Card withBorder mt="md" data-testid="best-fit-plan">
      <Title order={3} size="h4">
        {t('myPlan', { position: data.position.name })}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('myPlanIntro')}{' '}
        <PlaceLink
          place="fit"
          target={{ nip: props.nip }}
          href={href(['positions', data.position.code, 'fit', props.nip])}
          size="sm"
        >
          {t('fitTitle', { name: data.employee.name ?? '—', position: data.position.name })}
        </PlaceLink>
      </Text>
      <PlanTable fit={data} />
    </Card>
  );
}

const DevelopmentPlansQuery = graphql(`
  query ConsoleDevelopmentPlans($nip: String!) {
    employee(nip: $nip) {
      developmentPlans {
        yearlyHours
        onTrack
        targetPosition {
          code
          name
        }
        courses {
          targetYear
          completedOn
          course {
            code
            name
            hours
          }
        }
      }
    }
  }
`);

/** The employee's development plans, course by course with the year due and progress. */
function DevelopmentPlans(props: { nip: string }) {
  const t = useT();
  const { token } = useSession();
  const loaded = useApi(DevelopmentPlansQuery, { nip: props.nip }, token);
  const plans = loaded.data?.employee?.developmentPlans ?? [];
  // Roles that may not see plans (or a failure) simply show no card.
  if (plans.length === 0) return null;
  return (
    <Card withBorder mt="md" data-testid="development-plans">
      <Title order={3} size="h4" mb="xs">
        {t('developmentPlans')}
      </Title>
      {plans.map((plan, i) => (
        <div key={i}>
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {plan.targetPosition?.code} {plan.targetPosition?.name}
            </Text>
            <Badge color={plan.onTrack ? 'teal' : 'orange'} variant="light">
              {plan.onTrack ? t('onTrack') : t('behind')}
            </Badge>
          </Group>
          <Table mt={4} mb="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('targetYear')}</Table.Th>
                <Table.Th>{t('course')}</Table.Th>
                <Table.Th>{t('hours')}</Table.Th>
                <Table.Th>{t('done')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.courses.map((course) => (
                <Table.Tr key={course.course.code}>
                  <Table.Td>{course.targetYear}</Table.Td>
                  <Table.Td>
                    {course.course.code} {course.course.name}
                  </Table.Td>
                  <Table.Td>{course.course.hours}</Table.Td>
                  <Table.Td>{course.completedOn ? t.date(course.completedOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </Card>
  );
}
