import type { Logger } from 'pino';
import type { ReadRouting } from '../db/read-routing';
import type { TokenKeys } from '../auth/tokens';
import type { ClaimPaths } from '../auth/claim-mapping';
import type { QueryLimits } from '../graphql/limits';
import type { TrustedDocuments } from './trusted-documents';

/** What a server is made with: the configuration's part, and the process's (logger, routing). */
export interface ServerOptions {
  /**
   * Put `extensions.sqlStatements` on every response (development and tests), or only on those
   * to requests with the `x-count-statements` header: counting tracks every promise of the
   * request, which costs a measured server more than the reads it measures.
   */
  readonly exposeStatementCount: boolean | 'on-request';
  readonly keys: TokenKeys;
  readonly limits: QueryLimits & {
    maxTokens: number;
    writeWaitMs: number;
    costPerMinute: number;
    /** The fewest people an ANALYST may learn anything of (`MIN_GROUP_SIZE`). */
    minGroupSize?: number;
    /** The most rows one export writes (`EXPORT_MAX_ROWS`, default 1,000,000). */
    exportMaxRows?: number;
  };
  /** Production refuses introspection to callers who are not signed in. */
  readonly production: boolean;
  /** A token pre-filled in the explorer (demo mode only). */
  readonly explorerToken?: string;
  /** A NIP pre-filled in the explorer's example query. */
  readonly exampleNip?: string;
  /**
   * The identity provider the console signs in with (authorisation code with PKCE) and its
   * public client; offered to the console at `GET /console/config`.
   */
  readonly consoleSignIn?: {
    readonly issuer: string;
    readonly clientId: string;
    /** Where the provider's tokens say the role, agency and NIP (for the console's display). */
    readonly claims: ClaimPaths;
  };
  /** The committee console's build (web/dist), served at `/`. */
  readonly consoleDir?: string;
  /** Demo mode only: one token per role, offered by the console's role picker. */
  readonly demoTokens?: Readonly<Record<string, string>>;
  /** Where unexpected errors are reported (default: the logger, at level error). */
  readonly log?: (error: unknown) => void;
  /** Structured logs: a line per request with its id (default: none). */
  readonly logger?: Logger;
  /** The secret cursors are encrypted with; processes that share it share cursors. */
  readonly cursorSecret?: string;
  /** Streaming replicas for read-only requests (none: everything on `orm`, the primary). */
  readonly routing?: ReadRouting;
  /**
   * How many times a document runs on graphql-js before it is compiled (default 1: compiled on
   * its second run; the tests use 0, so that every document they send runs compiled).
   */
  readonly runsBeforeCompiling?: number;
  /**
   * Queries Apollo has run compiled before skip its request pipeline when sent again (the hot
   * path, `routes/graphql-hot.ts`); default true. Off, every request goes through Apollo (the
   * tests that hold the two paths to each other).
   */
  readonly hotPath?: boolean;
  /** `/metrics` asks for this bearer token; without one it answers loopback callers only. */
  readonly metricsToken?: string;
  /** Origins whose pages may call the API, exports and reports from a browser (none: no CORS). */
  readonly corsOrigins?: readonly string[];
  /** Documents a request may name by `documentId`; with `only`, the only ones non-analysts may run. */
  readonly trustedDocuments?: { readonly documents: TrustedDocuments; readonly only: boolean };
}
