import { Button, Card, Checkbox, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { request } from '../../api';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { policyFor } from '../../policy';
import { useSession } from '../../session';
import { VerdictParts } from '../../ui/verdict';
import type { FitData } from './query';

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
export function WhatIf(props: { fit: FitData; code: string; nip: string; scale: string }) {
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
            label={`${course.code} ${course.name}`}
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
