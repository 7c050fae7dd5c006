import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../../context';
import { UserErrorCode } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import { paginate } from '../../shared/keyset';
import { pageOfList, type PageArgs } from '../../shared/pagination';
import type { UserError } from '../../shared/user-error';
import { actorOf, recordAudit } from '../audit/audit.service';
import { Role } from '../auth/auth.types';
import { Employee } from '../employee/employee.entity';
import { agencyOfUnit } from '../org/org.service';
import { rankCandidates } from '../fit/candidates.service';
import { planOf, policyFrom, positionByCode, readinessOfFit } from '../fit/fit.service';
import { Fit, type Readiness, type ScoringPolicyInput } from '../fit/fit.types';
import type { Decision } from './selection-decision.entity';
import { Selection } from './selection.entity';
import {
  fingerprintOf,
  freezeCandidateSpec,
  thawCandidateSpec,
  type FrozenCandidate,
  type FrozenSelection,
} from './selection.snapshot';

/** How many of the ranking a selection freezes (best first). */
export const FROZEN_CANDIDATES = 100;
const MAX_TEXT = 2000;

type Payload = { userErrors: UserError[]; selection: Selection | null };

const refused = (field: string[], code: UserErrorCode, message: string): Payload => ({
  userErrors: [{ field, code, message }],
  selection: null,
});

/**
 * Opens a selection: ranks the position's candidates under the policy and freezes the first
 * 100 (each one's inputs, result, training plan and readiness), with the fingerprint of it all,
 * in one transaction with its audit event.
 */
export async function openSelection(
  ctx: Context,
  input: { positionCode: string; policy?: ScoringPolicyInput | null; note?: string | null },
): Promise<Payload> {
  if (input.note && input.note.length > MAX_TEXT)
    return refused(
      ['input', 'note'],
      UserErrorCode.OUT_OF_RANGE,
      `note: at most ${MAX_TEXT} characters`,
    );
  const position = await positionByCode(ctx, input.positionCode);
  const policy = policyFrom(ctx, input.policy);
  const ranking = await rankCandidates(ctx, position, null, policy, { first: FROZEN_CANDIDATES });
  const employees = await ctx.loaders
    .byId(Employee)
    .loadMany(ranking.nodes.map((f) => f.employeeId));
  const candidates: FrozenCandidate[] = await Promise.all(
    ranking.nodes.map(async (fit, i) => {
      const employee = employees[i] as Employee;
      return {
        employeeId: fit.employeeId,
        nip: employee.nip ?? null,
        name: employee.name,
        candidate: freezeCandidateSpec(fit.candidate),
        result: fit.result,
        plan: await planOf(ctx, fit),
        readiness: await readinessOfFit(ctx, fit),
      };
    }),
  );
  const snapshot: FrozenSelection = JSON.parse(
    JSON.stringify({
      version: 1,
      position: {
        id: position.id,
        code: position.code,
        title: position.title,
        category: position.category,
      },
      profile: ranking.nodes[0]?.position ?? null,
      policy,
      candidates,
    }),
  ) as FrozenSelection;
  const agency = await agencyOfUnit(ctx.knex, position.orgUnit.id);
  const actor = actorOf(ctx);
  const id = await ctx.knex.transaction(async (trx) => {
    const [row] = await trx('selection')
      .insert({
        position_id: position.id,
        agency,
        note: input.note || null,
        opened_by: actor.subject,
        snapshot: JSON.stringify(snapshot),
        fingerprint: fingerprintOf(snapshot),
      })
      .returning<{ id: number }[]>('id');
    await recordAudit(trx, {
      actor,
      action: 'openSelection',
      section: 'selections',
      recordKey: String(row.id),
      agency,
      after: { position: position.code, policy, candidates: candidates.length, note: input.note },
    });
    return row.id;
  });
  return { userErrors: [], selection: await ctx.em.findOneOrFail(Selection, id) };
}

/**
 * Records a decision on a frozen candidate of an open selection (COMMITTEE of its agency). The
 * selection's row is locked meanwhile, so a decision and a closing never cross.
 */
export function recordDecision(
  ctx: Context,
  input: { selectionId: string; nip: string; decision: Decision; reason: string },
): Promise<Payload> {
  if (!input.reason)
    return Promise.resolve(
      refused(['input', 'reason'], UserErrorCode.REQUIRED, 'reason: a decision needs its reason'),
    );
  if (input.reason.length > MAX_TEXT)
    return Promise.resolve(
      refused(
        ['input', 'reason'],
        UserErrorCode.OUT_OF_RANGE,
        `reason: at most ${MAX_TEXT} characters`,
      ),
    );
  return changeOpenSelection(ctx, input.selectionId, async (trx, row, actor) => {
    const candidate = row.snapshot.candidates.find((c) => c.nip !== null && c.nip === input.nip);
    if (!candidate)
      return refused(
        ['input', 'nip'],
        UserErrorCode.NOT_FOUND,
        `nip: no candidate of this selection has NIP ${input.nip}`,
      );
    await trx('selection_decision').insert({
      selection_id: row.id,
      employee_id: candidate.employeeId,
      decision: input.decision,
      reason: input.reason,
      decided_by: actor.subject,
    });
    await recordAudit(trx, {
      actor,
      action: 'recordDecision',
      section: 'selections',
      recordKey: `${row.id} ${input.nip}`,
      agency: row.agency,
      after: { decision: input.decision, reason: input.reason },
    });
    return null;
  });
}

/** Closes a selection: after this nothing about it changes. */
export function closeSelection(ctx: Context, input: { selectionId: string }): Promise<Payload> {
  return changeOpenSelection(ctx, input.selectionId, async (trx, row, actor) => {
    await trx('selection').where('id', row.id).update({ closed_at: trx.fn.now() });
    await recordAudit(trx, {
      actor,
      action: 'closeSelection',
      section: 'selections',
      recordKey: String(row.id),
      agency: row.agency,
    });
    return null;
  });
}

/** Runs `change` on an open selection the caller may decide on, under a lock of its row. */
async function changeOpenSelection(
  ctx: Context,
  selectionId: string,
  change: (
    trx: Knex.Transaction,
    row: { id: number; agency: string; snapshot: FrozenSelection },
    actor: ReturnType<typeof actorOf>,
  ) => Promise<Payload | null>,
): Promise<Payload> {
  const parsed = fromGlobalId(selectionId);
  const notFound = refused(
    ['input', 'selectionId'],
    UserErrorCode.NOT_FOUND,
    `selectionId: no selection has ID ${selectionId}`,
  );
  if (!parsed || parsed.typeName !== 'Selection') return notFound;
  const actor = actorOf(ctx);
  const outcome = await ctx.knex.transaction(async (trx) => {
    const row = await trx('selection')
      .where('id', parsed.id)
      .forUpdate()
      .first<
        | { id: number; agency: string; closed_at: Date | null; snapshot: FrozenSelection }
        | undefined
      >('id', 'agency', 'closed_at', 'snapshot');
    // Another agency's selection is answered as one that does not exist.
    if (!row || !decides(ctx, row.agency)) return notFound;
    if (row.closed_at)
      return refused(
        ['input', 'selectionId'],
        UserErrorCode.CLOSED,
        'selectionId: the selection is closed',
      );
    return change(trx, row, actor);
  });
  ctx.loaders.clear();
  ctx.em.clear();
  if (outcome) return outcome;
  return { userErrors: [], selection: await ctx.em.findOneOrFail(Selection, parsed.id) };
}

/** The committee of a selection's agency decides on it. */
function decides(ctx: Context, agency: string): boolean {
  return ctx.access.role === Role.COMMITTEE && ctx.access.agency === agency;
}

/** Whether the viewer may see a selection: ADMIN all, HR and COMMITTEE their agency's. */
export function seesSelection(ctx: Context, agency: string): boolean {
  const role = ctx.access.role;
  return (
    role === Role.ADMIN ||
    ((role === Role.HR || role === Role.COMMITTEE) && ctx.access.agency === agency)
  );
}

/** Whether the stored snapshot still hashes to the fingerprint taken when it was frozen. */
export function verified(selection: Selection): boolean {
  return fingerprintOf(selection.snapshot) === selection.fingerprint;
}

/** The frozen candidates as fits, answering what was computed at opening, whatever changed since. */
export function frozenCandidates(selection: Selection, page: PageArgs) {
  const { snapshot } = selection;
  const fits = snapshot.candidates.map((frozen) =>
    Object.assign(new Fit(), {
      employeeId: frozen.employeeId,
      positionId: snapshot.position.id,
      position: snapshot.profile,
      candidate: thawCandidateSpec(frozen.candidate),
      policy: snapshot.policy,
      result: frozen.result,
      plan: Promise.resolve(frozen.plan),
      frozenReadiness: frozen.readiness as Readiness,
    }),
  );
  const ranked = fits.map((fit, rank) => ({ fit, rank }));
  const result = pageOfList(
    ranked,
    page,
    (item) => [item.rank],
    (item, cursor) => item.rank > Number(cursor[0]),
  );
  return {
    ...result,
    nodes: result.nodes.map((item) => item.fit),
    edges: result.edges.map((edge) => ({
      get cursor() {
        return edge.cursor;
      },
      node: edge.node.fit,
    })),
  };
}

/** A selection by global ID, when the viewer may see it (else null, as for none). */
export async function selectionById(ctx: Context, id: string): Promise<Selection | null> {
  const parsed = fromGlobalId(id);
  if (!parsed || parsed.typeName !== 'Selection') return null;
  const selection = await ctx.em.findOne(Selection, parsed.id);
  return selection && seesSelection(ctx, selection.agency) ? selection : null;
}

/** Selections the viewer may see, latest first, of one position or all. */
export async function listSelections(ctx: Context, positionCode: string | null, page: PageArgs) {
  const where: Record<string, unknown> = {};
  if (ctx.access.agency) where.agency = ctx.access.agency;
  if (positionCode) where.position = (await positionByCode(ctx, positionCode)).id;
  return paginate(ctx.em, Selection, where, [{ property: 'id', direction: 'DESC' }], page);
}
