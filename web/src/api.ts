import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from './gql/graphql';

/** An error the API answered (or a failure to reach it), with the API's code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Sends one typed operation to the API with the session's token. */
export async function request<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string | null,
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached.', 'NETWORK', 0);
  }
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
  return body.data;
}

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: ApiError;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Runs an operation when its variables change; the latest answer wins. */
export function useApi<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string | null,
  skip = false,
): Loaded<Result> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: Result; error?: ApiError; loading: boolean }>({
    loading: !skip,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    request(document, JSON.parse(key) as Variables, token).then(
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
  }, [document, key, token, round, skip]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
