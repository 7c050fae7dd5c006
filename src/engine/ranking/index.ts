import type { ScoringPolicy } from '../../domain/fit.policy';
import type { CandidateSpec, PositionSpec } from '../../domain/fit.scoring';
import type { Lsn } from '../../platform/db/lsn';
import { perPool } from '../../platform/db/per-pool';
import type { WorkMeter } from '../../shared/work-meter';
import { candidateIndex, type CandidateIndex, type SkillTest } from './candidate-index';
import type { EmployeeCondition, EmployeeSelection } from './employee-selection';
import type { ProfileRanking } from './column-ranking';
import { ProfileRankings } from './profile-rankings';

/**
 * The ranking engine, as the rest of the server sees it: one `Ranking` per primary database
 * (`rankingOf`), on every request's context as `ctx.ranking` (see ./context.ts). Behind it: the
 * in-memory candidate index (candidate-index.ts), its columns and their load (candidate-columns,
 * load-*.ts, copy-out.ts), the column scan (column-ranking.ts) and the rankings kept per
 * profile (profile-rankings.ts). Nothing outside src/engine/ranking reaches those directly.
 */

export type { SkillTest } from './candidate-index';
export type {
  CountedField,
  CountKey,
  EmployeeCondition,
  EmployeeSelection,
} from './employee-selection';
export type { ProfileRanking } from './column-ranking';
/** The one way a candidate's facts are read: the index loads through it, and so do single fits. */
export { candidateSpecOf, loadEmployeeFacts, type EmployeeFacts } from './candidate-facts';

/** What `/metrics` shows of the index: live figures, read from memory (no statement). */
export interface RankingFigures {
  /** Employees in the index (0 until its first load). */
  readonly employees: number;
  /** Bytes of the columns at the last full load (0: none yet). */
  readonly bytes: number;
  /** How long the last full load took, in milliseconds (0: none yet). */
  readonly loadMilliseconds: number;
  /** Since when rankings answer without catching up, the primary not answering (null: exact). */
  readonly staleSince: number | null;
  /** When the index last caught up with the change log (ms since the epoch; 0: never). */
  readonly caughtUpAt: number;
}

/**
 * Where the index is on its way to ready: about to load; loading (for how long, and the rows of
 * each part read so far); loaded, and running the scan once (`ProfileRankings.warm`).
 */
type IndexStep =
  | { readonly step: 'starting' }
  | {
      readonly step: 'loading';
      readonly seconds: number;
      readonly rowsRead: Record<string, number>;
    }
  | { readonly step: 'first scan'; readonly employees: number };

/** Whether the index can rank (`Ranking.readiness`), and what `/ready` shows while it cannot. */
export interface IndexReadiness {
  readonly ready: boolean;
  /** Where the index is (only while not ready). */
  readonly detail?: { readonly index: IndexStep };
}

/** The ranking engine of one primary database, shared by every request on its pool. */
export class Ranking {
  private readonly now: CurrentRanking;
  private readonly profiles: ProfileRankings;
  /** The load `warmUp` started, until it ends. */
  private warming: Promise<CurrentRanking> | null = null;
  /** Whether a `warmUp` has ended: the index loaded, the scan run once. */
  private warm = false;
  /** Live figures for the metrics (each read when a scrape reads it). */
  readonly figures: RankingFigures;

  constructor(private readonly index: CandidateIndex) {
    this.profiles = new ProfileRankings(index);
    this.now = new CurrentRanking(index, this.profiles);
    this.figures = {
      get employees() {
        return index.lastLoad ? index.size : 0;
      },
      get bytes() {
        return index.lastLoad?.bytes ?? 0;
      },
      get loadMilliseconds() {
        return index.lastLoad?.milliseconds ?? 0;
      },
      get staleSince() {
        return index.staleSince;
      },
      get caughtUpAt() {
        return index.caughtUpAt;
      },
    };
  }

  /**
   * The index brought up to date with everything committed before this call (one small
   * statement; the first call loads it). A query starts it beside its own lookups and hands the
   * promise on. When the primary does not answer, a loaded index answers as it is and says since
   * when (`staleSince`).
   */
  current(): Promise<CurrentRanking> {
    return this.index.current().then(() => this.now);
  }

  /**
   * Loads the index now rather than on the first ranking (seconds at province scale), and runs
   * the scan once (`ProfileRankings.warm`: a large province's starts the scan's threads).
   */
  async warmUp(): Promise<{ employees: number; bytes: number }> {
    this.warming ??= this.current()
      .then(async (now) => {
        // A scan that fails here fails the ranking that asks next, with its own error.
        await this.profiles.warm().catch(() => undefined);
        this.warm = true;
        return now;
      })
      .finally(() => {
        this.warming = null;
      });
    const now = await this.warming;
    return { employees: now.employees, bytes: this.figures.bytes };
  }

  /**
   * Drops the rankings kept so far: what a warm-up of the request path ranked (for the code's
   * first runs) is not kept as if a committee had asked for it.
   */
  forgetRankings(): void {
    this.profiles.forgetAll();
  }

  /**
   * Whether rankings can answer now, for `/ready`: not before the index's first load (and the
   * scan's first run) is done. Until then, how far the load is; and when none is under way (the
   * load at start failed, or nothing started one), this starts one, so a process that could not
   * load at start becomes ready once the database answers.
   */
  readiness(): IndexReadiness {
    const { index } = this;
    if (this.warm) return { ready: true };
    // A failed load is the start-up's to report; the next probe tries again.
    if (!this.warming) this.warmUp().catch(() => undefined);
    const { loading, lastLoad } = index;
    const step: IndexStep = loading
      ? {
          step: 'loading',
          seconds: Math.round((Date.now() - loading.since) / 100) / 10,
          rowsRead: { ...loading.rows },
        }
      : lastLoad
        ? { step: 'first scan', employees: lastLoad.employees }
        : { step: 'starting' };
    return { ready: false, detail: { index: step } };
  }
}

/** The ranking engine of a primary database's pool (one per process and database). */
export const rankingOf = perPool((primary) => new Ranking(candidateIndex(primary)));

/**
 * The index brought up to date (`Ranking.current()`), and what requests ask of it. It is the
 * index as it stands: a later catch-up (this request's or another's) moves it on, while a
 * profile's ranking taken from it stays as it was taken.
 */
export class CurrentRanking {
  constructor(
    private readonly index: CandidateIndex,
    private readonly profiles: ProfileRankings,
  ) {}

  /**
   * The primary's WAL position when the facts were last read: a replica that has replayed it
   * holds every row the index names (what `ctx.readsSee` waits for).
   */
  get lsn(): Lsn | null {
    return this.index.lsn;
  }

  /** Since when the index answers without catching up, the primary not answering (null: exact). */
  get staleSince(): number | null {
    return this.index.staleSince;
  }

  /** How many employees the index holds. */
  get employees(): number {
    return this.index.size;
  }

  /** An employee's candidate spec as of a date (undefined: not in the index). */
  candidate(employeeId: number, asOf: string): CandidateSpec | undefined {
    return this.index.spec(employeeId, asOf);
  }

  /**
   * An employee's current level per competency as of a date (the latest assessment on or
   * before it): what analyses of whole units read. With `only`, at least those competencies.
   */
  levelsOf(
    employeeId: number,
    asOf: string,
    only?: readonly number[],
  ): ReadonlyMap<number, { level: number; assessedOn: string }> {
    return this.index.levelsOf(employeeId, asOf, only);
  }

  /**
   * A skill search: the employees whose current level of each condition's competency passes its
   * test, paced and limited by the request's meter.
   */
  skillHolders(
    conditions: readonly SkillTest[],
    asOf: string,
    meter: WorkMeter,
  ): Promise<number[]> {
    return this.index.holders(conditions, asOf, meter);
  }

  /**
   * The employees a condition on their facts selects (an employee list's filter and the
   * viewer's visibility, where the index holds every fact they name), paced and limited by the
   * request's meter: how many, the first of them by id or name, their counts by group.
   */
  select(condition: EmployeeCondition, asOf: string, meter: WorkMeter): Promise<EmployeeSelection> {
    return this.index.select(condition, asOf, meter);
  }

  /**
   * Every employee ranked for a position profile and policy (kept per process, and brought up
   * to date from the change log: only changed employees are scored again). Its scans give
   * the best entries after a cursor (`best`) and counts (`count`, `length`).
   */
  forProfile(spec: PositionSpec, policy: ScoringPolicy): Promise<ProfileRanking> {
    return this.profiles.of(spec, policy);
  }
}
