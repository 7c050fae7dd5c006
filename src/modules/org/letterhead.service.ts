import PDFDocument from 'pdfkit';
import type { Context } from '../../platform/graphql/context';
import { Role } from '../../platform/auth/auth.types';
import { UserErrorCode } from '../../shared/errors';
import type { UserError } from '../../shared/user-error';
import { actorOf, recordAudit } from '../../records/audit';
import { numberFormatProblem } from '../../domain/berita-acara';
import { parseLogo } from '../../domain/logo';
import { provinceOf } from '../../domain/province';
import { Agency } from './agency.entity';

/** What `setAgencyLetterhead` may change; a field left out keeps its value, null clears it. */
export interface LetterheadChange {
  readonly code: string;
  readonly province?: string | null;
  readonly address?: string | null;
  readonly place?: string | null;
  readonly numberFormat?: string | null;
  /** A `data:` URL of a PNG or JPEG (see `parseLogo`). */
  readonly logo?: string | null;
}

type Payload = { userErrors: UserError[]; agency: Agency | null };

const TEXT_LIMITS = { address: 300, place: 100 } as const;

/**
 * Sets an agency's letterhead (ADMIN, or HR of that agency): its province (by code or name,
 * stored as the code), address, place, berita acara number format and logo, each checked, in
 * one transaction with its audit event. Another agency is answered as one that does not exist.
 */
export async function setAgencyLetterhead(ctx: Context, input: LetterheadChange): Promise<Payload> {
  const notFound: Payload = {
    userErrors: [
      {
        field: ['input', 'code'],
        code: UserErrorCode.NOT_FOUND,
        message: `code: no agency has code ${input.code.slice(0, 64)}`,
      },
    ],
    agency: null,
  };
  const role = ctx.access.role;
  if (role !== Role.ADMIN && !(role === Role.HR && ctx.access.agency === input.code))
    return notFound;
  const errors: UserError[] = [];
  const refuse = (field: string, code: UserErrorCode, message: string) =>
    errors.push({ field: ['input', field], code, message: `${field}: ${message}` });
  const changes: Record<string, string | null> = {};
  if (input.province !== undefined) {
    const province = input.province === null ? null : provinceOf(input.province);
    if (province === undefined)
      refuse(
        'province',
        UserErrorCode.INVALID,
        `"${input.province!.slice(0, 40)}" is not a province (a Kemendagri code such as "81", or its name)`,
      );
    else changes.province = province?.code ?? null;
  }
  for (const field of ['address', 'place'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const text = value?.trim() ?? null;
    // Control characters are refused for every input by the pipeline's normalisation.
    if (text !== null && (text.length === 0 || text.length > TEXT_LIMITS[field]))
      refuse(field, UserErrorCode.OUT_OF_RANGE, `from 1 to ${TEXT_LIMITS[field]} characters`);
    else changes[field] = text;
  }
  if (input.numberFormat !== undefined) {
    const problem = input.numberFormat === null ? null : numberFormatProblem(input.numberFormat);
    if (problem) refuse('numberFormat', UserErrorCode.INVALID, problem);
    else changes.number_format = input.numberFormat;
  }
  let logo: { bytes: Buffer; mediaType: string } | null | undefined;
  if (input.logo !== undefined) {
    if (input.logo === null) logo = null;
    else {
      const parsed = parseLogo(input.logo);
      if (!parsed.ok) refuse('logo', UserErrorCode.INVALID, parsed.reason);
      else if (!pdfReads(Buffer.from(parsed.bytes)))
        refuse('logo', UserErrorCode.INVALID, 'the image cannot be placed in a PDF');
      else logo = { bytes: Buffer.from(parsed.bytes), mediaType: parsed.mediaType };
    }
  }
  if (errors.length > 0) return { userErrors: errors, agency: null };
  const actor = actorOf(ctx);
  const found = await ctx.knex.transaction(async (trx) => {
    const row = await trx('agency').where('code', input.code).forUpdate().first<
      | {
          id: number;
          province: string | null;
          address: string | null;
          place: string | null;
          number_format: string | null;
        }
      | undefined
    >('id', 'province', 'address', 'place', 'number_format');
    if (!row) return false;
    if (Object.keys(changes).length > 0)
      await trx('agency')
        .where('id', row.id)
        .update({ ...changes, updated_at: new Date() });
    if (logo === null) await trx('agency_logo').where('agency_id', row.id).delete();
    else if (logo)
      await trx('agency_logo')
        .insert({ agency_id: row.id, bytes: logo.bytes, media_type: logo.mediaType })
        .onConflict('agency_id')
        .merge();
    const { id: _id, ...before } = row;
    await recordAudit(trx, {
      actor,
      action: 'setAgencyLetterhead',
      section: 'agencies',
      recordKey: input.code,
      agency: input.code,
      before,
      after: {
        ...changes,
        ...(logo === undefined
          ? {}
          : { logo: logo && { mediaType: logo.mediaType, bytes: logo.bytes.length } }),
      },
    });
    return true;
  });
  ctx.loaders.clear();
  ctx.em.clear();
  if (!found) return notFound;
  return { userErrors: [], agency: await ctx.em.findOneOrFail(Agency, { code: input.code }) };
}

/** Whether pdfkit can open the image (the check the report would otherwise fail at). */
function pdfReads(bytes: Buffer): boolean {
  try {
    const pdf = new PDFDocument({ autoFirstPage: false }) as unknown as {
      openImage(source: Buffer): unknown;
    };
    pdf.openImage(bytes);
    return true;
  } catch {
    return false;
  }
}

/** An agency's logo, if it has one. */
export async function logoOf(
  ctx: Context,
  agencyCode: string,
): Promise<{ bytes: Buffer; mediaType: string } | null> {
  const row = await ctx
    .knex('agency_logo')
    .join('agency', 'agency.id', 'agency_logo.agency_id')
    .where('agency.code', agencyCode)
    .first<{ bytes: Buffer; media_type: string } | undefined>(
      'agency_logo.bytes',
      'agency_logo.media_type',
    );
  return row ? { bytes: row.bytes, mediaType: row.media_type } : null;
}
