import type { Context } from '../../context';
import { badInput } from '../../shared/errors';
import { forwardPageRequest, toPage, type Page, type PageArgs } from '../../shared/pagination';
import { Role } from '../auth/auth.types';
import { subtreeIds } from '../org/org.service';
import { OrgUnit } from '../org/org-unit.entity';
import type { Position } from '../position/position.entity';
import type { ScoringPolicy } from './fit.policy';
import { scoreFit, type PositionSpec, type RequirementSpec } from './fit.scoring';
import { newFit, readinessOfFit } from './fit.service';
import { positionSpec } from './fit.specs';
import type { CandidateFilter, Fit } from './fit.types';
import { candidateIndex, type CandidateIndex } from './candidate-index';
import { PackedRanking, RANK_KEY_LENGTH, rankKeyOf, type RankedEntry } from './ranking';
import { withRequirements } from './what-if';

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
  profile?: readonly RequirementSpec[],
): Promise<CandidatePage> {
  const units = await candidateUnits(ctx, filter);
  const [storedSpec, index] = await Promise.all([
    positionSpec(ctx, position),
    candidateIndex(ctx.knex).current(),
  ]);
  // A what-if profile ranks against other requirements; the stored position is untouched.
  const spec = profile ? withRequirements(storedSpec, profile) : storedSpec;
  const minJobPersonMatch = filter?.minJobPersonMatch;
  const withoutIncumbents = !!filter?.excludeIncumbents;
  const unfiltered =
    !units && !filter?.qualifiedOnly && minJobPersonMatch == null && !withoutIncumbents;
  const wanted = (
    qualified: number,
    jobPersonMatch: number,
    orgUnitId: number,
    employeeId: number,
  ) =>
    (!units || units.has(orgUnitId)) &&
    (!filter?.qualifiedOnly || qualified === 1) &&
    (minJobPersonMatch == null || jobPersonMatch >= minJobPersonMatch) &&
    (!withoutIncumbents || index.positionOf(employeeId) !== position.id);
  // The words of each verdict are made only for the entries shown.
  const fitOfEntry = (entry: RankedEntry) => {
    const employeeId = entry.key[5];
    return newFit(employeeId, position.id, spec, index.spec(employeeId, policy.asOf)!, policy);
  };
  let ranking = rankingOf(index, spec, policy);
  if (filter?.readiness?.length) {
    const ready = new Set(filter.readiness);
    const matching: RankedEntry[] = [];
    for (let i = 0; i < ranking.length; i++) {
      if (ranking.matches(i, wanted)) matching.push(ranking.entry(i));
    }
    const readiness = await Promise.all(matching.map((e) => readinessOfFit(ctx, fitOfEntry(e))));
    ranking = PackedRanking.sorted(
      ranking.generation,
      matching.filter((_, i) => ready.has(readiness[i])),
    );
  }
  // The ranking is kept sorted: a page is a binary search for the cursor and a short scan.
  const request = forwardPageRequest(page, RANK_KEY_LENGTH);
  const start = request.cursor ? ranking.firstAfter(request.cursor) : 0;
  const rows: RankedEntry[] = [];
  for (let i = start; i < ranking.length && rows.length <= request.limit; i++) {
    if (ranking.matches(i, wanted)) rows.push(ranking.entry(i));
  }
  const finalRanking = ranking;
  const count = () => {
    // Without a filter every ranked employee counts (readiness filtering made a new list).
    if (unfiltered) return Promise.resolve(finalRanking.length);
    let matches = 0;
    for (let i = 0; i < finalRanking.length; i++) if (finalRanking.matches(i, wanted)) matches++;
    return Promise.resolve(matches);
  };
  const ranked = toPage(rows, request, (entry) => entry.key, count);
  const nodes = ranked.nodes.map(fitOfEntry);
  const qualified = (list: PackedRanking) => () => {
    let matches = 0;
    for (let i = 0; i < list.length; i++)
      if (list.matches(i, (q, j, u, e) => q === 1 && wanted(q, j, u, e))) matches++;
    return Promise.resolve(matches);
  };
  return {
    ...ranked,
    nodes,
    edges: ranked.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })),
    qualifiedCount: qualified(finalRanking),
    storedProfileQualifiedCount: profile
      ? qualified(rankingOf(index, storedSpec, policy))
      : () => Promise.resolve(null),
  };
}

/** A page of a ranking, with how many qualify (and, for a what-if profile, how many did). */
export interface CandidatePage extends Page<Fit> {
  qualifiedCount: () => Promise<number | null>;
  storedProfileQualifiedCount: () => Promise<number | null>;
}

/** Rankings kept per process (each ~6 MB at 100,000 employees), the least recently used dropped. */
const RANKINGS_KEPT = 64;
const rankings = new WeakMap<object, Map<string, PackedRanking>>();

/**
 * The rank keys of every employee for a position profile and policy. Kept per process and
 * brought up to date from the index's change log (only changed employees are scored again),
 * so a committee paging through a ranking, or asking again after a write, does not pay for
 * scoring everyone each time.
 */
function rankingOf(
  index: CandidateIndex,
  spec: PositionSpec,
  policy: ScoringPolicy,
): PackedRanking {
  let cache = rankings.get(index);
  if (!cache) {
    cache = new Map();
    rankings.set(index, cache);
  }
  const key = JSON.stringify([spec, policy]);
  let ranking = cache.get(key);
  cache.delete(key);
  const score = (employeeId: number): RankedEntry | undefined => {
    const candidate = index.spec(employeeId, policy.asOf);
    if (!candidate) return undefined;
    return {
      key: rankKeyOf(scoreFit(spec, candidate, policy, false), employeeId),
      orgUnitId: index.orgUnitOf(employeeId)!,
    };
  };
  const changed = ranking ? index.changedSince(ranking.generation) : null;
  if (!ranking || !changed) {
    const entries: RankedEntry[] = [];
    for (const id of index.ids()) entries.push(score(id)!);
    ranking = PackedRanking.sorted(index.generation, entries);
  } else if (changed.length > 0) {
    // Changed employees are scored again (or dropped when gone), the rest kept as they are.
    const gone = new Set(changed);
    const kept: RankedEntry[] = [];
    for (let i = 0; i < ranking.length; i++) {
      if (!gone.has(ranking.employeeId(i))) kept.push(ranking.entry(i));
    }
    for (const id of changed) {
      const entry = score(id);
      if (entry) kept.push(entry);
    }
    ranking = PackedRanking.sorted(index.generation, kept);
  }
  cache.set(key, ranking);
  if (cache.size > RANKINGS_KEPT) cache.delete(cache.keys().next().value!);
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
