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

type Env = Readonly<Record<string, string | undefined>>;

/** PEM text from an environment variable, where `\\n` may stand for newlines. */
function pem(value: string | undefined): string | undefined {
  return value ? value.replace(/\\n/g, '\n') : undefined;
}

/** Parses the environment once, reporting every problem together. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  const nodeEnv = (['development', 'production', 'test'] as const).find((e) => e === nodeEnvRaw);
  if (!nodeEnv)
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
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
  const demo = bool('DEMO_MODE', false);
  const logLevelRaw = env.LOG_LEVEL || (demo ? 'warn' : 'info');
  const logLevel = LOG_LEVELS.find((level) => level === logLevelRaw);
  if (!logLevel)
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevelRaw}"`);

  const corsOrigins = (env.CORS_ORIGINS ?? '')
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

  const trustedRaw = env.TRUSTED_DOCUMENTS || 'off';
  if (trustedRaw !== 'off' && trustedRaw !== 'only')
    problems.push(`TRUSTED_DOCUMENTS must be off or only, got "${trustedRaw}"`);

  const config: Config = {
    port: int('PORT', 4000, 0, 65535),
    nodeEnv: nodeEnv ?? 'development',
    databaseUrl,
    replicaUrls,
    replicas: {
      maxLagMs: int('REPLICA_MAX_LAG_MS', 5_000, 100, 3_600_000),
      checkMs: int('REPLICA_CHECK_MS', 500, 50, 60_000),
    },
    metricsToken: env.METRICS_TOKEN || undefined,
    logLevel: logLevel ?? 'info',
    corsOrigins: corsOrigins.map((origin) => origin.toLowerCase()),
    trustedDocuments: trustedRaw === 'only' ? 'only' : 'off',
    trustedDocumentFiles: (env.TRUSTED_DOCUMENTS_FILE ?? '')
      .split(',')
      .map((file) => file.trim())
      .filter((file) => file !== '')
      .map((file) => path.resolve(file)),
    embedded: {
      dataDir: path.resolve(env.EMBEDDED_PG_DIR || path.join(process.cwd(), '.data', 'postgres')),
      port: int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    },
    loadDemo: bool('LOAD_DEMO', true),
    exposeStatementCount:
      env.EXPOSE_STATEMENT_COUNT === 'on-request'
        ? 'on-request'
        : bool('EXPOSE_STATEMENT_COUNT', nodeEnv !== 'production'),
    demo,
    auth: {
      secret: env.JWT_SECRET || undefined,
      publicKey: pem(env.JWT_PUBLIC_KEY),
      privateKey: pem(env.JWT_PRIVATE_KEY),
    },
    limits: {
      maxDepth: int('MAX_QUERY_DEPTH', 12, 2, 100),
      maxAliases: int('MAX_QUERY_ALIASES', 30, 0, 1000),
      maxCost: int('MAX_QUERY_COST', 100_000, 10, 100_000_000),
      maxTokens: int('MAX_QUERY_TOKENS', 5000, 100, 1_000_000),
      statementTimeoutMs: int('STATEMENT_TIMEOUT_MS', 5000, 100, 3_600_000),
      writeWaitMs: int('WRITE_WAIT_MS', 10_000, 0, 600_000),
      costPerMinute: int('RATE_LIMIT_COST_PER_MINUTE', 1_000_000, 0, 1_000_000_000),
      minGroupSize: int('MIN_GROUP_SIZE', DEFAULT_MIN_GROUP_SIZE, 1, 1_000_000),
    },
    cursorSecret: env.CURSOR_SECRET || undefined,
    selectionKey: env.SELECTION_KEY || undefined,
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
