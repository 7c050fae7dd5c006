import { Alert, Badge, Button, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, download } from '../api';
import type { TypedDocumentString } from '../gql/graphql';
import { useSession } from '../session';
import { useT } from '../i18n';
import { sayFailure } from '../procedure';

/**
 * An API error in words: what the code means in the viewer's language (the server's own
 * message is English, so it is shown only to an English reader), and the code.
 */
export function ErrorNotice(props: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert color="red" title={sayFailure(t, props.error)} role="alert" mb="md">
      {t.language === 'en' && <Text size="sm">{props.error.message}</Text>}
      <Text size="xs" c="dimmed" translate="no">
        {props.error.code}
      </Text>
      {props.onRetry && (
        <Button size="xs" variant="light" mt="xs" onClick={props.onRetry}>
          {t('retry')}
        </Button>
      )}
    </Alert>
  );
}

/**
 * "Unduh CSV" and "Unduh Excel" for a list on screen: the same query, as a spreadsheet, with
 * the session's token (so the same roles and limits).
 */
export function DownloadButtons<Result, Variables>(props: {
  document: TypedDocumentString<Result, Variables>;
  variables: Variables;
}) {
  const t = useT();
  const { token } = useSession();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const get = (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setError(null);
    download(props.document, props.variables, token, format)
      .catch((failure: unknown) =>
        setError(failure instanceof ApiError ? failure : new ApiError(String(failure), 'ERROR', 0)),
      )
      .finally(() => setBusy(null));
  };
  return (
    <Group gap="xs" className="no-print" data-testid="downloads">
      <Button size="xs" variant="light" loading={busy === 'csv'} onClick={() => get('csv')}>
        {t('downloadCsv')}
      </Button>
      <Button size="xs" variant="light" loading={busy === 'xlsx'} onClick={() => get('xlsx')}>
        {t('downloadXlsx')}
      </Button>
      {error && (
        <Text size="xs" c="red" role="alert">
          {sayFailure(t, error)}
        </Text>
      )}
    </Group>
  );
}

export function Loading() {
  const t = useT();
  return (
    <Group gap="xs" my="md" role="status">
      <Loader size="sm" />
      <Text size="sm">{t('loading')}</Text>
    </Group>
  );
}

/**
 * Required against actual level per competency, as paired horizontal bars with numbers; the
 * names wrap rather than being cut, and the whole chart is one image with its numbers in words.
 */
export function LevelChart(props: {
  terms: { code: string; name: string; required: number; actual: number | null }[];
  max?: number;
}) {
  const t = useT();
  const max =
    props.max ??
    Math.max(5, ...props.terms.map((term) => Math.max(term.required, term.actual ?? 0)));
  const width = (level: number) => `${(level / max) * 100}%`;
  return (
    <figure
      className="level-chart"
      role="img"
      aria-label={`${t('chartTitle')}: ${props.terms
        .map(
          (term) =>
            `${term.name} ${t('chartRequired')} ${term.required}, ${t('chartActual')} ${term.actual ?? 0}`,
        )
        .join('; ')}`}
    >
      <div aria-hidden="true">
        {props.terms.map((term) => {
          const short = term.actual === null || term.actual < term.required;
          return (
            <div className="level-row" key={term.code}>
              <span className="level-label">
                <span className="code">{term.code}</span> {term.name}
              </span>
              <span className="level-bars">
                <span className="level-bar required" style={{ width: width(term.required) }} />
                <span
                  className={`level-bar ${short ? 'short' : 'actual'}`}
                  style={{ width: width(term.actual ?? 0) }}
                />
              </span>
              <span className="level-numbers">
                {term.required}
                <br />
                <b>{term.actual ?? '—'}</b>
              </span>
            </div>
          );
        })}
        <div className="level-legend">
          <span className="level-bar required" /> {t('chartRequired')}
          <span className="level-bar actual" /> {t('chartActual')}
          <span className="level-bar short" /> {t('belowStandard')}
        </div>
      </div>
    </figure>
  );
}

/** When a competency was assessed, marked when the assessment is past its validity. */
export function AssessedOn(props: { date: string | null | undefined; stale: boolean }) {
  const t = useT();
  return (
    <>
      {props.date ? t.date(props.date) : '—'}{' '}
      {props.stale && (
        <Badge size="xs" color="orange" tt="none">
          {t('stale')}
        </Badge>
      )}
    </>
  );
}
