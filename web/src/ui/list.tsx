import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useT } from '../i18n';
import type { Paging } from './paging';
import { ErrorNotice, Loading } from './parts';

/** A page of a cursor connection, as the API answers a list. */
interface Connection {
  nodes: unknown[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A list a page at a time: the API's refusal in words, a loader until the first page is in,
 * then the count and the downloads above the page and Previous and Next below it.
 */
export function PagedList<Page extends Connection>(props: {
  loaded: { error?: ApiError; loading: boolean; reload: () => void };
  connection: Page | undefined;
  paging: Paging;
  count?: (page: Page) => string;
  downloads?: ReactNode;
  children: (page: Page) => ReactNode;
}) {
  const { loaded, connection } = props;
  return (
    <>
      {loaded.error && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {loaded.loading && !connection && <Loading />}
      {connection && (
        <>
          {(props.count || props.downloads) && (
            <Group justify="space-between" mb="xs">
              <Text size="sm" c="dimmed" aria-live="polite">
                {props.count?.(connection)}
              </Text>
              {props.downloads}
            </Group>
          )}
          {props.children(connection)}
          <PageFooter connection={connection} paging={props.paging} />
        </>
      )}
    </>
  );
}

/** Below a page of a connection: "nothing to show" when empty, then Previous and Next. */
function PageFooter(props: { connection: Connection; paging: Paging }) {
  const t = useT();
  const { connection, paging } = props;
  return (
    <>
      {connection.nodes.length === 0 && <Text my="md">{t('noRows')}</Text>}
      <Pager
        page={paging.page}
        hasNext={connection.pageInfo.hasNextPage}
        onPrevious={paging.previous}
        onNext={() => paging.next(connection.pageInfo.endCursor)}
      />
    </>
  );
}

/** Forward and back through a cursor connection (the cursors seen so far are kept). */
function Pager(props: {
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useT();
  return (
    <Group gap="xs" my="sm" className="no-print">
      <Button variant="default" size="xs" disabled={props.page === 0} onClick={props.onPrevious}>
        ← {t('previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {t('page', { page: props.page + 1 })}
      </Text>
      <Button variant="default" size="xs" disabled={!props.hasNext} onClick={props.onNext}>
        {t('next')} →
      </Button>
    </Group>
  );
}
