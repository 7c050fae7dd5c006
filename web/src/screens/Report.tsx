import { Button, Group, Text, Title } from '@mantine/core';
import { useApi } from '../api';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { policyFor } from '../policy';
import { href } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Loading } from '../ui/parts';

const ReportQuery = graphql(`
  query ConsoleReport($code: String!, $policy: ScoringPolicyInput) {
    position(code: $code) {
      code
      title
      categoryName
      orgUnit {
        name
        agency {
          name
        }
      }
      requirements {
        level
        competency {
          code
        }
      }
    }
    candidates(positionCode: $code, first: 50, policy: $policy) {
      totalCount
      nodes {
        asOf
        threshold
        jobPersonMatch
        category
        qualified
        readiness
        employee {
          nip
          name
          rank {
            code
          }
        }
        terms {
          competency {
            code
          }
          actual
          required
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

/** The ranked list with terms and reasons, the date and the policy: for the minutes. */
export function ReportScreen(props: { code: string; params: URLSearchParams }) {
  const t = useT();
  const { token } = useSession();
  const scale = props.params.get('scale') ?? 'OPTIMAL';
  const result = useApi(ReportQuery, { code: props.code, policy: policyFor(scale) }, token);
  if (result.error) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  const { position, candidates } = result.data;
  if (!position) return <Text>{t('notFound')}</Text>;
  const [first] = candidates.nodes;
  const policy = t('reportPolicy', {
    scale,
    threshold: t.number(first?.threshold ?? (scale === 'ELIGIBILITY' ? 68 : 78), 0),
  });
  return (
    <article className="report" data-testid="report">
      <Group justify="space-between" className="no-print" mb="sm">
        <Button component="a" href={href(['positions', position.code], { scale })} variant="subtle">
          ← {t('back')}
        </Button>
        <Button onClick={() => window.print()}>{t('print')}</Button>
      </Group>
      <Title order={2}>{t('reportTitle', { position: position.title })}</Title>
      <Text size="sm">
        {position.code} · {position.categoryName} · {position.orgUnit.name} ·{' '}
        {position.orgUnit.agency.name}
      </Text>
      <Text size="sm" mb="sm" data-testid="report-meta">
        {t('reportMeta', {
          date: t.today(),
          asOf: first ? t.date(first.asOf) : '—',
          policy,
        })}
      </Text>
      <Text size="sm" mb="xs">
        {t('reportTop', { count: candidates.nodes.length, total: candidates.totalCount })}
      </Text>
      <table className="report-table">
        <thead>
          <tr>
            <th>#</th>
            <th>
              {t('name')} / {t('nip')}
            </th>
            <th>{t('jpm')}</th>
            <th>{t('category')}</th>
            <th>{t('qualified')}</th>
            <th>{t('readiness')}</th>
            {position.requirements.map((r) => (
              <th key={r.competency.code} title={`${t('requiredLevel')} ${r.level}`}>
                {r.competency.code}
                <br />({r.level})
              </th>
            ))}
            <th>{t('reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.nodes.map((fit, i) => (
            <tr key={fit.employee.nip ?? i}>
              <td>{i + 1}</td>
              <td>
                {fit.employee.name}
                <br />
                <small>
                  {fit.employee.nip} · {fit.employee.rank?.code ?? '—'}
                </small>
              </td>
              <td>{t.number(fit.jobPersonMatch)}</td>
              <td>{t.label(fit.category)}</td>
              <td>{fit.qualified ? `✓ ${t('yes')}` : `✗ ${t('no')}`}</td>
              <td>{t.label(fit.readiness)}</td>
              {position.requirements.map((r) => {
                const term = fit.terms.find((x) => x.competency.code === r.competency.code);
                return <td key={r.competency.code}>{term?.actual ?? '—'}</td>;
              })}
              <td>{fit.unmetConditions.map((c) => t.condition(c)).join(' ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
