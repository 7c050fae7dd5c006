import type { Readable } from 'node:stream';
import { actorOf } from '../../modules/audit/audit.service';
import { Role } from '../../modules/auth/auth.types';
import { importDataset } from '../../modules/dataset/dataset.service';
import type { DatasetIssue } from '../../modules/dataset/dataset.types';
import {
  DocumentFileError,
  DocumentTooLargeError,
  readDocumentStream,
} from '../../modules/dataset/document-file';
import { readSheets, sheetIssueOf } from '../../modules/dataset/workbook';
import { COST_MODEL } from '../../cost';
import { AppError, ErrorCode, formatError } from '../../shared/errors';
import { Door } from '../pipeline';
import { requestContext, sendError, sendRefusal, type AppRoute, type RouteDeps } from './route';

/** The largest dataset `POST /import` takes. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
          const caller = pipeline.authenticate(request.headers.authorization);
          ctx = requestContext(deps, pipeline.signedIn(caller), { requestId: String(request.id) });
          ctx.access.require(Role.ADMIN);
          await pipeline.spend(caller, COST_MODEL.work('Mutation', 'importDataset'));
        } catch (error) {
          if (error instanceof AppError) return sendRefusal(reply, error);
          throw error;
        }
        const stream = request.body as Readable;
        const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        let document: unknown;
        let place: ((issue: DatasetIssue) => object) | undefined;
        try {
          if (type === 'application/json') {
            document = await readDocumentStream(
              stream,
              'The request body',
              undefined,
              IMPORT_MAX_BYTES,
            );
          } else if (type === XLSX_TYPE) {
            const chunks: Buffer[] = [];
            let size = 0;
            for await (const chunk of stream as AsyncIterable<Buffer>) {
              size += chunk.length;
              if (size > IMPORT_MAX_BYTES) throw new DocumentTooLargeError('too large');
              chunks.push(chunk);
            }
            const read = await readSheets(Buffer.concat(chunks), false);
            if (read.issues.length > 0)
              return reply.type('application/json').send(
                JSON.stringify({
                  applied: false,
                  sections: [],
                  issues: read.issues,
                  issueCount: read.issues.length,
                }),
              );
            document = read.document;
            place = (issue) => sheetIssueOf(issue, read.provenance);
          } else {
            return sendError(
              reply,
              415,
              `Send the dataset as application/json or as ${XLSX_TYPE}.`,
            );
          }
        } catch (error) {
          if (error instanceof DocumentTooLargeError)
            return sendError(reply, 413, `The dataset is larger than ${IMPORT_MAX_BYTES} bytes.`);
          if (error instanceof DocumentFileError) return sendError(reply, 400, error.message);
          return sendError(reply, 400, 'The workbook cannot be read (is it an .xlsx file?).');
        }
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
