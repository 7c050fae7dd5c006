import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { registerEnumType } from 'type-graphql';

/** The closed set of `extensions.code` values a client can receive. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** A malformed HTTP request, or one refused as a possible cross-site request forgery. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** A document of several operations without `operationName`, or an unknown name. */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * A write waited its limit for another write of the same record or for an import, and
   * changed nothing; retry after `extensions.retryAfterSeconds`.
   */
  BUSY = 'BUSY',
  /** The caller spent its cost budget for the minute; retry after `extensions.retryAfterSeconds`. */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes of `userErrors` in mutation payloads: expected business failures, returned as data. */
export enum UserErrorCode {
  REQUIRED = 'REQUIRED',
  INVALID = 'INVALID',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  TAKEN = 'TAKEN',
  CYCLE = 'CYCLE',
  APPEND_ONLY = 'APPEND_ONLY',
  CLOSED = 'CLOSED',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation input was rejected.',
  valuesConfig: {
    REQUIRED: { description: 'A required value is missing.' },
    INVALID: { description: 'The value has the wrong form (e.g. a malformed NIP).' },
    OUT_OF_RANGE: { description: 'The value is outside its allowed range (e.g. level 6).' },
    NOT_FOUND: { description: 'A referenced record (by code or NIP) does not exist.' },
    DUPLICATE: { description: 'The same key appears twice in the input.' },
    TAKEN: { description: 'A record with this natural key already exists.' },
    CYCLE: { description: 'The change would make a cycle (prerequisites, org-unit tree).' },
    APPEND_ONLY: { description: 'History cannot be changed; record a new entry instead.' },
    CLOSED: { description: 'The selection is closed: nothing about it changes any more.' },
  },
});

/** A failure a client caused or may act on; anything else is reported as internal. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    // Request-level failures carry their HTTP status (the server strips `http` from the body).
    const http = code === ErrorCode.UNAUTHENTICATED ? { http: { status: 401 } } : {};
    super(message, { extensions: { ...extra, ...http, code } });
  }
}

export const badInput = (message: string, extra?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, extra);

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * The one place errors are shaped for clients: known codes pass with their message; anything
 * else (SQL errors, bugs) becomes INTERNAL_SERVER_ERROR with a generic message and no stack.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = console.error,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = innermost(error);
  if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const known = knownFailure(original);
  if (known) {
    return {
      message: known.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: known.extensions,
    };
  }
  log(original);
  return {
    message: 'Internal server error.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * The error a resolver threw, under however many wrappers carry it (graphql-js wraps it once;
 * the compiled execution's own error class, which Apollo wraps again, twice).
 */
function innermost(error: unknown): unknown {
  let inner = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = (inner as { originalError?: unknown } | null)?.originalError;
    if (next === undefined || next === null || next === inner) break;
    inner = next;
  }
  return inner;
}

/** Failures of the database a client can act on: what to tell it, with which code. */
function knownFailure(
  error: unknown,
): { message: string; extensions: Record<string, unknown> & { code: ErrorCode } } | null {
  const sqlState = sqlStateOf(error);
  if (sqlState === '57014')
    return {
      message:
        'The query ran longer than the statement timeout and was stopped; ask for less (smaller pages, a narrower scope).',
      extensions: { code: ErrorCode.QUERY_TIMEOUT },
    };
  // lock_not_available: a write waited its limit for another write or an import.
  if (sqlState === '55P03')
    return {
      message:
        'Another write of the same record, or an import, is under way; nothing was changed. Try again shortly.',
      extensions: { code: ErrorCode.BUSY, retryAfterSeconds: 5 },
    };
  if (isConnectionFailure(error))
    return {
      message: 'The database is unavailable; try again shortly.',
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  return null;
}

function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Connection lost, refused or not obtainable in time: the database is away, not the query wrong. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|Client has encountered a connection error|Timeout acquiring a connection|connect ECONNREFUSED/i;

export function isConnectionFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = sqlStateOf(e);
    if (code && CONNECTION_CODES.has(code)) return true;
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'ConnectionException' || name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  }
  return false;
}
