import type { PoolClient } from 'pg';
import { DISCIPLINE_LEVELS } from '../../domain/discipline';
import { codes, days } from './column-packing';
import { copyNumbers } from './copy-out';

/** The last day of a sentence without end (dismissal), as the columns hold it. */
export const NO_END = 2 ** 31 - 1;

/** Disciplinary sentences as streamed: by employee id (then first and last day), four numbers each. */
export interface StreamedSentences {
  ids: number[];
  levels: number[];
  from: number[];
  until: number[];
}

/**
 * A step of `loadCandidateColumns`: every disciplinary sentence, in employee id order, as
 * plain numbers (level index, first day, last day or `NO_END`). Sentences are few: a list of
 * them, read beside the columns, not a group per key.
 */
export async function streamDiscipline(
  c: PoolClient,
  onProgress: (part: string, rows: number) => void,
): Promise<StreamedSentences> {
  const streamed: StreamedSentences = { ids: [], levels: [], from: [], until: [] };
  const count = await copyNumbers(
    c,
    `select employee_id, array_position(${codes(DISCIPLINE_LEVELS)}, level::text) - 1,
            ${days('starts_on')}, coalesce(${days('ends_on')}, ${NO_END})
       from discipline_record order by employee_id, starts_on, ends_on nulls last, id`,
    4,
    (row) => {
      streamed.ids.push(row[0]);
      streamed.levels.push(row[1]);
      streamed.from.push(row[2]);
      streamed.until.push(row[3]);
    },
  );
  onProgress('disciplinary sentences', count);
  return streamed;
}
