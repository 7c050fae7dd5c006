import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIGURATION_FILE, configurationDoc } from '../../scripts/config-docs';
import { loadConfig, SETTINGS } from '../../src/platform/config/config';

const CONFIG_SOURCE = path.resolve('src/platform/config/config.ts');

/** The environment variables `loadConfig` asks for, read by running it on an empty environment. */
function variablesRead(): Set<string> {
  const read = new Set<string>();
  const env = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get(_target, key) {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    },
  );
  loadConfig(env);
  return read;
}

describe('the settings table (SETTINGS in src/platform/config/settings.ts)', () => {
  it('lists every environment variable loadConfig reads, and nothing it does not', () => {
    expect([...variablesRead()].sort()).toEqual(Object.keys(SETTINGS).sort());
  });

  it('names every variable config.ts reads from the environment in its text', () => {
    // Reads the parsing skips on an empty environment would escape the run above.
    const source = readFileSync(CONFIG_SOURCE, 'utf8');
    const named = [
      ...source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g),
      ...source.matchAll(/\benv\[['"`]([A-Z][A-Z0-9_]*)['"`]\]/g),
      ...source.matchAll(/\b(?:read|int|bool)\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g),
    ].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !(name in SETTINGS))).toEqual([]);
    // Nothing but the table's accessor reaches into the environment by a computed name.
    expect(source.match(/\benv\[(?!name\])/g) ?? []).toEqual([]);
  });

  it('gives the defaults loadConfig applies', () => {
    const config = loadConfig({});
    expect(config.port).toBe(SETTINGS.PORT.default);
    expect(config.nodeEnv).toBe(SETTINGS.NODE_ENV.default);
    expect(config.demo).toBe(SETTINGS.DEMO_MODE.default);
    expect(config.loadDemo).toBe(SETTINGS.LOAD_DEMO.default);
    expect(config.logLevel).toBe(SETTINGS.LOG_LEVEL.default);
    expect(config.trustedDocuments).toBe(SETTINGS.TRUSTED_DOCUMENTS.default);
    expect(config.embedded).toEqual({
      dataDir: path.resolve(SETTINGS.EMBEDDED_PG_DIR.default),
      port: SETTINGS.EMBEDDED_PG_PORT.default,
    });
    expect(config.replicas).toEqual({
      maxLagMs: SETTINGS.REPLICA_MAX_LAG_MS.default,
      checkMs: SETTINGS.REPLICA_CHECK_MS.default,
    });
    expect(config.limits).toEqual({
      maxDepth: SETTINGS.MAX_QUERY_DEPTH.default,
      maxAliases: SETTINGS.MAX_QUERY_ALIASES.default,
      maxCost: SETTINGS.MAX_QUERY_COST.default,
      maxTokens: SETTINGS.MAX_QUERY_TOKENS.default,
      statementTimeoutMs: SETTINGS.STATEMENT_TIMEOUT_MS.default,
      writeWaitMs: SETTINGS.WRITE_WAIT_MS.default,
      costPerMinute: SETTINGS.RATE_LIMIT_COST_PER_MINUTE.default,
      minGroupSize: SETTINGS.MIN_GROUP_SIZE.default,
      exportMaxRows: SETTINGS.EXPORT_MAX_ROWS.default,
    });
  });

  it.each(
    Object.entries(SETTINGS).flatMap(([name, setting]) =>
      'range' in setting ? [[name, ...setting.range] as const] : [],
    ),
  )('holds %s to its range, %d to %d', (name, min, max) => {
    const base = { JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig({ ...base, [name]: String(min) })).not.toThrow();
    expect(() => loadConfig({ ...base, [name]: String(max) })).not.toThrow();
    for (const outside of [min - 1, max + 1])
      expect(() => loadConfig({ ...base, [name]: String(outside) })).toThrow(
        `${name} must be an integer from ${min} to ${max}, got "${outside}"`,
      );
  });
});

describe('docs/configuration.md', () => {
  it('is the one the settings table makes now (run `npm run docs:config` after changing it)', async () => {
    expect(readFileSync(CONFIGURATION_FILE, 'utf8')).toBe(await configurationDoc());
  });

  it('lists every setting', () => {
    const text = readFileSync(CONFIGURATION_FILE, 'utf8');
    for (const name of Object.keys(SETTINGS)) expect(text).toContain(`| \`${name}\``);
  });
});
