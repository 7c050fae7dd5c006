import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleManifest } from '../../src/platform/http/trusted-documents';
import { Role } from '../../src/platform/auth/auth.types';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo');
});
afterAll(() => app.close());

describe('the HTTP server', () => {
  it('answers /health at once, and /ready once the candidate index has loaded', async () => {
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // Nothing has loaded this server's index yet: the probe says so, and starts the load.
    const loading = await fetch(`${app.url}/ready`);
    expect(loading.status).toBe(503);
    expect(loading.headers.get('cache-control')).toBe('no-store');
    expect(await loading.json()).toEqual({
      status: 'loading',
      index: { step: 'starting' },
    });
    await expect.poll(async () => (await fetch(`${app.url}/ready`)).status).toBe(200);
    expect(await (await fetch(`${app.url}/ready`)).json()).toEqual({ status: 'ready' });
    // Before saying ready, the server ran its warm-up documents through itself (a ranking and
    // a page of employees, twice each), all answered without error.
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain(
      'competency_graph_http_requests_total{route="graphql",status="200"} 4',
    );
    expect(metrics).not.toMatch(/competency_graph_graphql_errors_total\{/);
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
      // The scripts and styles whole (the icon is a few hundred bytes of SVG).
      if (source !== '/favicon.svg')
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
    const explorerPage = await explorer.text();
    expect(explorerPage).toContain('GraphiQL');
    // Both pages name the icon, and the server has it.
    for (const text of [html, explorerPage])
      expect(text).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon.svg"/);
    const icon = await fetch(`${app.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
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

describe('request ids', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenFor(Role.ADMIN)}`,
        ...headers,
      },
      body: JSON.stringify({ query: '{ positions(first: 1) { nodes { code } } }' }),
    });

  it('keeps a caller’s plain request id, and makes one otherwise', async () => {
    expect((await post({ 'x-request-id': 'gateway-7f3a.2' })).headers.get('x-request-id')).toBe(
      'gateway-7f3a.2',
    );
    for (const bad of ['has spaces in it', 'x'.repeat(65), '<script>']) {
      const id = (await post({ 'x-request-id': bad })).headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect((await fetch(`${app.url}/health`)).headers.get('x-request-id')).toBeTruthy();
  });
});

describe('/metrics', () => {
  const SERIES = 'competency_graph_http_requests_total{route="graphql",status="200"}';
  const valueOf = (text: string, series: string) =>
    Number(
      text
        .split('\n')
        .find((line) => line.startsWith(`${series} `))
        ?.slice(series.length + 1) ?? 0,
    );

  it('answers a caller on this machine without a token, and its figures move', async () => {
    const scrape = async () => {
      const response = await fetch(`${app.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      return response.text();
    };
    const before = await scrape();
    await app.ok('query Positions { positions(first: 1) { nodes { code } } }');
    await app.gql('{ nope }');
    const after = await scrape();
    expect(valueOf(after, SERIES)).toBe(valueOf(before, SERIES) + 1);
    const byName =
      'competency_graph_graphql_request_duration_seconds_count{operation="Positions",type="query",database="primary"}';
    expect(valueOf(after, byName)).toBe(valueOf(before, byName) + 1);
    const failed = 'competency_graph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}';
    expect(valueOf(after, failed)).toBe(valueOf(before, failed) + 1);
    expect(valueOf(after, 'competency_graph_cost_spent_total')).toBeGreaterThan(
      valueOf(before, 'competency_graph_cost_spent_total'),
    );
  });

  it('asks for the metrics token when one is set, from anywhere', async () => {
    const token = 'metrics-token-for-this-test-0123456789';
    const guarded = await startTestApp('empty', { metricsToken: token });
    try {
      const scrape = (authorization?: string) =>
        fetch(`${guarded.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect((await scrape()).status).toBe(403);
      expect((await scrape(`Bearer ${token}x`)).status).toBe(403);
      expect((await scrape(`Bearer ${tokenFor(Role.ADMIN)}`)).status).toBe(403);
      const allowed = await scrape(`Bearer ${token}`);
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('competency_graph_ranking_index_employees');
    } finally {
      await guarded.close();
    }
  });
});

describe('trusted documents', () => {
  const LISTED = '{ positions(first: 1) { nodes { code } } }';
  let trusted: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cg-trusted-'));
    const manifest = path.join(dir, 'documents.json');
    await writeFile(manifest, JSON.stringify({ 'sha256:listed': LISTED }));
    trusted = await startTestApp('demo', {
      trustedDocuments: { files: [consoleManifest(), manifest], only: true },
    });
  });
  afterAll(async () => {
    await trusted?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = (token: string, body: object) =>
    fetch(`${trusted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('runs a listed document by its id, whatever text comes with it', async () => {
    const response = await post(tokenFor(Role.HR, { agency: 'PROV-MALUKU' }), {
      documentId: 'sha256:listed',
      query: '{ auditEvents(first: 100) { totalCount } }',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.positions.nodes).toHaveLength(1);
  });

  it('refuses any other document to every role but the analyst', async () => {
    for (const role of [Role.ADMIN, Role.HR, Role.COMMITTEE]) {
      const response = await post(tokenFor(role, { agency: 'PROV-MALUKU' }), { query: LISTED });
      expect(response.status).toBe(403);
      expect(((await response.json()) as any).errors[0]).toMatchObject({
        message: expect.stringMatching(/trusted documents only/),
        extensions: { code: 'FORBIDDEN' },
      });
    }
    const analyst = await post(tokenFor(Role.ANALYST), { query: LISTED });
    expect(analyst.status).toBe(200);
    const unknown = await post(tokenFor(Role.ADMIN), { documentId: 'sha256:nope', query: LISTED });
    expect(unknown.status).toBe(400);
  });

  it('lists every operation of the console, each valid against the schema', async () => {
    const manifest = JSON.parse(await readFile(consoleManifest(), 'utf8')) as Record<
      string,
      string
    >;
    const ids = Object.keys(manifest);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(createHash('sha256').update(manifest[id]).digest('hex')).toBe(id.slice(7));
      const answer = (await (
        await post(tokenFor(Role.ADMIN), { documentId: id, variables: {} })
      ).json()) as { errors?: { extensions?: { code?: string } }[] };
      // Variables are missing, so some fail: never as unknown or invalid documents.
      for (const error of answer.errors ?? [])
        expect(error.extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
