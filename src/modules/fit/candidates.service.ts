import type { Context } from '../../platform/graphql/context';
import { allInOrder } from '../../domain/collections';
import { badInput } from '../../shared/errors';
import {
  forwardPageRequest,
  toPage,
  type Page,
  type PageArgs,
  type PageRequest,
} from '../../shared/pagination';
import { Role } from '../../platform/auth/auth.types';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import type { Position } from '../position/position.entity';
import type { ScoringPolicy } from '../../domain/fit.policy';
import type { RequirementSpec } from '../../domain/fit.scoring';
import { newFit, readinessOfFit } from './fit.service';
import { positionSpec } from './fit.specs';
import type { CandidateFilter, Fit } from './fit.types';
import type { CurrentRanking, ProfileRanking } from '../../engine/ranking';
import { RANK_KEY_LENGTH, ranksBefore, type RankedEntry } from '../../domain/ranking';
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
    /** The ranking brought up to date by the caller (a query's, started with its lookups). */
    ranking?: Promise<CurrentRanking>;
  } = {},
): Promise<CandidatePage> {
  const { profile } = options;
  const [units, storedSpec, current] = await allInOrder([
    candidateUnits(ctx, filter),
    positionSpec(ctx, position),
    options.ranking ?? ctx.ranking.current(),
  ]);
  await readRankingAsOf(ctx, current);
  // A what-if profile ranks against other requirements; the stored position is untouched.
  const spec = profile ? withRequirements(storedSpec, profile) : storedSpec;
  const filterOf = entryFilter(filter, units, position);
  const ranking = await current.forProfile(spec, policy);
  // The words of each verdict are made only for the entries shown.
  const fitOfEntry = (entry: RankedEntry) =>
    newFit(
      entry.employeeId,
      position.id,
      spec,
      current.candidate(entry.employeeId, policy.asOf)!,
      policy,
    );
  const request = forwardPageRequest(page, RANK_KEY_LENGTH);
  const after = cursorAfter(request, ranking);
  const query: RowsQuery = { ranking, filterOf, request, after };
  const rows = filter?.readiness?.length
    ? await readyRows(ctx, query, filter.readiness, fitOfEntry)
    : rankedRows(ctx, query, filter, units, position);
  const ranked = toPage(
    rows.rows,
    request,
    (entry) => ranking.packing.unpack(entry.packed, entry.employeeId),
    rows.count,
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
    qualifiedCount: rows.qualifiedCount,
    storedProfileQualifiedCount: profile
      ? async () => {
          const stored = await current.forProfile(storedSpec, policy);
          return stored.count(filterOf(stored, true));
        }
      : () => Promise.resolve(null),
  };
}

/** Whether a ranking's entry is wanted: by its packed result, its unit and its position. */
type EntryTest = (packed: number, orgUnitId: number, positionId: number) => boolean;
/** The filter's test on a ranking's entries (`qualified`: only the qualified, whatever the filter). */
type FilterOf = (ranking: ProfileRanking, qualified?: boolean) => EntryTest;

/** Where a page starts: right after the entry its cursor names (null: at the start). */
interface After {
  readonly packed: number;
  readonly employeeId: number;
}

/** What the rows of a page are chosen from. */
interface RowsQuery {
  readonly ranking: ProfileRanking;
  readonly filterOf: FilterOf;
  readonly request: PageRequest;
  readonly after: After | null;
}

/** The entries of a page (one beyond it, to say whether more follow), and the counts. */
interface Rows {
  readonly rows: RankedEntry[];
  readonly count: () => Promise<number>;
  readonly qualifiedCount: () => Promise<number>;
}

/**
 * The rows the ranking names must be there to read: a replica catches up with the index. A
 * ranking kept while the primary does not answer says so, and since when, in `extensions`.
 */
async function readRankingAsOf(ctx: Context, current: CurrentRanking): Promise<void> {
  await ctx.readsSee(current.lsn);
  if (current.staleSince !== null)
    ctx.extensions.ranking = {
      staleSince: new Date(current.staleSince).toISOString(),
      reason: 'The primary database does not answer: the ranking is as of this time.',
    };
}

/** The filter on a ranking's entries: the units, qualified only, the least JPM, incumbents out. */
function entryFilter(
  filter: CandidateFilter | null | undefined,
  units: Set<number> | null,
  position: Position,
): FilterOf {
  const minJobPersonMatch = filter?.minJobPersonMatch;
  const withoutIncumbents = !!filter?.excludeIncumbents;
  return ({ packing: p }, qualified = !!filter?.qualifiedOnly) =>
    (packed, orgUnitId, positionId) =>
      (!units || units.has(orgUnitId)) &&
      (!qualified || p.qualified(packed)) &&
      (minJobPersonMatch == null || p.jobPersonMatch(packed) >= minJobPersonMatch) &&
      (!withoutIncumbents || positionId !== position.id);
}

/** The entry a page's cursor names, in the ranking's packing; BAD_USER_INPUT when not of it. */
function cursorAfter(request: PageRequest, { packing }: ProfileRanking): After | null {
  const after = request.cursor
    ? { packed: packing.pack(request.cursor), employeeId: Number(request.cursor[5]) }
    : null;
  if (after && Number.isNaN(after.packed)) throw badInput('This cursor is not of this ranking.');
  return after;
}

/** Where a page starts in a list of entries in ranking order: after the cursor's entry. */
function startAfter(entries: readonly RankedEntry[], after: After | null): number {
  return after
    ? entries.findIndex((e) => ranksBefore(after.packed, after.employeeId, e.packed, e.employeeId))
    : 0;
}

/**
 * Rows filtered by readiness: readiness needs each candidate's plan, so the matching entries
 * are scored in full, in order.
 */
async function readyRows(
  ctx: Context,
  { ranking, filterOf, request, after }: RowsQuery,
  readinessWanted: readonly string[],
  fitOfEntry: (entry: RankedEntry) => Fit,
): Promise<Rows> {
  const wanted = filterOf(ranking);
  const matching: RankedEntry[] = [];
  ranking.each((packed, employeeId, orgUnitId, positionId) => {
    if (wanted(packed, orgUnitId, positionId))
      matching.push({ packed, employeeId, orgUnitId, positionId });
  });
  matching.sort((a, b) => a.packed - b.packed || a.employeeId - b.employeeId);
  const ready = new Set(readinessWanted);
  const readiness = await Promise.all(matching.map((e) => readinessOfFit(ctx, fitOfEntry(e))));
  const kept = matching.filter((_, i) => ready.has(readiness[i]));
  const start = startAfter(kept, after);
  return {
    rows: start < 0 ? [] : kept.slice(start, start + request.limit + 1),
    count: () => Promise.resolve(kept.length),
    qualifiedCount: () =>
      Promise.resolve(kept.filter((e) => ranking.packing.qualified(e.packed)).length),
  };
}

/**
 * Rows straight from the ranking. The first pages come from the ranking's first entries, found
 * once by one pass; a page beyond them takes a pass of its own that keeps the best entries
 * after the cursor. The counts are remembered by the ranking, per filter.
 */
function rankedRows(
  ctx: Context,
  { ranking, filterOf, request, after }: RowsQuery,
  filter: CandidateFilter | null | undefined,
  units: Set<number> | null,
  position: Position,
): Rows {
  const minJobPersonMatch = filter?.minJobPersonMatch;
  const withoutIncumbents = !!filter?.excludeIncumbents;
  const unfiltered =
    !units && !filter?.qualifiedOnly && minJobPersonMatch == null && !withoutIncumbents;
  const wanted = filterOf(ranking);
  // What decides which entries a page may show, as a key for what the ranking remembers.
  const shown = JSON.stringify([
    filter?.orgUnitCode ?? null,
    filter?.agencyCode ?? null,
    ctx.access.agency ?? null,
    minJobPersonMatch ?? null,
    withoutIncumbents ? position.id : null,
  ]);
  const qualifiedOnly = !!filter?.qualifiedOnly;
  const first = ranking.remember(`first ${qualifiedOnly} ${shown}`, () =>
    ranking.best(FIRST_ENTRIES, null, wanted),
  );
  const start = startAfter(first, after);
  const complete = first.length < FIRST_ENTRIES;
  return {
    rows:
      start >= 0 && (complete || start + request.limit + 1 <= first.length)
        ? first.slice(start, start + request.limit + 1)
        : start < 0 && complete
          ? []
          : ranking.best(request.limit + 1, after, wanted),
    count: () =>
      Promise.resolve(
        unfiltered
          ? ranking.length
          : ranking.remember(`count ${qualifiedOnly} ${shown}`, () => ranking.count(wanted)),
      ),
    qualifiedCount: () =>
      Promise.resolve(
        ranking.remember(`count true ${shown}`, () => ranking.count(filterOf(ranking, true))),
      ),
  };
}

/** How many of a ranking's first entries (per filter) are kept to serve the first pages. */
const FIRST_ENTRIES = 200;

/** A page of a ranking, with how many qualify (and, for a what-if profile, how many did). */
export interface CandidatePage extends Page<Fit> {
  qualifiedCount: () => Promise<number | null>;
  storedProfileQualifiedCount: () => Promise<number | null>;
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
