import { Text, Title } from '@mantine/core';
import { useApi } from '../api';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { lazy, Suspense } from 'react';
import type { AnalyticsScope } from '../gql/graphql';
import { ErrorNotice, Loading } from '../ui/parts';
import { PlaceLink } from '../ui/links';

/** The analyses and their chart library load only when a unit or an agency is opened. */
const LazyAnalytics = lazy(() =>
  import('./Analytics').then((module) => ({ default: module.ScopeAnalytics })),
);
function ScopeAnalytics(props: { scope: AnalyticsScope; tab: string | null }) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyAnalytics {...props} />
    </Suspense>
  );
}

const UnitQuery = graphql(`
  query ConsoleUnit($code: String!) {
    orgUnit(code: $code) {
      code
      name
      agency {
        code
        name
      }
      parent {
        code
        name
      }
      children {
        code
        name
      }
    }
  }
`);

/** An org unit with the units below: its analyses, one tab each. */
export function UnitScreen(props: { code: string; params: URLSearchParams }) {
  const t = useT();
  const { token } = useSession();
  const unit = useApi(UnitQuery, { code: props.code }, token);
  if (unit.error) return <ErrorNotice error={unit.error} onRetry={unit.reload} />;
  if (!unit.data) return <Loading />;
  const { orgUnit } = unit.data;
  if (!orgUnit) return <Text>{t('notFound')}</Text>;
  const agency = { agency: orgUnit.agency.code };
  return (
    <>
      <Text size="sm" c="dimmed">
        <PlaceLink
          place="agency"
          target={agency}
          href={href(['agencies', orgUnit.agency.code])}
          size="sm"
        >
          {orgUnit.agency.name}
        </PlaceLink>
        {orgUnit.parent && (
          <>
            {' · '}
            <PlaceLink
              place="unit"
              target={agency}
              href={href(['units', orgUnit.parent.code])}
              size="sm"
            >
              {orgUnit.parent.name}
            </PlaceLink>
          </>
        )}
      </Text>
      <Title order={2}>{orgUnit.name}</Title>
      {orgUnit.children.length > 0 && (
        <Text size="sm">
          {t('subunits')}:{' '}
          {orgUnit.children.map((child, i) => (
            <span key={child.code}>
              {i > 0 && ', '}
              <PlaceLink place="unit" target={agency} href={href(['units', child.code])} size="sm">
                {child.name}
              </PlaceLink>
            </span>
          ))}
        </Text>
      )}
      <ScopeAnalytics
        scope={{ orgUnitCode: props.code, includeSubunits: true }}
        tab={props.params.get('tab')}
      />
    </>
  );
}

const AgencyQuery = graphql(`
  query ConsoleAgency($code: String!) {
    agency(code: $code) {
      code
      name
    }
  }
`);

/** A whole agency: the same analyses over all its units. */
export function AgencyScreen(props: { code: string; params: URLSearchParams }) {
  const t = useT();
  const { token } = useSession();
  const agency = useApi(AgencyQuery, { code: props.code }, token);
  if (agency.error) return <ErrorNotice error={agency.error} onRetry={agency.reload} />;
  if (!agency.data) return <Loading />;
  if (!agency.data.agency) return <Text>{t('notFound')}</Text>;
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('agencyAnalytics')}
      </Text>
      <Title order={2}>{agency.data.agency.name}</Title>
      <ScopeAnalytics scope={{ agencyCode: props.code }} tab={props.params.get('tab')} />
    </>
  );
}
