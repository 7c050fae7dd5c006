import { DEFAULT_MIN_GROUP_SIZE } from '../../domain/groups';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One environment variable the configuration reads: the table below, which the parser (`loadConfig`) uses. */
export interface Setting {
  /** Where `docs/configuration.md` lists it. */
  readonly group: SettingGroup;
  /** What it is when unset (`undefined`: nothing; a few defaults depend on other settings). */
  readonly default: string | number | boolean | undefined;
  /** The default as the documentation words it, where the value alone would not say it. */
  readonly shownDefault?: string;
  /** An integer's accepted range, inclusive. */
  readonly range?: readonly [min: number, max: number];
  /** What it does, in one line. */
  readonly description: string;
}

export const SETTING_GROUPS = [
  'Server',
  'Database',
  'Replicas',
  'Keys and tokens',
  'OpenID Connect',
  'Limits',
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

/**
 * Every environment variable `loadConfig` reads, with its default and what it does: the one
 * source of the defaults and ranges the parser applies, and of `docs/configuration.md`
 * (`npm run docs:config`; a test fails when either drifts from the parser).
 */
export const SETTINGS = {
  PORT: { group: 'Server', default: 4000, range: [0, 65535], description: 'HTTP port.' },
  NODE_ENV: {
    group: 'Server',
    default: 'development',
    description:
      '`development`, `production` or `test`; in `production` introspection needs a token and statement counts are off by default.',
  },
  DEMO_MODE: {
    group: 'Server',
    default: false,
    shownDefault: 'false (`npm start`: true)',
    description:
      'Demo mode: without a token key, a random signing secret for the run; a token per role printed and offered at `GET /demo/tokens`.',
  },
  LOAD_DEMO: {
    group: 'Server',
    default: true,
    description:
      'Load the demo province into an empty database at start-up (set `false` in production).',
  },
  LOG_LEVEL: {
    group: 'Server',
    default: 'info',
    shownDefault: '`info` (demo mode: `warn`)',
    description: `The least severe level of the JSON log lines on standard output: ${LOG_LEVELS.map((level) => `\`${level}\``).join(', ')}.`,
  },
  CORS_ORIGINS: {
    group: 'Server',
    default: undefined,
    description:
      'Origins whose pages may call the API from a browser, comma-separated (`https://portal.bkd.go.id`).',
  },
  METRICS_TOKEN: {
    group: 'Server',
    default: undefined,
    description:
      'Bearer token `/metrics` asks for (32+ characters); without it, `/metrics` answers callers on this machine only.',
  },
  EXPOSE_STATEMENT_COUNT: {
    group: 'Server',
    default: undefined,
    shownDefault: 'true unless `NODE_ENV=production`',
    description:
      'Put `extensions.sqlStatements` on every response; `on-request`: only when the request sends `x-count-statements` (the bench).',
  },
  DATABASE_URL: {
    group: 'Database',
    default: undefined,
    shownDefault: '(none: the embedded one)',
    description:
      'The PostgreSQL primary to use instead of the embedded one: `postgres://user:password@host:5432/db` (add `?sslmode=require` across machines).',
  },
  EMBEDDED_PG_DIR: {
    group: 'Database',
    default: '.data/postgres',
    description: 'Data directory of the embedded PostgreSQL (relative to the working directory).',
  },
  EMBEDDED_PG_PORT: {
    group: 'Database',
    default: 54329,
    range: [1024, 65535],
    description: 'Port of the embedded PostgreSQL.',
  },
  STATEMENT_TIMEOUT_MS: {
    group: 'Database',
    default: 5000,
    range: [100, 3_600_000],
    description:
      'Longest a single SQL statement may run (ms), on the primary and the replicas; past it, `QUERY_TIMEOUT`.',
  },
  WRITE_WAIT_MS: {
    group: 'Database',
    default: 10_000,
    range: [0, 600_000],
    description:
      'Longest a write waits for another write of the same record, or for an import (ms); then `BUSY`.',
  },
  DATABASE_REPLICA_URLS: {
    group: 'Replicas',
    default: undefined,
    description:
      'Streaming replicas that serve the reads of queries, comma-separated URLs; needs `DATABASE_URL`.',
  },
  REPLICA_MAX_LAG_MS: {
    group: 'Replicas',
    default: 5_000,
    range: [100, 3_600_000],
    description: 'A replica further behind the primary than this (ms) is taken out of rotation.',
  },
  REPLICA_CHECK_MS: {
    group: 'Replicas',
    default: 500,
    range: [50, 60_000],
    description: 'How often the primary and each replica are checked (ms).',
  },
  JWT_SECRET: {
    group: 'Keys and tokens',
    default: undefined,
    description: 'HS256 secret that signs and verifies tokens, 32+ characters.',
  },
  JWT_PUBLIC_KEY: {
    group: 'Keys and tokens',
    default: undefined,
    description:
      'RS256 key (PEM; `\\n` may stand for newlines) that verifies tokens, instead of `JWT_SECRET`.',
  },
  JWT_PRIVATE_KEY: {
    group: 'Keys and tokens',
    default: undefined,
    description: 'RS256 key (PEM) that signs tokens, for `npm run token` only.',
  },
  CURSOR_SECRET: {
    group: 'Keys and tokens',
    default: undefined,
    shownDefault: '(made from `JWT_SECRET`)',
    description:
      'Key of the encrypted cursors, 32+ characters; with RS256 keys and none set, each process makes its own.',
  },
  SELECTION_KEY: {
    group: 'Keys and tokens',
    default: undefined,
    shownDefault: '(none; demo mode: `selection.key` beside the embedded data)',
    description:
      'Key that seals committee selections, 32+ characters, apart from `JWT_SECRET`; required outside demo mode.',
  },
  TRUSTED_DOCUMENTS: {
    group: 'Keys and tokens',
    default: 'off',
    description:
      '`only`: every role but ANALYST may run only trusted documents, named by `documentId` (the console’s and those of `TRUSTED_DOCUMENTS_FILE`).',
  },
  TRUSTED_DOCUMENTS_FILE: {
    group: 'Keys and tokens',
    default: undefined,
    description:
      'More manifests of trusted documents (`{ "sha256:…": "query …" }`), comma-separated paths.',
  },
  OIDC_ISSUER: {
    group: 'OpenID Connect',
    default: undefined,
    description:
      'Identity provider whose access tokens the API accepts (`https://sso.maluku.go.id/realms/asn`), as its tokens name it (`iss`); keys from its `/.well-known/openid-configuration`. `http://` only on this machine.',
  },
  OIDC_AUDIENCE: {
    group: 'OpenID Connect',
    default: undefined,
    description:
      'The audience (`aud`) an access token must name to be accepted: the API’s identifier at the provider. Required with `OIDC_ISSUER`.',
  },
  OIDC_ROLE_CLAIM: {
    group: 'OpenID Connect',
    default: 'role',
    description:
      'Claim holding the role, a dotted path (`realm_access.roles`); a list must hold exactly one of the roles ADMIN, HR, COMMITTEE, EMPLOYEE, ANALYST.',
  },
  OIDC_AGENCY_CLAIM: {
    group: 'OpenID Connect',
    default: 'agency',
    description: 'Claim holding the agency code of HR and COMMITTEE users, a dotted path.',
  },
  OIDC_NIP_CLAIM: {
    group: 'OpenID Connect',
    default: 'nip',
    description: 'Claim holding the NIP of EMPLOYEE users, a dotted path.',
  },
  OIDC_CLIENT_ID: {
    group: 'OpenID Connect',
    default: undefined,
    description:
      'The console’s public client at the provider (authorisation code with PKCE, redirect URI the console’s address `/`); without it the console offers no provider sign-in.',
  },
  MAX_QUERY_DEPTH: {
    group: 'Limits',
    default: 12,
    range: [2, 100],
    description: 'Deepest field nesting of an operation.',
  },
  MAX_QUERY_ALIASES: {
    group: 'Limits',
    default: 30,
    range: [0, 1000],
    description: 'Aliases per operation.',
  },
  MAX_QUERY_COST: {
    group: 'Limits',
    default: 100_000,
    range: [10, 100_000_000],
    description: 'Cost limit of one operation, counted before it runs.',
  },
  MAX_QUERY_TOKENS: {
    group: 'Limits',
    default: 5000,
    range: [100, 1_000_000],
    description: 'Lexical tokens per document.',
  },
  RATE_LIMIT_COST_PER_MINUTE: {
    group: 'Limits',
    default: 1_000_000,
    range: [0, 1_000_000_000],
    description: 'Cost a caller (one token) may spend per minute, over all processes; 0: no limit.',
  },
  MIN_GROUP_SIZE: {
    group: 'Limits',
    default: DEFAULT_MIN_GROUP_SIZE,
    range: [1, 1_000_000],
    description:
      'The fewest people an ANALYST may learn anything of: smaller groups and sets are withheld.',
  },
  EXPORT_MAX_ROWS: {
    group: 'Limits',
    default: 1_000_000,
    range: [1, 100_000_000],
    description:
      'The most rows one export (`/export.csv`, `/export.xlsx`) writes; a longer one ends with a row saying it was cut.',
  },
} as const satisfies Readonly<Record<string, Setting>>;

export type SettingName = keyof typeof SETTINGS;
export type IntegerName = {
  [K in SettingName]: (typeof SETTINGS)[K] extends { readonly range: readonly [number, number] }
    ? K
    : never;
}[SettingName];
