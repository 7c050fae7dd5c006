import { Role } from '../../platform/auth/auth.types';
import { selectionReport } from './selection.report';
import { selectionById } from './selection.service';
import { AppError, ErrorCode } from '../../shared/errors';
import { Door } from '../../platform/http/pipeline';
import {
  requestContext,
  sendError,
  sendRefusal,
  type AppRoute,
  type RouteDeps,
} from '../../platform/http/routes/route';

/** What a committee report costs against the caller's budget (it reads and lays out a selection). */
const REPORT_COST = 1_000;

/** `GET /selections/{id}/report.pdf`: the committee's report, with the same token as the API. */
export function reportRoutes(deps: RouteDeps): AppRoute[] {
  const { pipeline } = deps;
  return [
    {
      method: 'GET',
      url: '/selections/:id/report.pdf',
      door: Door.REPORT,
      handler: async (request, reply) => {
        const { id } = request.params as { id: string };
        let ctx;
        try {
          const caller = await pipeline.authenticate(request.headers.authorization);
          const viewer = pipeline.signedIn(caller);
          ctx = requestContext(deps, viewer);
          ctx.access.require(Role.ADMIN, Role.HR, Role.COMMITTEE);
          if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
            throw new AppError(ErrorCode.NOT_FOUND, `No selection has ID ${id.slice(0, 64)}.`);
          await pipeline.spend(caller, REPORT_COST);
        } catch (error) {
          if (error instanceof AppError) return sendRefusal(reply, error);
          throw error;
        }
        const selection = await selectionById(ctx, id);
        if (!selection) return sendError(reply, 404, `No selection has ID ${id}.`, 'NOT_FOUND');
        const pdf = await selectionReport(ctx, selection, `${request.protocol}://${request.host}`);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="berita-acara-seleksi-${selection.id}.pdf"`,
          )
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    },
  ];
}
