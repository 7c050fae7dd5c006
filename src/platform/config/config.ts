import path from 'node:path';
import {
  LOG_LEVELS,
  SETTINGS,
  type IntegerName,
  type LogLevel,
  type SettingName,
} from './settings';

export {
  LOG_LEVELS,
  SETTING_GROUPS,
  SETTINGS,
  type LogLevel,
  type Setting,
  type SettingGroup,
  type SettingName,
} from './settings';

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
  /** An identity provider whose access tokens are accepted beside the tokens above (`OIDC_*`). */
  readonly oidc: OidcSettings | undefined;
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
    /** The most rows one export (`/export.csv|xlsx`) writes; past it the file says it was cut. */
    readonly exportMaxRows: number;
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

/** The identity provider of `OIDC_ISSUER` and how its tokens' claims say who calls. */
export interface OidcSettings {
  /** The issuer exactly as its tokens name it (`iss`). */
  readonly issuer: string;
  /** The audience an access token must name (`aud`). */
  readonly audience: string;
  /** Dotted paths of the claims that hold the role, the agency and the NIP. */
  readonly claims: { readonly role: string; readonly agency: string; readonly nip: string };
  /** The console's public client, when the console offers sign-in with the provider. */
  readonly clientId: string | undefined;
}

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
  const settings = reader(env, problems);
  const { read, int, bool } = settings;
  const nodeEnv = nodeEnvOf(settings);
  const { databaseUrl, replicaUrls } = databaseUrlsOf(settings);
  const demo = bool('DEMO_MODE', SETTINGS.DEMO_MODE.default);
  const logLevel = logLevelOf(settings, demo);
  const corsOrigins = corsOriginsOf(settings);
  const trustedDocuments = trustedDocumentsOf(settings);
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
    trustedDocuments,
    trustedDocumentFiles: commaList(read('TRUSTED_DOCUMENTS_FILE')).map((file) =>
      path.resolve(file),
    ),
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
    oidc: oidcOf(settings),
    limits: limitsOf(settings),
    cursorSecret: read('CURSOR_SECRET') || undefined,
    selectionKey: read('SELECTION_KEY') || undefined,
  };
  problems.push(...keyProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The table's variables read from one environment, each problem noted as it is met. */
interface Reader {
  /** A variable as set (the variables read are the table's, and only through here). */
  readonly read: (name: SettingName) => string | undefined;
  /** An integer within the table's range; its default when unset or wrong. */
  readonly int: (name: IntegerName) => number;
  /** `true`/`1`/`yes` or `false`/`0`/`no`; the fallback when unset or wrong. */
  readonly bool: (name: SettingName, fallback: boolean) => boolean;
  /** Notes a problem, to be reported with the others. */
  readonly problem: (text: string) => void;
}

function reader(env: Env, problems: string[]): Reader {
  const read = (name: SettingName): string | undefined => env[name];
  return {
    read,
    int: (name) => {
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
    },
    bool: (name, fallback) => {
      const raw = read(name);
      if (raw === undefined || raw === '') return fallback;
      if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
      if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
      problems.push(`${name} must be true or false, got "${raw}"`);
      return fallback;
    },
    problem: (text) => problems.push(text),
  };
}

/** A comma-separated list, its entries trimmed, empty ones left out. */
function commaList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Server: `NODE_ENV`, undefined when it is none of the three. */
function nodeEnvOf({ read, problem }: Reader): Config['nodeEnv'] | undefined {
  const nodeEnvRaw = read('NODE_ENV') ?? SETTINGS.NODE_ENV.default;
  const nodeEnv = (['development', 'production', 'test'] as const).find((e) => e === nodeEnvRaw);
  if (!nodeEnv) problem(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);
  return nodeEnv;
}

/** Database and replicas: the primary's URL and the replicas', which need it. */
function databaseUrlsOf({ read, problem }: Reader): {
  databaseUrl: string | undefined;
  replicaUrls: string[];
} {
  const databaseUrl = read('DATABASE_URL') || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problem('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const replicaUrls = commaList(read('DATABASE_REPLICA_URLS'));
  replicaUrls.forEach((url, i) => {
    if (!/^postgres(ql)?:\/\//.test(url))
      problem(`DATABASE_REPLICA_URLS: entry ${i + 1} must be a postgres:// or postgresql:// URL`);
  });
  if (replicaUrls.length > 0 && !databaseUrl)
    problem('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas follow an external primary');
  return { databaseUrl, replicaUrls };
}

/** Server: `LOG_LEVEL` (`warn` by default in demo mode), undefined when it is not a level. */
function logLevelOf({ read, problem }: Reader, demo: boolean): LogLevel | undefined {
  const logLevelRaw = read('LOG_LEVEL') || (demo ? 'warn' : SETTINGS.LOG_LEVEL.default);
  const logLevel = LOG_LEVELS.find((level) => level === logLevelRaw);
  if (!logLevel) problem(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevelRaw}"`);
  return logLevel;
}

/** Server: `CORS_ORIGINS`, as written. */
function corsOriginsOf({ read, problem }: Reader): string[] {
  const corsOrigins = commaList(read('CORS_ORIGINS'));
  for (const origin of corsOrigins) {
    // An origin is a scheme, a host and maybe a port: no path, no wildcard, no trailing slash.
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin))
      problem(
        `CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], e.g. https://portal.bkd.go.id)`,
      );
  }
  return corsOrigins;
}

/** Keys and tokens: `TRUSTED_DOCUMENTS`. */
function trustedDocumentsOf({ read, problem }: Reader): Config['trustedDocuments'] {
  const trustedRaw = read('TRUSTED_DOCUMENTS') || SETTINGS.TRUSTED_DOCUMENTS.default;
  if (trustedRaw !== 'off' && trustedRaw !== 'only')
    problem(`TRUSTED_DOCUMENTS must be off or only, got "${trustedRaw}"`);
  return trustedRaw === 'only' ? 'only' : 'off';
}

/** Hosts an `http://` issuer may name: this machine only (a provider run by the tests). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** OpenID Connect: an https issuer (http on loopback only) and the audience it must name. */
function oidcOf({ read, problem }: Reader): OidcSettings | undefined {
  const issuer = read('OIDC_ISSUER') || undefined;
  const audience = read('OIDC_AUDIENCE') || undefined;
  const clientId = read('OIDC_CLIENT_ID') || undefined;
  const claims = {
    role: read('OIDC_ROLE_CLAIM') || SETTINGS.OIDC_ROLE_CLAIM.default,
    agency: read('OIDC_AGENCY_CLAIM') || SETTINGS.OIDC_AGENCY_CLAIM.default,
    nip: read('OIDC_NIP_CLAIM') || SETTINGS.OIDC_NIP_CLAIM.default,
  };
  for (const [name, path] of [
    ['OIDC_ROLE_CLAIM', claims.role],
    ['OIDC_AGENCY_CLAIM', claims.agency],
    ['OIDC_NIP_CLAIM', claims.nip],
  ] as const)
    if (!/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/.test(path))
      problem(`${name} must be a claim name or a dotted path (realm_access.roles), got "${path}"`);
  if (!issuer) {
    if (audience || clientId) problem('OIDC_AUDIENCE and OIDC_CLIENT_ID need OIDC_ISSUER');
    return undefined;
  }
  const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
  if (!url || url.search || url.hash || url.username || url.password)
    problem(`OIDC_ISSUER must be a URL without query or fragment, got "${issuer}"`);
  else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    problem('OIDC_ISSUER must be https:// (http:// only for a provider on this machine)');
  if (!audience)
    problem('OIDC_AUDIENCE is required with OIDC_ISSUER: the API’s name at the provider');
  // An ID token names the client as its audience: were the API's audience the console's client,
  // the console's ID tokens would pass as access tokens.
  if (audience && audience === clientId)
    problem(
      'OIDC_AUDIENCE must differ from OIDC_CLIENT_ID, or ID tokens would pass as access tokens',
    );
  return { issuer, audience: audience ?? '', claims, clientId };
}

/** Limits (and the database's waits). */
function limitsOf({ int }: Reader): Config['limits'] {
  return {
    maxDepth: int('MAX_QUERY_DEPTH'),
    maxAliases: int('MAX_QUERY_ALIASES'),
    maxCost: int('MAX_QUERY_COST'),
    maxTokens: int('MAX_QUERY_TOKENS'),
    statementTimeoutMs: int('STATEMENT_TIMEOUT_MS'),
    writeWaitMs: int('WRITE_WAIT_MS'),
    costPerMinute: int('RATE_LIMIT_COST_PER_MINUTE'),
    minGroupSize: int('MIN_GROUP_SIZE'),
    exportMaxRows: int('EXPORT_MAX_ROWS'),
  };
}

/** Keys and tokens: long enough, apart from each other, one kind of token key. */
function keyProblems(config: Config): string[] {
  const problems: string[] = [];
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
  return problems;
}

/** The server needs a token key; there is no default secret (demo mode makes one per run). */
export function requireTokenKey(config: Config): void {
  if (!config.auth.secret && !config.auth.publicKey && !config.oidc && !config.demo) {
    throw new ConfigError([
      'No token key: set JWT_SECRET (32+ characters), JWT_PUBLIC_KEY or OIDC_ISSUER, or run the demo with `npm start`',
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
