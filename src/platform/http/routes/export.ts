import type { FastifyReply, FastifyRequest } from 'fastify';
import { csvOf, tableOf, xlsxOf } from '../export';
import { Door } from '../pipeline';
import type { graphqlRunner } from './graphql';
import { logOf, sendError, type AppRoute, type RouteDeps } from './route';

/** The HTTP status of an export that failed, by the code of its first error. */
const EXPORT_STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 503,
};

/**
 * `POST /export.csv` and `/export.xlsx`: the body and token of `/graphql`, run as it would be
 * (the same pipeline: roles, limits, cost and budget); the first list or connection of the
 * answer becomes the rows. An answer with errors is sent as JSON with the status they call for.
 */
export function exportRoutes(
  _deps: RouteDeps,
  runOperation: ReturnType<typeof graphqlRunner>,
): AppRoute[] {
  const handle =
    (format: 'csv' | 'xlsx') => async (request: FastifyRequest, reply: FastifyReply) => {
      const answered = await runOperation(request, reply, true);
      if (!answered) return reply;
      const answer = JSON.parse(answered.body || '{}') as {
        data?: unknown;
        errors?: { extensions?: { code?: string } }[];
      };
      if (answer.errors?.length || !answer.data) {
        const code = answer.errors?.[0]?.extensions?.code;
        const status =
          EXPORT_STATUS[code ?? ''] ?? (reply.statusCode !== 200 ? reply.statusCode : 400);
        return reply.code(status).type('application/json').send(answered.body);
      }
      const table = tableOf(answer.data);
      if (!table)
        return sendError(reply, 400, 'The answer holds no list or connection to make rows of.');
      const operation = logOf(request).operation ?? 'export';
      const name = `${operation}-${new Date().toISOString().slice(0, 10)}`;
      const body = format === 'csv' ? csvOf(table) : await xlsxOf(table, operation);
      return reply
        .code(200)
        .header(
          'content-type',
          format === 'csv'
            ? 'text/csv; charset=utf-8; header=present'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}.${format}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    };
  return [
    { method: 'POST', url: '/export.csv', door: Door.EXPORT, handler: handle('csv') },
    { method: 'POST', url: '/export.xlsx', door: Door.EXPORT, handler: handle('xlsx') },
  ];
}
