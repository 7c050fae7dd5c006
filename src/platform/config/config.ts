import path from 'node:path';
import { DEFAULT_MIN_GROUP_SIZE } from '../../domain/groups';

/** The validated settings of one process; nothing else reads `process.env`. */
export interface Config {
  readonly port: number;
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** An external PostgreSQL; when absent the embedded server is started. */
  readonly databaseUrl: string | undefined;
  /** Streaming replicas that serve reads (`DATABASE_REPLICA_URLS`, comma-separated). */
  readonly replicaUrls: readonly string[];
  readonly replicas: {
    /** A replica further behind the primary than this is taken out of rotation (ms). */
    readonly maxLagMs: number;
    /** How often the primary and each replica are checked (ms). */
    readonly checkMs: number;
  };
  /** `/metrics` needs `Authorization: Bearer <token>` when set; without it, loopback callers only. */
  readonly metricsToken: string | undefined;
  /** The least severe log level written (pino's levels, or `silent`). */
  readonly logLevel: LogLevel;
  /** Origins whose pages may call the API from a browser (`CORS_ORIGINS`); none by default. */
  readonly corsOrigins: readonly string[];
  /**
   * `only`: roles other than ANALYST may run only the trusted documents (the console's, and any
   * in `TRUSTED_DOCUMENTS_FILE`); `off` (default): any document.
   */
  readonly trustedDocuments: 'off' | 'only';
  /** Manifests of trusted documents (hash → document), beside the console's own. */
  readonly trustedDocumentFiles: readonly string[];
  readonly embedded: {
    readonly dataDir: string;
    readonly port: number;
  };
  /** Load the demo province into an empty database at start-up. */
  readonly loadDemo: boolean;
  /** Report the SQL statement count of each GraphQL request in `extensions`. */
  /** `on-request`: only for requests with the `x-count-statements` header (benchmarks). */
  readonly exposeStatementCount: boolean | 'on-request';
  /** Demo mode (`npm start`): a random signing secret per start, demo tokens printed. */
  readonly demo: boolean;
  readonly auth: {
    /** HS256 secret (at least 32 characters), or an RS256 key pair in PEM. */
    readonly secret?: string;
    readonly publicKey?: string;
    readonly privateKey?: string;
  };
  readonly limits: {
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxCost: number;
    readonly maxTokens: number;
    /** Longest a single SQL statement may run, in milliseconds. */
    readonly statementTimeoutMs: number;
    /** Longest a write waits for another write of the same record, or an import (ms). */
    readonly writeWaitMs: number;
    /** Cost a caller (one token) may spend per minute; 0 for no limit. */
    readonly costPerMinute: number;
    /**
     * The fewest people an ANALYST may single out (`MIN_GROUP_SIZE`, default 5): smaller
     * groups of a headcount, and per-person facts of smaller sets, are withheld.
     */
    readonly minGroupSize: number;
  };
  /** Key of the cursors' encryption; made from the token secret when not set. */
  readonly cursorSecret: string | undefined;
  /**
   * Key that seals committee selections (`SELECTION_KEY`, 32+ characters, apart from the token
   * key): their fingerprints and the MACs of their decisions and closing. Required outside demo
   * mode (`requireSelectionKey`).
   */
  readonly selectionKey: string | undefined;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** One environment variable the configuration reads: the table below, which the parser uses. */
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
} as const satisfies Readonly<Record<string, Setting>>;

export type SettingName = keyof typeof SETTINGS;
type IntegerName = {
  [K in SettingName]: (typeof SETTINGS)[K] extends { readonly range: readonly [number, number] }
    ? K
    : never;
}[SettingName];

type Env = Readonly<Record<string, string | undefined>>;

/** PEM text from an environment variable, where `\\n` may stand for newlines. */
function pem(value: string | undefined): string | undefined {
  return value ? value.replace(/\\n/g, '\n') : undefined;
}

/** Parses the environment once, reporting every problem together. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  /** The variables read are the table's, and only through here. */
  const read = (name: SettingName): string | undefined => env[name];
  const int = (name: IntegerName): number => {
    const {
      default: fallback,
      range: [min, max],
    } = SETTINGS[name];
    const raw = read(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: SettingName, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const nodeEnvRaw = read('NODE_ENV') ?? SETTINGS.NODE_ENV.default;
  const nodeEnv = (['development', 'production', 'test'] as const).find((e) => e === nodeEnvRaw);
  if (!nodeEnv)
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);

  const databaseUrl = read('DATABASE_URL') || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const replicaUrls = (read('DATABASE_REPLICA_URLS') ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  replicaUrls.forEach((url, i) => {
    if (!/^postgres(ql)?:\/\//.test(url))
      problems.push(
        `DATABASE_REPLICA_URLS: entry ${i + 1} must be a postgres:// or postgresql:// URL`,
      );
  });
  if (replicaUrls.length > 0 && !databaseUrl)
    problems.push('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas follow an external primary');
  const demo = bool('DEMO_MODE', SETTINGS.DEMO_MODE.default);
  const logLevelRaw = read('LOG_LEVEL') || (demo ? 'warn' : SETTINGS.LOG_LEVEL.default);
  const logLevel = LOG_LEVELS.find((level) => level === logLevelRaw);
  if (!logLevel)
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevelRaw}"`);

  const corsOrigins = (read('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    // An origin is a scheme, a host and maybe a port: no path, no wildcard, no trailing slash.
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin))
      problems.push(
        `CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], e.g. https://portal.bkd.go.id)`,
      );
  }

  const trustedRaw = read('TRUSTED_DOCUMENTS') || SETTINGS.TRUSTED_DOCUMENTS.default;
  if (trustedRaw !== 'off' && trustedRaw !== 'only')
    problems.push(`TRUSTED_DOCUMENTS must be off or only, got "${trustedRaw}"`);

  const exposeStatementCount = read('EXPOSE_STATEMENT_COUNT');
  const config: Config = {
    port: int('PORT'),
    nodeEnv: nodeEnv ?? 'development',
    databaseUrl,
    replicaUrls,
    replicas: {
      maxLagMs: int('REPLICA_MAX_LAG_MS'),
      checkMs: int('REPLICA_CHECK_MS'),
    },
    metricsToken: read('METRICS_TOKEN') || undefined,
    logLevel: logLevel ?? 'info',
    corsOrigins: corsOrigins.map((origin) => origin.toLowerCase()),
    trustedDocuments: trustedRaw === 'only' ? 'only' : 'off',
    trustedDocumentFiles: (read('TRUSTED_DOCUMENTS_FILE') ?? '')
      .split(',')
      .map((file) => file.trim())
      .filter((file) => file !== '')
      .map((file) => path.resolve(file)),
    embedded: {
      dataDir: path.resolve(read('EMBEDDED_PG_DIR') || SETTINGS.EMBEDDED_PG_DIR.default),
      port: int('EMBEDDED_PG_PORT'),
    },
    loadDemo: bool('LOAD_DEMO', SETTINGS.LOAD_DEMO.default),
    exposeStatementCount:
      exposeStatementCount === 'on-request'
        ? 'on-request'
        : bool('EXPOSE_STATEMENT_COUNT', nodeEnv !== 'production'),
    demo,
    auth: {
      secret: read('JWT_SECRET') || undefined,
      publicKey: pem(read('JWT_PUBLIC_KEY')),
      privateKey: pem(read('JWT_PRIVATE_KEY')),
    },
    limits: {
      maxDepth: int('MAX_QUERY_DEPTH'),
      maxAliases: int('MAX_QUERY_ALIASES'),
      maxCost: int('MAX_QUERY_COST'),
      maxTokens: int('MAX_QUERY_TOKENS'),
      statementTimeoutMs: int('STATEMENT_TIMEOUT_MS'),
      writeWaitMs: int('WRITE_WAIT_MS'),
      costPerMinute: int('RATE_LIMIT_COST_PER_MINUTE'),
      minGroupSize: int('MIN_GROUP_SIZE'),
    },
    cursorSecret: read('CURSOR_SECRET') || undefined,
    selectionKey: read('SELECTION_KEY') || undefined,
  };
  const { secret, publicKey } = config.auth;
  if (secret !== undefined && secret.length < 32)
    problems.push('JWT_SECRET must be at least 32 characters');
  if (config.metricsToken !== undefined && config.metricsToken.length < 32)
    problems.push('METRICS_TOKEN must be at least 32 characters');
  if (config.cursorSecret !== undefined && config.cursorSecret.length < 32)
    problems.push('CURSOR_SECRET must be at least 32 characters');
  if (config.selectionKey !== undefined && config.selectionKey.length < 32)
    problems.push('SELECTION_KEY must be at least 32 characters');
  if (config.selectionKey !== undefined && config.selectionKey === secret)
    problems.push('SELECTION_KEY must differ from JWT_SECRET: it is a secret of its own');
  if (publicKey && !config.auth.privateKey && secret)
    problems.push('Set either JWT_SECRET or JWT_PUBLIC_KEY, not both');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The server needs a token key; there is no default secret (demo mode makes one per run). */
export function requireTokenKey(config: Config): void {
  if (!config.auth.secret && !config.auth.publicKey && !config.demo) {
    throw new ConfigError([
      'No token key: set JWT_SECRET (32+ characters) or JWT_PUBLIC_KEY, or run the demo with `npm start`',
    ]);
  }
}

/**
 * The server needs a key to seal committee selections; there is no default (demo mode keeps a
 * random one of its own, see `selectionKeyOf`).
 */
export function requireSelectionKey(config: Config): void {
  if (!config.selectionKey && !config.demo) {
    throw new ConfigError([
      'No selection key: set SELECTION_KEY (32+ characters, a secret apart from JWT_SECRET; it seals committee selections, so keep it for as long as their records), or run the demo with `npm start`',
    ]);
  }
}
