import type { PoolClient } from 'pg';
import { days, groupKey, NONE, packDay, resultEntry } from './column-packing';
import { copyNumbers } from './copy-out';
import { ResultPairs } from './result-group';

/**
 * A step of `loadCandidateColumns`: every assessment result, as pairs of employee id and entry
 * per competency (indexed by competency id), in the order streamed. The assessments are read
 * first (their employee and day, by assessment id up to `lastAssessmentId`), then the results
 * are joined to them here. An employee with a result the columns cannot pack (its date, its
 * level) is added to `exceptional`.
 */
export async function streamResults(
  c: PoolClient,
  lastAssessmentId: number,
  exceptional: Set<number>,
  onProgress: (part: string, rows: number) => void,
): Promise<(ResultPairs | undefined)[]> {
  const assessmentEmployee = new Int32Array(lastAssessmentId + 1).fill(NONE);
  const assessmentDay = new Int32Array(assessmentEmployee.length);
  await copyNumbers(
    c,
    `select id, employee_id, ${days('assessed_on')} from assessment`,
    3,
    (row) => {
      const day = packDay(row[2]);
      if (day === null) exceptional.add(row[1]);
      assessmentEmployee[row[0]] = row[1];
      assessmentDay[row[0]] = day ?? NONE;
    },
  );
  // The largest part (15 rows per employee): pairs of 32-bit numbers per competency.
  const groups: (ResultPairs | undefined)[] = [];
  const count = await copyNumbers(
    c,
    'select assessment_id, competency_id, level from assessment_result',
    3,
    (row) => {
      const competency = groupKey('assessment results', row[1]);
      const employee = assessmentEmployee[row[0]];
      if (employee === undefined || employee === NONE)
        throw new Error(`assessment ${row[0]} is not in the snapshot`);
      const day = assessmentDay[row[0]];
      const level = row[2];
      if (day === NONE || !(level >= 1 && level <= 7)) exceptional.add(employee);
      else (groups[competency] ??= new ResultPairs()).push(employee, resultEntry(day, level));
    },
  );
  onProgress('assessment results', count);
  return groups;
}
