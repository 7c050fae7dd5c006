import type { Knex } from '@mikro-orm/knex';
import type { PoolClient } from 'pg';
import { connectionOf } from '../../platform/db/bulk-copy';
import { CandidateColumns } from './candidate-columns';
import { MAX_SLOTS } from './column-packing';
import { streamCoursesAndRatings } from './load-courses-ratings';
import { streamDiscipline } from './load-discipline';
import { streamEmployees } from './load-employees';
import { streamResults } from './load-results';
import { intoSlots } from './load-slots';

/** Every transaction of a load: one read-only snapshot. */
const SNAPSHOT_OPTIONS = { isolationLevel: 'repeatable read', readOnly: true } as const;

/**
 * Loads the columns in one read-only snapshot, streaming; returns them with the transaction
 * horizon they are exact at. The parts stream in parallel on three connections that share the
 * snapshot (`pg_export_snapshot`), so PostgreSQL produces rows while they are parsed here.
 * Results are joined to their assessment here, not in SQL: plain scans stream far faster than
 * a join of millions of rows. `onProgress` hears each part as it ends.
 *
 * The steps: the snapshot is opened (`openSnapshot`); employees (`streamEmployees`), results
 * (`streamResults`) and courses and ratings (`streamCoursesAndRatings`, then the disciplinary
 * sentences, `streamDiscipline`) stream side by side,
 * by employee id; then ids become slots (`intoSlots`). Employees whose facts the columns cannot
 * hold are gathered in `exceptional` by every step.
 */
export async function loadCandidateColumns(
  knex: Knex,
  onProgress: (part: string, rows: number) => void = () => undefined,
): Promise<{ columns: CandidateColumns; horizon: string; lsn: string }> {
  return knex.transaction(async (trx) => {
    const connection = await connectionOf(trx);
    // A national load streams for longer than a request may run: no statement limit here.
    await trx.raw('set local statement_timeout = 0');
    const start = await openSnapshot(trx);
    const columns = new CandidateColumns(start.size);
    /** Employees the columns cannot hold, by id (made slots at the end). */
    const exceptional = new Set<number>();
    const [, results, { courses, ratings, discipline }] = await Promise.all([
      streamEmployees(connection, columns, exceptional, onProgress),
      inSnapshot(knex, start.snapshot, (c) =>
        streamResults(c, start.lastAssessmentId, exceptional, onProgress),
      ),
      inSnapshot(knex, start.snapshot, async (c) => ({
        ...(await streamCoursesAndRatings(c, exceptional, onProgress)),
        discipline: await streamDiscipline(c, onProgress),
      })),
    ]);
    intoSlots(
      columns,
      start.lastEmployeeId,
      { results, courses, ratings, discipline },
      exceptional,
    );
    return { columns, horizon: start.horizon, lsn: start.lsn };
  }, SNAPSHOT_OPTIONS);
}

/** Where the load's snapshot stands, and what the parts need to know before they stream. */
interface SnapshotStart {
  /** The transaction horizon the columns are exact at. */
  horizon: string;
  /** The primary's WAL position. */
  lsn: string;
  /** The snapshot's id, for the other connections (`set transaction snapshot`). */
  snapshot: string;
  /** How many employees (slots) there are. */
  size: number;
  /** The largest employee and assessment ids (0: none). */
  lastEmployeeId: number;
  lastAssessmentId: number;
}

/** Reads the horizon, the counts and the largest ids, and exports the snapshot. */
async function openSnapshot(trx: Knex.Transaction): Promise<SnapshotStart> {
  const { rows } = await trx.raw<{
    rows: {
      horizon: string;
      lsn: string;
      count: string;
      snapshot: string;
      employees: number | null;
      assessments: number | null;
    }[];
  }>(
    `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
            pg_current_wal_insert_lsn()::text as lsn,
            (select count(*) from employee)::text as count, pg_export_snapshot() as snapshot,
            (select max(id) from employee) as employees, (select max(id) from assessment) as assessments`,
  );
  const [{ horizon, lsn, snapshot }] = rows;
  const size = Number(rows[0].count);
  if (size >= MAX_SLOTS || (rows[0].employees ?? 0) >= MAX_SLOTS)
    throw new Error(`The ranking index holds employees with ids below ${MAX_SLOTS}.`);
  return {
    horizon,
    lsn,
    snapshot,
    size,
    lastEmployeeId: rows[0].employees ?? 0,
    lastAssessmentId: rows[0].assessments ?? 0,
  };
}

/** Work in its own transaction on its own connection, in the same snapshot. */
function inSnapshot<T>(
  knex: Knex,
  snapshot: string,
  work: (c: PoolClient) => Promise<T>,
): Promise<T> {
  return knex.transaction(async (side) => {
    await side.raw(`set transaction snapshot '${snapshot}'`);
    await side.raw('set local statement_timeout = 0');
    return work(await connectionOf(side));
  }, SNAPSHOT_OPTIONS);
}
