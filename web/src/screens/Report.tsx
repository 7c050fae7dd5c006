import { Button, Group, Select, Text, Title } from '@mantine/core';
import { useApi } from '../api';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { policyFor } from '../policy';
import { href, navigate } from '../router';
import { useSession } from '../session';
import { ErrorNotice, Loading } from '../ui/parts';
import { useAgencyTimeZone } from '../ui/zone';
import { todayIn } from '../zone';

const ReportQuery = graphql(`
  query ConsoleReport($code: String!, $policy: ScoringPolicyInput, $first: Int!) {
    position(code: $code) {
      code
      name
      categoryName
      orgUnit {
        name
        agency {
          code
          name
          timeZone
        }
      }
      requirements {
        level
        competency {
          code
        }
      }
    }
    candidates(positionCode: $code, first: $first, policy: $policy) {
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
          stale
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

/** How many of the top candidates the committee may print. */
const TOP_CHOICES = ['10', '20', '50', '100'];

/**
 * The ranked list with each level against its standard (shortfalls and stale assessments
 * marked), the reasons, the date and the policy: for the minutes, on A4 landscape.
 */
export function ReportScreen(props: { code: string; params: URLSearchParams }) {
  const t = useT();
  const { token } = useSession();
  const scale = props.params.get('scale') ?? 'OPTIMAL';
  const top = TOP_CHOICES.includes(props.params.get('top') ?? '') ? props.params.get('top')! : '20';
  const result = useApi(
    ReportQuery,
    { code: props.code, policy: policyFor(scale), first: Number(top) },
    token,
  );
  // Dated by the agency's calendar: a report printed in Ambon after 15.00 UTC is already tomorrow's.
  const zone = useAgencyTimeZone(result.data?.position?.orgUnit.agency);
  if (result.error) return <ErrorNotice error={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  const { position, candidates } = result.data;
  if (!position) return <Text>{t('notFound')}</Text>;
  const [first] = candidates.nodes;
  const policy = t('reportPolicy', {
    scale: scale === 'ELIGIBILITY' ? t('scaleELIGIBILITY') : t('scaleOPTIMAL'),
    threshold: t.number(first?.threshold ?? (scale === 'ELIGIBILITY' ? 68 : 78), 0),
  });
  return (
    <article className="report" data-testid="report">
      <Group justify="space-between" align="end" className="no-print" mb="sm">
        <Button component="a" href={href(['positions', position.code], { scale })} variant="subtle">
          ← {t('back')}
        </Button>
        <Group align="end">
          <Select
            label={t('reportShow')}
            data={TOP_CHOICES}
            value={top}
            allowDeselect={false}
            onChange={(value) =>
              value && navigate(href(['positions', position.code, 'report'], { scale, top: value }))
            }
            w={180}
          />
          <Button onClick={() => window.print()}>{t('print')}</Button>
        </Group>
      </Group>
      <Title order={2}>{t('reportTitle', { position: position.name })}</Title>
      <Text size="sm">
        {position.code} · {position.categoryName} · {position.orgUnit.name} ·{' '}
        {position.orgUnit.agency.name}
      </Text>
      <Text size="sm" data-testid="report-meta">
        {t('reportMeta', {
          date: todayIn(zone, t.language),
          asOf: first ? t.date(first.asOf) : '—',
          policy,
        })}
      </Text>
      <Text size="sm" mb="xs" data-testid="report-legend">
        {t('reportTop', { count: candidates.nodes.length, total: candidates.totalCount })}.{' '}
        {t('reportLegend')}
      </Text>
      <table className="report-table">
        <thead>
          <tr>
            <th>#</th>
            <th className="wrap">
              {t('name')} / {t('nip')}
            </th>
            <th>{t('jpm')}</th>
            <th className="wrap">{t('category')}</th>
            <th className="wrap">{t('qualified')}</th>
            <th className="wrap">{t('readiness')}</th>
            {position.requirements.map((r) => (
              <th key={r.competency.code} title={`${t('requiredLevel')} ${r.level}`}>
                <span className="code">{r.competency.code}</span>
                <br />({r.level})
              </th>
            ))}
            <th className="reasons">{t('reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.nodes.map((fit, i) => (
            <tr key={fit.employee.nip ?? i}>
              <td>{i + 1}</td>
              <td className="wrap">
                {fit.employee.name}
                <br />
                <small>
                  {fit.employee.nip} · {fit.employee.rank?.code ?? '—'}
                </small>
              </td>
              <td>{t.number(fit.jobPersonMatch)}</td>
              <td className="wrap">{t.label(fit.category)}</td>
              <td>{fit.qualified ? `✓ ${t('yes')}` : `✗ ${t('no')}`}</td>
              <td className="wrap">{t.label(fit.readiness)}</td>
              {position.requirements.map((r) => {
                const term = fit.terms.find((x) => x.competency.code === r.competency.code);
                return <LevelCell key={r.competency.code} term={term} />;
              })}
              <td className="reasons">
                {fit.unmetConditions.map((c) => t.label(c.code)).join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** A level against its standard: below it bold with ↓, a stale assessment starred. */
function LevelCell(props: {
  term: { actual?: number | null; required: number; stale: boolean } | undefined;
}) {
  const t = useT();
  const term = props.term;
  if (!term || term.actual === null || term.actual === undefined)
    return <td title={t('notAssessed')}>–</td>;
  const short = term.actual < term.required;
  const words = [short ? t('belowStandard') : null, term.stale ? t('staleMark') : null]
    .filter(Boolean)
    .join(', ');
  return (
    <td
      className={[short ? 'short' : '', term.stale ? 'stale' : ''].join(' ').trim() || undefined}
      title={words || undefined}
      data-short={short || undefined}
      data-stale={term.stale || undefined}
    >
      {short && '↓'}
      {term.actual}
      {term.stale && '*'}
      {words && <span className="visually-hidden"> ({words})</span>}
    </td>
  );
}
