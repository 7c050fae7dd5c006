import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { inject } from 'vitest';
import { selectionKeyOf, serverOptions } from '../../src/app/bootstrap';
import { loadConfig } from '../../src/platform/config/config';
import { TrustedDocuments } from '../../src/platform/http/trusted-documents';
import { demoExample, demoTokensFor } from '../../src/demo/demo.tokens';
import { ormConfig } from '../../src/app/orm.config';
import { Role } from '../../src/platform/auth/auth.types';
import { signToken } from '../../src/platform/auth/tokens';
import { setSelectionKey } from '../../src/modules/selection/selection.record';
import { createServer, type AppServer } from '../../src/app/server';
import type { OidcIssuer } from '../../src/platform/auth/oidc';
import type { ServerOptions } from '../../src/platform/http/options';
import { withDatabase } from './global-setup';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: { sqlStatements?: number; cost?: { requested: number; limit: number } };
}

/** The signing secret of test servers (tests only; the server has no default secret). */
export const TEST_SECRET = 'test-secret-for-the-suite-only-0123456789';
/** The key that seals the test servers' selections (tests only; no default outside demo mode). */
export const TEST_SELECTION_KEY = 'test-selection-key-for-the-suite-0123456789';
const TEST_CONFIG = loadConfig({
  NODE_ENV: 'test',
  JWT_SECRET: TEST_SECRET,
  SELECTION_KEY: TEST_SELECTION_KEY,
});
// The servers of a test file share its process, and so its selection key, as a deployment's do.
setSelectionKey(selectionKeyOf(TEST_CONFIG));

/** A token for a role, as `npm run token` would print it. */
export function tokenFor(
  role: keyof typeof Role,
  claims: { agency?: string; nip?: string } = {},
): string {
  return signToken({ secret: TEST_SECRET }, { role: Role[role], ...claims });
}

const ADMIN_TOKEN = tokenFor('ADMIN');

export interface TestApp {
  readonly url: string;
  /** Connection URL of this app's own database. */
  readonly databaseUrl: string;
  readonly orm: MikroORM;
  /** Sends a GraphQL operation over HTTP as ADMIN (or with `token`; null: signed out). */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** The server's routes, each a door of the request pipeline or open. */
  readonly routes: AppServer['routes'];
  /** Like `gql`, but fails the test on any GraphQL error. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** One token per role, as demo mode offers them. */
async function demoTokens(orm: MikroORM): Promise<Record<string, string>> {
  return demoTokensFor({ secret: TEST_SECRET }, await demoExample(orm.em.getKnex()));
}

/**
 * A real server on a database of its own, cloned from a template (the demo province, or an
 * empty migrated one), so test files run side by side without seeing each other's writes.
 */
export async function startTestApp(
  template: 'demo' | 'empty' = 'demo',
  options: {
    statementTimeoutMs?: number;
    demoTokens?: boolean;
    /** The callers' cost budget a minute; none unless a test is about it. */
    costPerMinute?: number;
    /** The most rows one export writes (`EXPORT_MAX_ROWS`). */
    exportMaxRows?: number;
    writeWaitMs?: number;
    exposeStatementCount?: boolean | 'on-request';
    metricsToken?: string;
    corsOrigins?: string[];
    /** Manifests of trusted documents, and whether non-analysts may run only those. */
    trustedDocuments?: { files: string[]; only: boolean };
    /** Runs of a document on graphql-js before it is compiled (default 0: compiled at once). */
    runsBeforeCompiling?: number;
    /** Whether queries run before skip Apollo's request pipeline (default true, as served). */
    hotPath?: boolean;
    /** An identity provider whose access tokens are accepted beside the suite's own tokens. */
    oidc?: OidcIssuer;
    /** The provider and client the console signs in with (`GET /console/config`). */
    consoleSignIn?: ServerOptions['consoleSignIn'];
  } = {},
): Promise<TestApp> {
  const base = inject('databaseUrl');
  const source = inject('templates')[template];
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}" template "${source}"`);
  const orm = await MikroORM.init(
    ormConfig(withDatabase(base, name), {
      driverOptions: {
        connection: {
          statement_timeout: options.statementTimeoutMs ?? TEST_CONFIG.limits.statementTimeoutMs,
        },
      },
    }),
  );
  const defaults = serverOptions(TEST_CONFIG, { secret: TEST_SECRET, oidc: options.oidc });
  const server: AppServer = await createServer(orm, {
    ...defaults,
    limits: {
      ...defaults.limits,
      costPerMinute: options.costPerMinute ?? 0,
      exportMaxRows: options.exportMaxRows ?? defaults.limits.exportMaxRows,
      writeWaitMs: options.writeWaitMs ?? defaults.limits.writeWaitMs,
    },
    exposeStatementCount: options.exposeStatementCount ?? true,
    // Every document runs compiled from its first run (graphql-js runs the rest of the time).
    runsBeforeCompiling: options.runsBeforeCompiling ?? 0,
    hotPath: options.hotPath,
    metricsToken: options.metricsToken,
    corsOrigins: options.corsOrigins,
    consoleSignIn: options.consoleSignIn,
    ...(options.trustedDocuments
      ? {
          trustedDocuments: {
            documents: new TrustedDocuments(options.trustedDocuments.files),
            only: options.trustedDocuments.only,
          },
        }
      : {}),
    // TEST_LOG=1 shows the errors the server hides from clients (while debugging a test).
    log: process.env.TEST_LOG ? (error) => console.error(error) : () => undefined,
    ...(options.demoTokens ? { demoTokens: await demoTokens(orm) } : {}),
  });
  await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
  const address = server.http.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token: string | null = ADMIN_TOKEN,
  ): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    url,
    databaseUrl: withDatabase(base, name),
    orm,
    gql,
    routes: server.routes,
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const result = await gql<T>(query, variables);
      if (result.errors?.length)
        throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
    async close() {
      await server.stop();
      await orm.close(true);
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/**
 * Cost budgets last one minute of the clock (`platform/http/budget.ts`). A test that spends a
 * budget and then expects the refusal starts with at least `seconds` left of the minute, or
 * waits for the next minute: the budget must not start again between its requests.
 */
export async function withMinuteLeft(seconds: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}
