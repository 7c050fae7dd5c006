import type { Readable } from 'node:stream';
import { actorOf } from '../../records/audit';
import { Role } from '../../platform/auth/auth.types';
import { importDataset } from './dataset.service';
import { readImportBody } from './import-body';
import { AppError, ErrorCode, formatError } from '../../shared/errors';
import { Door } from '../../platform/http/pipeline';
import {
  requestContext,
  sendError,
  sendRefusal,
  type AppRoute,
  type RouteDeps,
} from '../../platform/http/routes/route';

/** The largest dataset `POST /import` takes. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

/**
 * `POST /import[?dryRun=true]`: a dataset past the 5 MiB of a GraphQL body, streamed: a JSON
 * document (`application/json`, parsed as it arrives) or a workbook as `npm run template`
 * makes it. ADMIN only, as `importDataset`, checked before the body is read; the same
 * validator, transaction, audit and report, the issues of a workbook by sheet, row and column.
 */
export function importRoutes(deps: RouteDeps): AppRoute[] {
  const { pipeline, log } = deps;
  return [
    {
      method: 'POST',
      url: '/import',
      door: Door.IMPORT,
      rawBody: true,
      handler: async (request, reply) => {
        let ctx;
        try {
          const caller = await pipeline.authenticate(request.headers.authorization);
          ctx = requestContext(deps, pipeline.signedIn(caller), { requestId: String(request.id) });
          ctx.access.require(Role.ADMIN);
          await pipeline.spend(caller, pipeline.model.work('Mutation', 'importDataset'));
        } catch (error) {
          if (error instanceof AppError) return sendRefusal(reply, error);
          throw error;
        }
        const body = await readImportBody(
          request.body as Readable,
          request.headers['content-type'],
          {
            maxBytes: IMPORT_MAX_BYTES,
          },
        );
        if (body.kind === 'refused') return sendError(reply, body.status, body.message, body.code);
        // A workbook whose sheets alone show issues: nothing is imported.
        if (body.kind === 'issues')
          return reply.type('application/json').send(JSON.stringify(body.report));
        const { document, place } = body;
        const report = await importDataset(ctx.knex, document, {
          today: ctx.today,
          dryRun: (request.query as Record<string, unknown>).dryRun === 'true',
          waitMs: ctx.writeWaitMs,
          audit: { actor: actorOf(ctx), action: 'importDataset' },
        }).catch((error: unknown) => ({ failed: formatError({ message: '' }, error, log) }));
        if ('failed' in report) {
          const code = String(report.failed.extensions?.code);
          return reply
            .code(code === ErrorCode.BUSY || code === ErrorCode.SERVICE_UNAVAILABLE ? 503 : 500)
            .type('application/json')
            .send(JSON.stringify({ errors: [report.failed] }));
        }
        return reply
          .type('application/json')
          .send(JSON.stringify(place ? { ...report, issues: report.issues.map(place) } : report));
      },
    },
  ];
}
