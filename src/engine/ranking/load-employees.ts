import type { PoolClient } from 'pg';
import { EDUCATION_LEVELS, RANKS } from '../../domain/reference.data';
import { nipDays } from '../../domain/nip';
import type { CandidateColumns } from './candidate-columns';
import { codes, days, EMPLOYMENT_TYPES, NONE, packDay } from './column-packing';
import { copyNumbers } from './copy-out';

/**
 * A step of `loadCandidateColumns`: every employee, in id order, into the per-employee columns
 * (slot `s` is the s-th). Dates come recorded, else from the NIP; an employee with a date the
 * columns cannot pack is added to `exceptional`.
 */
export async function streamEmployees(
  connection: PoolClient,
  columns: CandidateColumns,
  exceptional: Set<number>,
  onProgress: (part: string, rows: number) => void,
): Promise<void> {
  const { size } = columns;
  let slot = 0;
  await copyNumbers(
    connection,
    `select id, org_unit_id, coalesce(position_id, -1),
            array_position(${codes(EMPLOYMENT_TYPES)}, employment_type::text) - 1,
            coalesce(array_position(${codes(RANKS.map((r) => r.code))}, rank_code::text) - 1, -1),
            coalesce(pppk_grade, -1),
            array_position(${codes(EDUCATION_LEVELS.map((e) => e.code))}, education_code::text) - 1,
            ${days('birth_date')}, ${days('appointed_on')},
            left(nip, 14)::int8, right(nip, 4)::int
       from employee order by id`,
    11,
    (row) => {
      if (slot >= size) throw new Error('employees changed during the snapshot');
      columns.ids[slot] = row[0];
      columns.orgUnit[slot] = row[1];
      columns.position[slot] = row[2];
      columns.employmentType[slot] = row[3];
      columns.rank[slot] = row[4];
      columns.pppkGrade[slot] = row[5];
      columns.education[slot] = row[6];
      // Recorded dates first, else the NIP's (the same rules as birthDateOf/appointmentDateOf).
      // A NIP is 18 digits (a check constraint): its first 14 (yyyymmdd of birth, yyyymm of
      // appointment) and its last 4 (sex, sequence) come as two numbers.
      const fromNip = Number.isNaN(row[9])
        ? null
        : nipDays({
            birth: Math.floor(row[9] / 1e6),
            appointed: row[9] % 1e6,
            sex: Math.floor(row[10] / 1000),
            sequence: row[10] % 1000,
          });
      const nip = fromNip?.ok ? fromNip : null;
      const birth = Number.isNaN(row[7]) ? (nip?.birthDay ?? null) : row[7];
      const appointed = Number.isNaN(row[8]) ? (nip?.appointedDay ?? null) : row[8];
      const pack = (day: number | null) => {
        if (day === null) return NONE;
        const packed = packDay(day);
        if (packed === null) exceptional.add(row[0]);
        return packed ?? NONE;
      };
      columns.birth[slot] = pack(birth);
      columns.appointed[slot] = pack(appointed);
      slot++;
    },
  );
  onProgress('employees', size);
}
