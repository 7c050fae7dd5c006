import type { Knex } from '@mikro-orm/knex';
import type { Context } from '../../platform/graphql/context';
import { badInput, UserErrorCode } from '../../shared/errors';
import { fromGlobalId, toGlobalId } from '../../shared/global-id';
import { paginate } from '../../platform/db/keyset';
import { pageOfList, type PageArgs } from '../../shared/pagination';
import type { UserError } from '../../shared/user-error';
import { actorOf, recordAudit } from '../../records/audit';
import { Role } from '../../platform/auth/auth.types';
import { Employee } from '../employee/employee.entity';
import { agencyOfUnit } from '../org/org.service';
import { rankCandidates } from '../fit/candidates.service';
import { planOf, policyFrom, positionByCode, readinessOfFit } from '../fit/fit.service';
import { Fit, type Readiness, type ScoringPolicyInput } from '../fit/fit.types';
import { SelectionDecision, type Decision } from './selection-decision.entity';
import { Selection } from './selection.entity';
import {
  closeMacOf,
  decisionMacOf,
  FingerprintScheme,
  fingerprintOf,
  selectionKey,
  verifyMembers,
  verifyRecord,
} from './selection.record';
import type { CommitteeMember } from '../../domain/committee';
import { memberErrors, storedMembers, writeMembers } from './selection.members';
import { nextNumber } from './selection.numbering';
import {
  freezeCandidateSpec,
  thawCandidateSpec,
  type FrozenCandidate,
  type FrozenSelection,
} from './selection.snapshot';
import { insertStages, sealedStagesAndScores, stagesToFreeze } from './selection-stages.store';

/** How many of the ranking a selection freezes (best first). */
export const FROZEN_CANDIDATES = 100;
/** The most characters of a selection's note and a decision's reason (the console mirrors it). */
export const MAX_TEXT = 2000;

export type Payload = { userErrors: UserError[]; selection: Selection | null };

export const refused = (field: string[], code: UserErrorCode, message: string): Payload => ({
  userErrors: [{ field, code, message }],
  selection: null,
});

/**
 * Opens a selection: ranks the position's candidates under the policy and freezes the first
 * 100 (each one's inputs, result, training plan and readiness) and the stages of its category's
 * template (or the fallback's), with the fingerprint of it all, in one transaction with its
 * audit event.
 */
export async function openSelection(
  ctx: Context,
  input: {
    positionCode: string;
    policy?: ScoringPolicyInput | null;
    note?: string | null;
    members?: readonly CommitteeMember[] | null;
  },
): Promise<Payload> {
  if (input.note && input.note.length > MAX_TEXT)
    return refused(
      ['input', 'note'],
      UserErrorCode.OUT_OF_RANGE,
      `note: at most ${MAX_TEXT} characters`,
    );
  const members = input.members ? storedMembers(input.members) : null;
  const problems = members ? memberErrors(members) : [];
  if (problems.length > 0) return { userErrors: problems, selection: null };
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
  const stages = await stagesToFreeze(ctx.knex, position.category);
  const fingerprint = fingerprintOf(snapshot, selectionKey(), stages);
  const id = await ctx.knex.transaction(async (trx) => {
    const [row] = await trx('selection')
      .insert({
        position_id: position.id,
        agency,
        note: input.note || null,
        opened_by: actor.subject,
        snapshot: JSON.stringify(snapshot),
        fingerprint,
        fingerprint_scheme: FingerprintScheme.HMAC_SHA256,
      })
      .returning<{ id: number }[]>('id');
    const membersMac = members
      ? await writeMembers(trx, { id: row.id, fingerprint }, members, selectionKey())
      : undefined;
    await insertStages(trx, row.id, stages);
    await recordAudit(trx, {
      actor,
      action: 'openSelection',
      section: 'selections',
      recordKey: String(row.id),
      agency,
      after: {
        position: position.code,
        policy,
        candidates: candidates.length,
        note: input.note,
        fingerprint,
        fingerprintScheme: FingerprintScheme.HMAC_SHA256,
        ...(members ? { members, membersMac } : {}),
        stages,
      },
    });
    return row.id;
  });
  return { userErrors: [], selection: await ctx.em.findOneOrFail(Selection, id) };
}

/**
 * Records a decision on a frozen candidate of an open selection (COMMITTEE of its agency), named
 * by NIP or, for PPPK and anyone else, by the employee's global ID: exactly one of the two. The
 * decision is appended: a later decision on the same candidate supersedes the earlier one, which
 * stays. It is sealed with a MAC chained to the selection's previous decision. The selection's
 * row is locked meanwhile, so a decision and a closing never cross.
 */
export function recordDecision(
  ctx: Context,
  input: {
    selectionId: string;
    nip?: string | null;
    employee?: string | null;
    decision: Decision;
    reason: string;
  },
): Promise<Payload> {
  const byNip = input.nip !== undefined && input.nip !== null;
  const byId = input.employee !== undefined && input.employee !== null;
  if (byNip === byId)
    throw badInput(
      `input.nip and input.employee: give exactly one of them (the candidate's NIP, or the employee's ID for PPPK), not ${byNip ? 'both' : 'neither'}.`,
      { argument: 'input', fields: ['nip', 'employee'] },
    );
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
    const candidate = byNip
      ? row.snapshot.candidates.find((c) => c.nip !== null && c.nip === input.nip)
      : candidateById(row.snapshot, input.employee as string);
    if (!candidate)
      return byNip
        ? refused(
            ['input', 'nip'],
            UserErrorCode.NOT_FOUND,
            `nip: no candidate of this selection has NIP ${input.nip}`,
          )
        : refused(
            ['input', 'employee'],
            UserErrorCode.NOT_FOUND,
            `employee: no candidate of this selection has ID ${input.employee}`,
          );
    const key = selectionKey();
    const previous = await trx('selection_decision')
      .where('selection_id', row.id)
      .orderBy('id', 'desc')
      .first<{ mac: string | null } | undefined>('mac');
    const superseded = await trx('selection_decision')
      .where({ selection_id: row.id, employee_id: candidate.employeeId })
      .orderBy('id', 'desc')
      .first<{ id: number; mac: string | null } | undefined>('id', 'mac');
    const content = {
      employeeId: candidate.employeeId,
      decision: input.decision,
      reason: input.reason,
      decidedAt: new Date(),
      decidedBy: actor.subject,
    };
    const mac = decisionMacOf(
      key,
      row.fingerprint,
      content,
      previous?.mac ?? null,
      superseded?.mac ?? null,
    );
    await trx('selection_decision').insert({
      selection_id: row.id,
      employee_id: content.employeeId,
      decision: content.decision,
      reason: content.reason,
      decided_at: content.decidedAt,
      decided_by: content.decidedBy,
      supersedes_id: superseded?.id ?? null,
      mac,
    });
    await recordAudit(trx, {
      actor,
      action: 'recordDecision',
      section: 'selections',
      recordKey: `${row.id} ${candidate.nip ?? toGlobalId('Employee', candidate.employeeId)}`,
      agency: row.agency,
      after: { decision: input.decision, reason: input.reason, mac },
    });
    return null;
  });
}

/** The frozen candidate an employee's global ID names, if any. */
export function candidateById(
  snapshot: FrozenSelection,
  employee: string,
): FrozenCandidate | undefined {
  const parsed = fromGlobalId(employee);
  if (!parsed || parsed.typeName !== 'Employee') return undefined;
  return snapshot.candidates.find((c) => c.employeeId === parsed.id);
}

/**
 * Closes a selection: after this nothing about it changes. The closing is sealed with a MAC over
 * its moment and the decisions and stage scores then; the database refuses to clear or move
 * `closed_at`.
 */
export function closeSelection(ctx: Context, input: { selectionId: string }): Promise<Payload> {
  return changeOpenSelection(ctx, input.selectionId, async (trx, row, actor) => {
    const decisions = await trx('selection_decision')
      .where('selection_id', row.id)
      .orderBy('id', 'asc')
      .pluck<(string | null)[]>('mac');
    const scores = await trx('selection_stage_score')
      .where('selection_id', row.id)
      .orderBy('id', 'asc')
      .pluck<string[]>('mac');
    const closedAt = new Date();
    const mac = closeMacOf(
      selectionKey(),
      row.fingerprint,
      closedAt,
      decisions.length,
      decisions.at(-1) ?? null,
      { count: scores.length, head: scores.at(-1) ?? null },
    );
    const number = await nextNumber(trx, row.agency, closedAt);
    await trx('selection')
      .where('id', row.id)
      .update({ closed_at: closedAt, close_mac: mac, number });
    await recordAudit(trx, {
      actor,
      action: 'closeSelection',
      section: 'selections',
      recordKey: String(row.id),
      agency: row.agency,
      after: {
        closedAt: closedAt.toISOString(),
        decisions: decisions.length,
        scores: scores.length,
        mac,
        number,
      },
    });
    return null;
  });
}

/**
 * Records the committee's members on an open selection (COMMITTEE of its agency), replacing any
 * recorded before: an odd number, one chair, valid distinct NIPs (`committeeProblems`). They are
 * sealed with a MAC over the fingerprint, so `verified` shows a change made around the API.
 */
export function setSelectionMembers(
  ctx: Context,
  input: { selectionId: string; members: readonly CommitteeMember[] },
): Promise<Payload> {
  return changeOpenSelection(ctx, input.selectionId, async (trx, row, actor) => {
    const members = storedMembers(input.members);
    // Validated after the selection is found and may be decided on by the caller: input of a
    // selection the caller may not touch is never walked.
    const problems = memberErrors(members);
    if (problems.length > 0) return { userErrors: problems, selection: null };
    const before = await trx('selection')
      .where('id', row.id)
      .first<{ members: CommitteeMember[] | null }>('members');
    const mac = await writeMembers(trx, row, members, selectionKey());
    await recordAudit(trx, {
      actor,
      action: 'setSelectionMembers',
      section: 'selections',
      recordKey: String(row.id),
      agency: row.agency,
      before: { members: before?.members ?? null },
      after: { members, membersMac: mac },
    });
    return null;
  });
}

/** Runs `change` on an open selection the caller may decide on, under a lock of its row. */
export async function changeOpenSelection(
  ctx: Context,
  selectionId: string,
  change: (
    trx: Knex.Transaction,
    row: { id: number; agency: string; snapshot: FrozenSelection; fingerprint: string },
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
    const row = await trx('selection').where('id', parsed.id).forUpdate().first<
      | {
          id: number;
          agency: string;
          closed_at: Date | null;
          snapshot: FrozenSelection;
          fingerprint: string;
        }
      | undefined
    >('id', 'agency', 'closed_at', 'snapshot', 'fingerprint');
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

/** A selection's decisions, in the order recorded (superseded ones included). */
export function decisionsOf(ctx: Context, selection: Selection): Promise<SelectionDecision[]> {
  return ctx.loaders.childrenOf(SelectionDecision, 'selection', { id: 'ASC' }).load(selection.id);
}

/**
 * Whether the stored record is as written: the snapshot and its stages, every decision, every
 * stage score and the closing, checked now against their fingerprint and MACs under this
 * server's selection key (`verifyRecord`).
 */
export async function verified(ctx: Context, selection: Selection): Promise<boolean> {
  const [decisions, { stages, scores }] = await Promise.all([
    decisionsOf(ctx, selection),
    sealedStagesAndScores(ctx, selection),
  ]);
  if (!verifyMembers(selection, selectionKey())) return false;
  return verifyRecord(
    {
      snapshot: selection.snapshot,
      stages,
      fingerprint: selection.fingerprint,
      fingerprintScheme: selection.fingerprintScheme,
      closedAt: selection.closedAt,
      closeMac: selection.closeMac,
    },
    decisions.map((d) => ({
      id: d.id,
      employeeId: d.employeeId,
      decision: d.decision,
      reason: d.reason,
      decidedAt: d.decidedAt,
      decidedBy: d.decidedBy,
      supersedesId: d.supersedes?.id ?? null,
      mac: d.mac ?? null,
    })),
    selectionKey(),
    scores,
  );
}

/**
 * The decisions in force: each candidate's latest (the one no later decision supersedes), in the
 * order recorded.
 */
export function currentDecisions<T extends { id: number; employeeId: number }>(
  decisions: readonly T[],
): T[] {
  const latest = new Map<number, number>();
  for (const d of decisions)
    latest.set(d.employeeId, Math.max(latest.get(d.employeeId) ?? 0, d.id));
  return decisions.filter((d) => latest.get(d.employeeId) === d.id);
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
