import type { FastifyReply } from 'fastify';
import { consoleFiles } from '../console';
import { EXPLORER_ASSETS, explorerAsset, explorerPage } from '../explorer';
import { FAVICON_SVG } from '../favicon';
import type { AppRoute, RouteDeps } from './route';

/**
 * The console loads only its own files and talks only to this server, and to the identity
 * provider it signs in with (its discovery document and token endpoint).
 */
function consolePolicy(issuer: string | undefined): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The UI library sets CSS variables in style attributes and one style element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${issuer ? ` ${new URL(issuer).origin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

const CONSOLE_NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>competency-graph</title>
<p>The committee console has not been built: run <code>npm run build</code>.
The API is at <a href="/graphql">/graphql</a> and its explorer at <a href="/explorer">/explorer</a>.</p>`;

/** The committee console at `/`, its assets, and the explorer: files, no operation. */
export function consoleRoutes({ options }: RouteDeps): AppRoute[] {
  const committeeConsole = options.consoleDir ? consoleFiles(options.consoleDir) : undefined;
  const policy = consolePolicy(options.consoleSignIn?.issuer);
  // What the console needs to know before anyone signs in: the provider and its client, if any.
  const consoleConfig = JSON.stringify({
    signIn: options.consoleSignIn ?? null,
  });
  const asset = (reply: FastifyReply, found: { body: Buffer; type: string } | undefined) =>
    found
      ? reply.header('cache-control', 'public, max-age=3600').type(found.type).send(found.body)
      : reply.code(404).type('application/json').send('{"error":"not found"}');
  return [
    {
      method: 'GET',
      url: '/',
      open: 'static',
      handler: async (_request, reply) => {
        const page = committeeConsole?.page();
        return reply
          .code(page ? 200 : 503)
          .header('content-security-policy', policy)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(page ?? CONSOLE_NOT_BUILT);
      },
    },
    {
      method: 'GET',
      url: '/console/config',
      open: 'static',
      handler: async (_request, reply) =>
        reply.header('cache-control', 'no-store').type('application/json').send(consoleConfig),
    },
    {
      method: 'GET',
      url: '/assets/*',
      open: 'static',
      handler: async (request, reply) =>
        asset(reply, committeeConsole?.asset(request.url.split('?')[0])),
    },
    ...Object.keys(EXPLORER_ASSETS).map((url): AppRoute => ({
      method: 'GET',
      url,
      open: 'static',
      handler: async (_request, reply) => asset(reply, explorerAsset(url)),
    })),
    {
      method: 'GET',
      url: '/favicon.svg',
      open: 'static',
      handler: async (_request, reply) =>
        reply
          .header('cache-control', 'public, max-age=86400')
          .header('x-content-type-options', 'nosniff')
          .type('image/svg+xml')
          .send(FAVICON_SVG),
    },
    {
      method: 'GET',
      url: '/explorer',
      open: 'static',
      handler: async (_request, reply) => sendExplorer(reply, options),
    },
  ];
}

/** The explorer's page (also `GET /graphql` from a browser). */
export function sendExplorer(
  reply: FastifyReply,
  options: { exampleNip?: string; explorerToken?: string },
): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(explorerPage(options.exampleNip, options.explorerToken));
}
