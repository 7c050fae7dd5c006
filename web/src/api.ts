import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from './gql/graphql';

import { ApiError } from './api-error';

export { ApiError } from './api-error';

/**
 * Where the primary's log stood after this session's last write (`x-commit-lsn`), sent back as
 * `x-min-lsn` so the next reads see the write on whichever server process answers them.
 */
let lastWrite: string | null = null;

/**
 * An answer without errors: a root field a role may be refused is nullable in the schema (so a
 * refusal does not wipe the rest of an answer), but `request` fails on any error, so what it
 * returns has each root field.
 */
export type Answered<Result> = { [Field in keyof Result]: NonNullable<Result[Field]> };

/**
 * Posts an operation with the session's token, by its trusted-document id (servers that run
 * trusted documents only accept nothing else) and its text (for servers that do not know the
 * id), asking to see the session's last write.
 */
async function post<Result, Variables>(
  path: string,
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string | null,
): Promise<Response> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(lastWrite ? { 'x-min-lsn': lastWrite } : {}),
      },
      body: JSON.stringify({
        documentId: (document.__meta__ as { hash?: string } | undefined)?.hash,
        query: document.toString(),
        variables,
      }),
    });
    lastWrite = response.headers.get('x-commit-lsn') ?? lastWrite;
    return response;
  } catch {
    throw new ApiError('The server cannot be reached.', 'NETWORK', 0);
  }
}

/** Sends one typed operation to the API with the session's token. */
export async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string | null,
): Promise<Answered<Result>> {
  const response = await post('/graphql', document, variables, token);
  let body: {
    data?: Result | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered ${response.status}.`, 'HTTP', response.status);
  }
  const [first] = body.errors ?? [];
  if (first) {
    throw new ApiError(first.message, first.extensions?.code ?? 'ERROR', response.status);
  }
  if (!body.data) throw new ApiError('The server sent no data.', 'ERROR', response.status);
  return body.data as Answered<Result>;
}

/**
 * Downloads a list the console shows as a spreadsheet: the same operation, posted to
 * `/export.csv` or `/export.xlsx` (the server makes the rows of its first list), saved under
 * the name the server gives.
 */
export async function download<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string | null,
  format: 'csv' | 'xlsx',
): Promise<void> {
  const response = await post(`/export.${format}`, document, variables, token);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const [first] = body.errors ?? [];
    throw new ApiError(
      first?.message ?? `The server answered ${response.status}.`,
      first?.extensions?.code ?? 'HTTP',
      response.status,
    );
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `export.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: ApiError;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Runs `load` whenever `key` changes (and on reload); the latest answer wins, and the previous
 * data stays on screen while the next loads.
 */
export function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    latest.current().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          loading: false,
          error: error instanceof ApiError ? error : new ApiError(String(error), 'ERROR', 0),
        }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/**
 * One typed operation, sent again when its variables or the token change; not sent (and never
 * settling) while `enabled` is false, for a query that waits on another's answer.
 */
export function useApi<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string | null,
  enabled = true,
): Loaded<Answered<Result>> {
  return useLoaded(JSON.stringify([String(document), variables, token, enabled]), () =>
    enabled ? request(document, variables, token) : new Promise<never>(() => undefined),
  );
}
