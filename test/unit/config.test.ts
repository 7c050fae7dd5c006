import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectionKeyOf } from '../../src/app/bootstrap';
import { loadConfig, requireSelectionKey } from '../../src/platform/config/config';

describe('replica settings', () => {
  const base = { JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://p/db' };

  it('reads replica URLs, the lag limit and the check interval', () => {
    const config = loadConfig({
      ...base,
      DATABASE_REPLICA_URLS: ' postgres://r1/db , postgresql://r2/db,',
      REPLICA_MAX_LAG_MS: '2000',
      REPLICA_CHECK_MS: '250',
    });
    expect(config.replicaUrls).toEqual(['postgres://r1/db', 'postgresql://r2/db']);
    expect(config.replicas).toEqual({ maxLagMs: 2000, checkMs: 250 });
    expect(loadConfig(base).replicaUrls).toEqual([]);
  });

  it.each([
    [{ DATABASE_REPLICA_URLS: 'mysql://r1/db' }, /entry 1 must be a postgres/],
    [{ DATABASE_REPLICA_URLS: 'postgres://r1/db', DATABASE_URL: '' }, /needs DATABASE_URL/],
    [{ REPLICA_MAX_LAG_MS: '10' }, /REPLICA_MAX_LAG_MS must be an integer from 100/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 32/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('refuses %j', (env, problem) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(problem);
  });

  it('logs requests by default, and only warnings in the demo', () => {
    expect(loadConfig(base).logLevel).toBe('info');
    expect(loadConfig({ ...base, DEMO_MODE: 'true' }).logLevel).toBe('warn');
    expect(loadConfig({ ...base, LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });
});

describe('CORS settings', () => {
  const base = { JWT_SECRET: 'x'.repeat(32) };

  it('allows no origin unless told, and reads a list of origins', () => {
    expect(loadConfig(base).corsOrigins).toEqual([]);
    expect(
      loadConfig({ ...base, CORS_ORIGINS: 'https://Portal.BKD.go.id, http://localhost:5173' })
        .corsOrigins,
    ).toEqual(['https://portal.bkd.go.id', 'http://localhost:5173']);
  });

  it.each([
    '*',
    'https://portal.bkd.go.id/',
    'portal.bkd.go.id',
    'https://x.id/path',
    'ftp://x.id',
  ])('refuses %j, which is not an origin', (origin) => {
    expect(() => loadConfig({ ...base, CORS_ORIGINS: origin })).toThrow(/is not an origin/);
  });
});

describe('trusted documents settings', () => {
  const base = { JWT_SECRET: 'x'.repeat(32) };

  it('runs any document by default, and trusted ones only when told', () => {
    expect(loadConfig(base)).toMatchObject({ trustedDocuments: 'off', trustedDocumentFiles: [] });
    const only = loadConfig({
      ...base,
      TRUSTED_DOCUMENTS: 'only',
      TRUSTED_DOCUMENTS_FILE: 'a.json, b.json',
    });
    expect(only.trustedDocuments).toBe('only');
    expect(only.trustedDocumentFiles.map((f) => f.split('/').pop())).toEqual(['a.json', 'b.json']);
    expect(() => loadConfig({ ...base, TRUSTED_DOCUMENTS: 'yes' })).toThrow(
      /TRUSTED_DOCUMENTS must be off or only/,
    );
  });
});

describe('the selection key', () => {
  const base = { JWT_SECRET: 'x'.repeat(32) };
  const key = 'k'.repeat(32);

  it('is read from SELECTION_KEY', () => {
    expect(loadConfig({ ...base, SELECTION_KEY: key }).selectionKey).toBe(key);
    expect(() => requireSelectionKey(loadConfig({ ...base, SELECTION_KEY: key }))).not.toThrow();
  });

  it.each([
    [{ SELECTION_KEY: 'k'.repeat(31) }, /SELECTION_KEY must be at least 32 characters/],
    [{ SELECTION_KEY: 'x'.repeat(32) }, /SELECTION_KEY must differ from JWT_SECRET/],
    [{ SELECTION_KEY: 'short', DEMO_MODE: 'true' }, /SELECTION_KEY must be at least 32 characters/],
  ])('refuses %j', (env, problem) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(problem);
  });

  it.each([{}, { SELECTION_KEY: '' }, { NODE_ENV: 'production' }, { NODE_ENV: 'test' }])(
    'is required outside demo mode: %j',
    (env) => {
      expect(() => requireSelectionKey(loadConfig({ ...base, ...env }))).toThrow(
        /No selection key: set SELECTION_KEY/,
      );
    },
  );

  it('may be left out in demo mode (the demo keeps a key of its own)', () => {
    const demo = loadConfig({ ...base, DEMO_MODE: 'true' });
    expect(demo.selectionKey).toBeUndefined();
    expect(() => requireSelectionKey(demo)).not.toThrow();
  });
});

describe('the demo selection key', () => {
  it('is random, kept beside the database folder, and the same after a restart', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cg-key-'));
    try {
      const env = { DEMO_MODE: 'true', EMBEDDED_PG_DIR: path.join(dir, 'postgres') };
      const lines: string[] = [];
      const first = selectionKeyOf(loadConfig(env), (line) => lines.push(line));
      expect(first.length).toBeGreaterThanOrEqual(32);
      const file = path.join(dir, 'selection.key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(lines.join('\n')).toContain(file);
      expect(selectionKeyOf(loadConfig(env))).toBe(first);

      const other = mkdtempSync(path.join(tmpdir(), 'cg-key-'));
      try {
        const elsewhere = selectionKeyOf(
          loadConfig({ DEMO_MODE: 'true', EMBEDDED_PG_DIR: path.join(other, 'postgres') }),
        );
        expect(elsewhere).not.toBe(first);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives way to SELECTION_KEY, and is never made outside demo mode', () => {
    const key = 'k'.repeat(32);
    expect(selectionKeyOf(loadConfig({ DEMO_MODE: 'true', SELECTION_KEY: key }))).toBe(key);
    expect(() => selectionKeyOf(loadConfig({}))).toThrow(/SELECTION_KEY/);
  });
});
