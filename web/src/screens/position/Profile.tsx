import { Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { ConsolePositionQuery } from '../../gql/graphql';
import { useT } from '../../i18n';
import { href } from '../../router';
import { isKeyPosition } from '../Succession';
import { useSession } from '../../session';
import { PlaceLink } from '../../ui/links';
import { OpenSelectionButton } from './OpenSelection';

/** A position's job profile, with its agency's units for the candidates' filter. */
export const PositionQuery = graphql(`
  query ConsolePosition($code: String!) {
    position(code: $code) {
      code
      name
      summary
      category
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
          name
        }
      }
    }
  }
`);

export type Profile = NonNullable<ConsolePositionQuery['position']>;

/** A position's job profile: what it is, the report and a selection to open, its standards. */
export function PositionProfile(props: { profile: Profile; scale: string }) {
  const { profile } = props;
  return (
    <>
      <ProfileHeading profile={profile} scale={props.scale} />
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        <Requirements profile={profile} />
        <Conditions profile={profile} />
      </SimpleGrid>
    </>
  );
}

/** Code, category, unit, title and summary; beside them the report and (committees) a selection. */
function ProfileHeading(props: { profile: Profile; scale: string }) {
  const t = useT();
  const { claims } = useSession();
  const { profile, scale } = props;
  const agency = profile.orgUnit.agency.code;
  return (
    <Group justify="space-between" align="start">
      <div>
        <Text size="sm" c="dimmed">
          <span className="code">{profile.code}</span> · {profile.categoryName} ·{' '}
          <PlaceLink place="unit" target={{ agency }} href={href(['units', profile.orgUnit.code])}>
            {profile.orgUnit.name}
          </PlaceLink>
        </Text>
        <Title order={2}>{profile.name}</Title>
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
        {claims.role === 'COMMITTEE' && claims.agency === agency && (
          <OpenSelectionButton code={profile.code} title={profile.name} scale={scale} />
        )}
        {claims.role !== 'EMPLOYEE' &&
          claims.role !== 'ANALYST' &&
          isKeyPosition(profile.category) && (
            <Button
              component="a"
              href={href(['positions', profile.code, 'succession'])}
              variant="light"
            >
              {t('successionPlanLink')}
            </Button>
          )}
      </Group>
    </Group>
  );
}

/** The competencies the position asks for: level, weight, and whether critical. */
function Requirements(props: { profile: Profile }) {
  const t = useT();
  return (
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
          {props.profile.requirements.map((requirement) => (
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
  );
}

/** The conditions a candidate must meet besides the competencies. */
function Conditions(props: { profile: Profile }) {
  const t = useT();
  const conditions = props.profile.conditions;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('conditions')}
      </Title>
      <Table>
        <Table.Tbody>
          <ConditionRow
            label={t('minRank')}
            value={conditions.minRank && `${conditions.minRank.code} ${conditions.minRank.name}`}
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
            value={conditions.requiredCourses.map((c) => `${c.code} ${c.name}`).join(', ') || null}
          />
        </Table.Tbody>
      </Table>
    </Card>
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
