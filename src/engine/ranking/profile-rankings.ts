import { scoringPolicy, type ScoringPolicy } from '../../domain/fit.policy';
import { PERFORMANCE_RATINGS } from '../../domain/reference.data';
import type { PositionSpec } from '../../domain/fit.scoring';
import type { CandidateIndex } from './candidate-index';
import { ProfileRanking } from './column-ranking';
import { scanWorkers, type ScanWorkers } from './scan-workers';

/**
 * Rankings kept per process: at most this many, and within this many bytes (8 bytes an
 * employee: 64 rankings at 1,000,000 employees, 15 for all 4.3 million ASN).
 */
const RANKINGS_KEPT = 64;
const RANKING_BYTES = 512 * 2 ** 20;

/**
 * The rankings of one index, by position profile and policy. Kept per process and brought up
 * to date from the index's change log (only changed employees are scored again), so a
 * committee paging through a ranking, or asking again after a write, does not pay for scoring
 * everyone each time; the least recently used are dropped.
 */
export class ProfileRankings {
  private readonly cache = new Map<string, ProfileRanking>();
  /** Rankings being made, by profile: a second caller waits for the first one's scan. */
  private readonly making = new Map<string, Promise<ProfileRanking>>();

  constructor(
    private readonly index: CandidateIndex,
    private readonly scanner: ScanWorkers = scanWorkers,
  ) {}

  /** Every employee of the index as it is now, ranked for a position profile and policy. */
  async of(spec: PositionSpec, policy: ScoringPolicy): Promise<ProfileRanking> {
    const { cache, index } = this;
    const key = JSON.stringify([spec, policy]);
    const making = this.making.get(key);
    if (making) await making.catch(() => undefined);
    let ranking = cache.get(key);
    cache.delete(key);
    const changed = ranking ? index.changedSince(ranking.generation) : null;
    if (!ranking || !changed) {
      const made = ProfileRanking.of(index, spec, policy, this.scanner);
      this.making.set(key, made);
      try {
        ranking = await made;
      } finally {
        this.making.delete(key);
      }
    } else if (changed.length > 0) ranking = ranking.updated(index, changed, spec, policy);
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

  /** Drops every kept ranking (the next of each profile is scored anew). */
  forgetAll(): void {
    this.cache.clear();
  }

  /**
   * Ranks a made-up profile once, and forgets it: the engine compiles the scan's loops on their
   * first run, in each thread, and a first run is slower (1.5 to 2 times the next ones at a
   * million employees, measured), so the load pays for it rather than the first committee that
   * asks. The profile
   * reads the first competencies, a course and the ratings, so every loop of the scan runs; the
   * passes of a first page over a ranking are compiled the same way (a first `best` over a
   * million entries took four times the next).
   */
  async warm(): Promise<void> {
    const { base } = this.index;
    const spec: PositionSpec = {
      id: 0,
      requirements: [...base.results.keys()].slice(0, 8).map((competencyId, i) => ({
        competencyId,
        level: 3,
        weight: 1,
        critical: i === 0,
      })),
      minRank: null,
      minEducation: null,
      requiredCourses: [...base.courses.keys()].slice(0, 1).map((id) => ({ id, code: '' })),
      minYearsOfService: 4,
      minPerformance: PERFORMANCE_RATINGS[1],
      performanceYears: 2,
      retirementAge: 58,
      disciplineLevel: null,
    };
    const made = await ProfileRanking.of(
      this.index,
      spec,
      scoringPolicy(WARM_UP_DAY),
      this.scanner,
    );
    // And the passes a first page makes over it: its first entries, and its counts.
    made.best(200, null, () => true);
    made.count((packed) => made.packing.qualified(packed));
  }
}

/** The day the made-up profile of `warm` is ranked at (any day runs the same loops). */
const WARM_UP_DAY = '2025-01-01';
