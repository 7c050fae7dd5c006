import type { Context } from '../../platform/graphql/context';
import { allInOrder } from '../../domain/collections';
import { badInput } from '../../shared/errors';
import { forwardPageRequest, toPage, type Page, type PageArgs } from '../../shared/pagination';
import { Role } from '../../platform/auth/auth.types';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import type { Position } from '../position/position.entity';
import type { ScoringPolicy } from '../../domain/fit.policy';
import type { PositionSpec, RequirementSpec } from '../../domain/fit.scoring';
import { newFit, readinessOfFit } from './fit.service';
import { positionSpec } from './fit.specs';
import type { CandidateFilter, Fit } from './fit.types';
import { candidateIndex, type CandidateIndex } from '../../engine/ranking/candidate-index';
import { Ranking } from '../../engine/ranking/column-ranking';
import { RANK_KEY_LENGTH, ranksBefore, TopK, type RankedEntry } from '../../domain/ranking';
import { withRequirements } from '../../domain/what-if';

/**
 * Employees ranked for a position, best first (`compareFits`), within the filter. The cursor
 * holds the ranking key of the last item, so the next page starts right after it even when
 * others have moved in between: no item is shown twice.
 */
export async function rankCandidates(
  ctx: Context,
  position: Position,
  filter: CandidateFilter | null | undefined,
  policy: ScoringPolicy,
  page: PageArgs,
  options: {
    /** What-if: rank against these requirements instead of the stored ones. */
    profile?: readonly RequirementSpec[];
    /** The index brought up to date by the caller (a query's, started with its lookups). */
    index?: Promise<CandidateIndex>;
  } = {},
): Promise<CandidatePage> {
  const { profile } = options;
  const [units, storedSpec, index] = await allInOrder([
    candidateUnits(ctx, filter),
    positionSpec(ctx, position),
    options.index ?? candidateIndex(ctx.primaryKnex).current(),
  ]);
  // The rows the ranking names must be there to read: a replica catches up with the index.
  await ctx.readsSee(index.lsn);
  if (index.staleSince !== null)
    ctx.extensions.ranking = {
      staleSince: new Date(index.staleSince).toISOString(),
      reason: 'The primary database does not answer: the ranking is as of this time.',
    };
  // A what-if profile ranks against other requirements; the stored position is untouched.
  const spec = profile ? withRequirements(storedSpec, profile) : storedSpec;
  const minJobPersonMatch = filter?.minJobPersonMatch;
  const withoutIncumbents = !!filter?.excludeIncumbents;
  const unfiltered =
    !units && !filter?.qualifiedOnly && minJobPersonMatch == null && !withoutIncumbents;
  const ranking = rankingOf(index, spec, policy);
  const { packing } = ranking;
  /** The filter on a ranking's entries (`qualified`: only the qualified, whatever the filter). */
  const filterOf =
    ({ packing: p }: Ranking, qualified = !!filter?.qualifiedOnly) =>
    (packed: number, orgUnitId: number, positionId: number) =>
      (!units || units.has(orgUnitId)) &&
      (!qualified || p.qualified(packed)) &&
      (minJobPersonMatch == null || p.jobPersonMatch(packed) >= minJobPersonMatch) &&
      (!withoutIncumbents || positionId !== position.id);
  const wanted = filterOf(ranking);
  // The words of each verdict are made only for the entries shown.
  const fitOfEntry = (entry: RankedEntry) =>
    newFit(entry.employeeId, position.id, spec, index.spec(entry.employeeId, policy.asOf)!, policy);
  const request = forwardPageRequest(page, RANK_KEY_LENGTH);
  const after = request.cursor
    ? { packed: packing.pack(request.cursor), employeeId: Number(request.cursor[5]) }
    : null;
  if (after && Number.isNaN(after.packed)) throw badInput('This cursor is not of this ranking.');
  let rows: RankedEntry[];
  let count: () => Promise<number>;
  let qualifiedCount: () => Promise<number>;
  if (filter?.readiness?.length) {
    // Readiness needs each candidate's plan: the matching entries are scored in full, in order.
    const matching: RankedEntry[] = [];
    ranking.each((packed, employeeId, orgUnitId, positionId) => {
      if (wanted(packed, orgUnitId, positionId))
        matching.push({ packed, employeeId, orgUnitId, positionId });
    });
    matching.sort((a, b) => a.packed - b.packed || a.employeeId - b.employeeId);
    const ready = new Set(filter.readiness);
    const readiness = await Promise.all(matching.map((e) => readinessOfFit(ctx, fitOfEntry(e))));
    const kept = matching.filter((_, i) => ready.has(readiness[i]));
    const start = after
      ? kept.findIndex((e) => ranksBefore(after.packed, after.employeeId, e.packed, e.employeeId))
      : 0;
    rows = start < 0 ? [] : kept.slice(start, start + request.limit + 1);
    count = () => Promise.resolve(kept.length);
    qualifiedCount = () => Promise.resolve(kept.filter((e) => packing.qualified(e.packed)).length);
  } else {
    // What decides which entries a page may show, as a key for what the ranking remembers.
    const shown = JSON.stringify([
      filter?.orgUnitCode ?? null,
      filter?.agencyCode ?? null,
      ctx.access.agency ?? null,
      minJobPersonMatch ?? null,
      withoutIncumbents ? position.id : null,
    ]);
    const qualifiedOnly = !!filter?.qualifiedOnly;
    // The first pages come from the ranking's first entries, found once by one pass; a page
    // beyond them takes a pass of its own that keeps the best entries after the cursor.
    const first = ranking.remember(`first ${qualifiedOnly} ${shown}`, () =>
      bestEntries(ranking, FIRST_ENTRIES, null, wanted),
    );
    const start = after
      ? first.findIndex((e) => ranksBefore(after.packed, after.employeeId, e.packed, e.employeeId))
      : 0;
    const complete = first.length < FIRST_ENTRIES;
    rows =
      start >= 0 && (complete || start + request.limit + 1 <= first.length)
        ? first.slice(start, start + request.limit + 1)
        : start < 0 && complete
          ? []
          : bestEntries(ranking, request.limit + 1, after, wanted);
    count = () =>
      Promise.resolve(
        unfiltered
          ? ranking.length
          : ranking.remember(`count ${qualifiedOnly} ${shown}`, () => countOf(ranking, wanted)),
      );
    qualifiedCount = () =>
      Promise.resolve(
        ranking.remember(`count true ${shown}`, () => countOf(ranking, filterOf(ranking, true))),
      );
  }
  const ranked = toPage(
    rows,
    request,
    (entry) => packing.unpack(entry.packed, entry.employeeId),
    count,
  );
  const nodes = ranked.nodes.map(fitOfEntry);
  return {
    ...ranked,
    nodes,
    edges: ranked.edges.map((edge, i) => ({
      get cursor() {
        return edge.cursor;
      },
      node: nodes[i],
    })),
    qualifiedCount,
    storedProfileQualifiedCount: profile
      ? () => {
          const stored = rankingOf(index, storedSpec, policy);
          return Promise.resolve(countOf(stored, filterOf(stored, true)));
        }
      : () => Promise.resolve(null),
  };
}

/** How many of a ranking's first entries (per filter) are kept to serve the first pages. */
const FIRST_ENTRIES = 200;

/** The best `limit` entries after a cursor that pass a test, best first: one pass. */
function bestEntries(
  ranking: Ranking,
  limit: number,
  after: { packed: number; employeeId: number } | null,
  test: (packed: number, orgUnitId: number, positionId: number) => boolean,
): RankedEntry[] {
  const top = new TopK(limit, after);
  ranking.each((packed, employeeId, orgUnitId, positionId) => {
    if (top.wants(packed, employeeId) && test(packed, orgUnitId, positionId))
      top.add({ packed, employeeId, orgUnitId, positionId: positionId < 0 ? null : positionId });
  });
  return top.result();
}

/** How many entries of a ranking pass a test. */
function countOf(
  ranking: Ranking,
  test: (packed: number, orgUnitId: number, positionId: number) => boolean,
): number {
  let matches = 0;
  ranking.each((packed, _id, unit, held) => {
    if (test(packed, unit, held)) matches++;
  });
  return matches;
}

/** A page of a ranking, with how many qualify (and, for a what-if profile, how many did). */
export interface CandidatePage extends Page<Fit> {
  qualifiedCount: () => Promise<number | null>;
  storedProfileQualifiedCount: () => Promise<number | null>;
}

/**
 * Rankings kept per process: at most this many, and within this many bytes (8 bytes an
 * employee: 64 rankings at 1,000,000 employees, 15 for all 4.3 million ASN).
 */
const RANKINGS_KEPT = 64;
const RANKING_BYTES = 512 * 2 ** 20;
const rankings = new WeakMap<object, Map<string, Ranking>>();

/**
 * Every employee ranked for a position profile and policy. Kept per process and brought up to
 * date from the index's change log (only changed employees are scored again), so a committee
 * paging through a ranking, or asking again after a write, does not pay for scoring everyone
 * each time; the least recently used are dropped.
 */
function rankingOf(index: CandidateIndex, spec: PositionSpec, policy: ScoringPolicy): Ranking {
  let cache = rankings.get(index);
  if (!cache) {
    cache = new Map();
    rankings.set(index, cache);
  }
  const key = JSON.stringify([spec, policy]);
  let ranking = cache.get(key);
  cache.delete(key);
  const changed = ranking ? index.changedSince(ranking.generation) : null;
  if (!ranking || !changed) ranking = Ranking.of(index, spec, policy);
  else if (changed.length > 0) ranking = ranking.updated(index, changed, spec, policy);
  cache.set(key, ranking);
  let bytes = 0;
  for (const kept of cache.values()) bytes += kept.bytes;
  while (cache.size > 1 && (cache.size > RANKINGS_KEPT || bytes > RANKING_BYTES)) {
    const oldest = cache.keys().next().value!;
    bytes -= cache.get(oldest)!.bytes;
    cache.delete(oldest);
  }
  return ranking;
}

/**
 * The org units whose people a ranking covers (null: all): the filter's unit subtree and
 * agency, within the agency the viewer is bound to.
 */
async function candidateUnits(
  ctx: Context,
  filter: CandidateFilter | null | undefined,
): Promise<Set<number> | null> {
  const sets: Set<number>[] = [];
  if (filter?.orgUnitCode) {
    const unit = await ctx.loaders.byKey(OrgUnit, 'code').load(filter.orgUnitCode);
    if (!unit) {
      throw badInput(`No org unit has code "${filter.orgUnitCode}".`, {
        argument: 'filter.orgUnitCode',
      });
    }
    sets.push(new Set(await subtreeIds(ctx, [unit.id])));
  }
  if (filter?.agencyCode) {
    const ids = (await ctx
      .knex('org_unit as u')
      .join('agency as a', 'a.id', 'u.agency_id')
      .where('a.code', filter.agencyCode)
      .pluck('u.id')) as number[];
    sets.push(new Set(ids));
  }
  // Only the people the viewer may see: the agency's, for HR and COMMITTEE. Rankings are not
  // open to other roles (an EMPLOYEE's visibility is not a set of units).
  ctx.access.require(Role.ADMIN, Role.HR, Role.COMMITTEE);
  if (ctx.access.agency) sets.push(await ctx.access.agencyUnitIds());
  if (sets.length === 0) return null;
  const [first, ...rest] = sets;
  return new Set([...first].filter((id) => rest.every((s) => s.has(id))));
}
