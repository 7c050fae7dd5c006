import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/modules/auth/auth.types';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => app.close());

describe('the HTTP server', () => {
  it('answers /health and /ready', async () => {
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/ready`);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the explorer and its assets itself, with no CDN', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('GraphiQL');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.startsWith('/')).toBe(true);
      const asset = await fetch(`${app.url}${source}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('serves the committee console at / with a content policy, and only its own files', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const response = await fetch(`${app.url}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript|css/);
    }
    for (const probe of [
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/x.ts',
    ]) {
      expect((await fetch(`${app.url}${probe}`)).status).toBe(404);
    }
    const explorer = await fetch(`${app.url}/explorer`);
    expect(await explorer.text()).toContain('GraphiQL');
  });

  it('offers demo tokens only in demo mode', async () => {
    const response = await fetch(`${app.url}/demo/tokens`);
    expect(response.status).toBe(404);
  });

  it('answers bad JSON with a clear error and no internals', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'Request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
  });

  it('reports unknown fields as validation errors with a code', async () => {
    const result = await app.gql('{ employees { nodes { salary } } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a forged cursor whose key is not a plain value', async () => {
    const cursor = Buffer.from(JSON.stringify([{ $ne: null }, 1])).toString('base64url');
    const result = await app.gql(`{ employees(first: 1, after: "${cursor}") { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ agencies { totalCount } }' },
        { query: '{ agencies { totalCount } }' },
      ]),
    });
    expect(response.status).toBe(400);
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${app.url}/nope`)).status).toBe(404);
  });
});

describe('statement counts on request', () => {
  it('are given only to requests that ask, when the server counts on request', async () => {
    const counting = await startTestApp('demo', { exposeStatementCount: 'on-request' });
    try {
      const ask = (headers: Record<string, string>) =>
        fetch(`${counting.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokenFor(Role.ADMIN)}`,
            ...headers,
          },
          body: JSON.stringify({ query: '{ positions(first: 2) { nodes { code } } }' }),
        }).then((r) => r.json() as Promise<{ extensions?: { sqlStatements?: number } }>);
      expect((await ask({})).extensions?.sqlStatements).toBeUndefined();
      expect((await ask({ 'x-count-statements': '1' })).extensions?.sqlStatements).toBe(1);
    } finally {
      await counting.close();
    }
  });
});
