import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import { Door } from '../../platform/http/pipeline';
import {
  headerText,
  requestContext,
  sendError,
  sendRefusal,
  type AppRoute,
  type RouteDeps,
} from '../../platform/http/routes/route';
import { Selection } from './selection.entity';
import { seesSelection, verified } from './selection.service';
import { fingerprintForm, problemPage, verifyPage } from './verify.page';

/** What a verification costs against the caller's budget (it reads a selection and its chain). */
export const VERIFY_COST = 50;

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * `GET /selections/{id}/verify[?fingerprint=…]`: whether the stored selection still matches the
 * fingerprint printed on its berita acara (its QR code links here), as a page in Indonesian or,
 * with `Accept: application/json`, `{ "verified": bool, "fingerprint": "…" }`.
 *
 * Anyone may ask, with or without a token: a printed QR code is scanned by people who have none.
 * Who may see the selection (ADMIN, HR and COMMITTEE of its agency) learns whether it verifies
 * and its fingerprint. Anyone else must bring the fingerprint and learns only whether it is the
 * selection's and the record still matches it; nothing of the candidates, the decisions or the
 * fingerprint itself. An id with no selection is 404 for everyone (ids are sequential numbers;
 * that one exists says nothing of it). The budget is the caller's, or, without a token, the
 * address's.
 */
export function verifyRoutes(deps: RouteDeps): AppRoute[] {
  const { pipeline } = deps;
  return [
    {
      method: 'GET',
      url: '/selections/:id/verify',
      door: Door.REPORT,
      handler: async (request, reply) => {
        const json = wantsJson(request);
        const { id } = request.params as { id: string };
        const query = request.query as { fingerprint?: unknown };
        let ctx;
        try {
          const caller = await pipeline.authenticate(request.headers.authorization);
          if (caller.error) throw caller.error;
          await pipeline.spend(
            caller.viewer ? caller : { ...caller, key: `anonymous:${request.ip}` },
            VERIFY_COST,
          );
          ctx = requestContext(deps, caller.viewer);
        } catch (error) {
          if (error instanceof AppError) return sendRefusal(reply, error);
          throw error;
        }
        if (!/^[1-9]\d{0,14}$/.test(id))
          return refuse(
            reply,
            json,
            400,
            'Nomor seleksi harus berupa angka.',
            `The selection id must be a number, not "${id.slice(0, 64)}".`,
          );
        const given = query.fingerprint;
        if (given !== undefined && (typeof given !== 'string' || !/^[0-9a-fA-F]{64}$/.test(given)))
          return refuse(
            reply,
            json,
            400,
            'Sidik jari harus 64 karakter heksadesimal.',
            'fingerprint: 64 hexadecimal characters.',
          );
        const selection = await ctx.em.findOne(Selection, Number(id));
        if (!selection)
          return refuse(
            reply,
            json,
            404,
            `Tidak ada seleksi nomor ${id}.`,
            `No selection has ID ${id}.`,
            'NOT_FOUND',
          );
        const full = seesSelection(ctx, selection.agency);
        if (!full && given === undefined) {
          if (json)
            return sendError(
              reply,
              400,
              'fingerprint: give the fingerprint printed on the berita acara (?fingerprint=…).',
            );
          return reply.code(200).headers(HTML_HEADERS).send(fingerprintForm(selection.id));
        }
        const matches = given === undefined || same(given.toLowerCase(), selection.fingerprint);
        const answer = {
          verified: matches && (await verified(ctx, selection)),
          fingerprint: full ? selection.fingerprint : (given as string).toLowerCase(),
        };
        if (json)
          return reply
            .header('content-type', 'application/json')
            .header('cache-control', 'no-store')
            .send(JSON.stringify(answer));
        return reply
          .headers(HTML_HEADERS)
          .send(verifyPage(selection.id, answer.verified, answer.fingerprint));
      },
    },
  ];
}

function wantsJson(request: FastifyRequest): boolean {
  return /\bapplication\/json\b/i.test(headerText(request.headers.accept) ?? '');
}

function refuse(
  reply: FastifyReply,
  json: boolean,
  status: number,
  indonesian: string,
  english: string,
  code = 'BAD_USER_INPUT',
): FastifyReply {
  if (json) return sendError(reply, status, english, code);
  return reply
    .code(status)
    .headers(HTML_HEADERS)
    .send(problemPage('Verifikasi berita acara', indonesian));
}

/** Two hex fingerprints are equal (compared in constant time). */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
