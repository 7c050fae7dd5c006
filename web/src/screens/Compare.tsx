import { Anchor, Table, Text, Title } from '@mantine/core';
import { request, useLoaded } from '../api';
import { useT } from '../i18n';
import { policyFor } from '../policy';
import { href } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Loading } from '../ui/parts';
import { VERDICT_HEADINGS, VERDICT_PARTS, VerdictValue } from '../ui/verdict';
import { FitQuery, type FitData } from './fit/query';

/** Two or three candidates side by side for one position, term by term. */
export function CompareScreen(props: { code: string; nips: string[]; params: URLSearchParams }) {
  const t = useT();
  const { token } = useSession();
  const scale = props.params.get('scale') ?? 'OPTIMAL';
  const nips = props.nips.slice(0, 3);
  const loaded = useLoaded(JSON.stringify([nips, props.code, scale, token]), () =>
    Promise.all(
      nips.map((nip) =>
        request(FitQuery, { nip, code: props.code, policy: policyFor(scale) }, token),
      ),
    ).then((results) => results.map((r) => r.fit)),
  );

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const fits: FitData[] = loaded.data;
  const [first] = fits;
  if (!first) return <Text>{t('compareHint')}</Text>;
  const row = (label: string, cell: (fit: FitData) => React.ReactNode) => (
    <Table.Tr key={label}>
      <Table.Th scope="row">{label}</Table.Th>
      {fits.map((fit) => (
        <Table.Td key={fit.employee.nip}>{cell(fit)}</Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <>
      <Anchor href={href(['positions', props.code], { scale })} size="sm">
        ← {first.position.name}
      </Anchor>
      <Title order={2} mt="xs" mb="md">
        {t('compare')}: {first.position.name}
      </Title>
      <Table withColumnBorders data-testid="comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {fits.map((fit) => (
              <Table.Th key={fit.employee.nip}>
                <Anchor
                  href={href(['positions', props.code, 'fit', fit.employee.nip ?? ''], { scale })}
                >
                  {fit.employee.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {fit.employee.nip}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {VERDICT_PARTS.map((part) =>
            row(t(VERDICT_HEADINGS[part]), (fit) => <VerdictValue verdict={fit} part={part} />),
          )}
          {first.terms.map((term, i) =>
            row(`${term.competency.code} ${term.competency.name} (${term.required})`, (fit) => {
              const own = fit.terms[i];
              if (!own) return '—';
              return (
                <Text size="sm" c={own.gap < 0 ? 'red.9' : undefined}>
                  {own.actual ?? t('notAssessed')} ({own.gap > 0 ? `+${own.gap}` : own.gap})
                  {own.stale ? ` · ${t('stale')}` : ''}
                </Text>
              );
            }),
          )}
          {row(t('trainingPlan'), (fit) => (
            <Text size="sm">
              {fit.trainingPlan.totalHours} JP · {t.money(fit.trainingPlan.totalCost)}
            </Text>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
