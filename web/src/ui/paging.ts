import { useCallback, useState } from 'react';

export type Paging = ReturnType<typeof usePaging>;

/** Cursor paging: the `after` cursors of the pages seen, so Previous goes back exactly. */
export function usePaging() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  return {
    page,
    after: cursors[page] ?? null,
    next: useCallback((endCursor: string | null | undefined) => {
      if (endCursor) setCursors((list) => [...list, endCursor]);
    }, []),
    previous: useCallback(
      () => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)),
      [],
    ),
    reset: useCallback(() => setCursors([null]), []),
  };
}
