import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/chromium';
import { startTestApp, tokenFor, type TestApp } from '../support/harness';

/**
 * A front-end of another origin calling the API from a real browser: the page of an allowed
 * origin passes Chromium's preflight (a POST with a token and JSON is not a simple request)
 * and reads the answer and its headers; the page of any other origin is kept out.
 */
let app: TestApp;
let browser: Browser;
const fronts: http.Server[] = [];

/** A site of its own (another port: another origin) serving one empty page. */
async function frontEnd(): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>front-end</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fronts.push(server);
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

let allowed: string;
let other: string;

beforeAll(async () => {
  allowed = await frontEnd();
  other = await frontEnd();
  app = await startTestApp('demo', { corsOrigins: [allowed] });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  for (const server of fronts) server.close();
});

/** What a page of `origin` gets when it sends a query to the API with a token (POST, or GET). */
async function callFrom(
  origin: string,
  how: 'POST' | 'GET' = 'POST',
  extraHeaders: Record<string, string> = {},
): Promise<unknown> {
  const page = await browser.newPage();
  try {
    await page.goto(origin);
    return await page.evaluate(
      async ({ api, token, how, extraHeaders }) => {
        const query = '{ positions(first: 1) { nodes { code } } }';
        try {
          const response =
            how === 'POST'
              ? await fetch(`${api}/graphql`, {
                  method: 'POST',
                  headers: {
                    'content-type': 'application/json',
                    authorization: `Bearer ${token}`,
                    ...extraHeaders,
                  },
                  body: JSON.stringify({ query }),
                })
              : await fetch(`${api}/graphql?query=${encodeURIComponent(query)}`, {
                  headers: { authorization: `Bearer ${token}`, ...extraHeaders },
                });
          return {
            status: response.status,
            requestId: response.headers.get('x-request-id'),
            body: await response.json(),
          };
        } catch (error) {
          return { blocked: String(error) };
        }
      },
      { api: app.url, token: tokenFor('ADMIN'), how, extraHeaders },
    );
  } finally {
    await page.close();
  }
}

describe('a front-end on another origin', () => {
  it('passes the browser’s preflight when its origin is allowed, and reads the answer', async () => {
    const result = (await callFrom(allowed)) as { status: number; requestId: string; body: any };
    expect(result.status).toBe(200);
    expect(result.body.data.positions.nodes).toHaveLength(1);
    expect(result.requestId).toBeTruthy(); // an exposed header
  });

  it.each([
    ['apollo-require-preflight', 'true'],
    ['x-apollo-operation-name', 'Positions'],
  ])(
    'reads with GET when it says %s, as Apollo clients do against request forgery',
    async (header, value) => {
      const result = (await callFrom(allowed, 'GET', { [header]: value })) as {
        status: number;
        body: any;
      };
      expect(result.status).toBe(200);
      expect(result.body.data.positions.nodes).toHaveLength(1);
    },
  );

  it('is kept out by the browser when its origin is not allowed', async () => {
    expect(await callFrom(other)).toEqual({ blocked: expect.stringContaining('Failed to fetch') });
  });

  it('answers the preflight itself: allowed origins and headers, others refused', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const yes = await preflight(allowed);
    expect(yes.status).toBe(204);
    expect(yes.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(yes.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(yes.headers.get('access-control-allow-credentials')).toBeNull();
    const no = await preflight(other);
    expect(no.status).toBe(403);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
    // The console's own page is never opened to other origins.
    const consolePage = await fetch(`${app.url}/`, { headers: { origin: allowed } });
    expect(consolePage.headers.get('access-control-allow-origin')).toBeNull();
  });
});
