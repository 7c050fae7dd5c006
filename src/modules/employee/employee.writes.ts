import type { Context } from '../../platform/graphql/context';
import { UserErrorCode } from '../../shared/errors';
import type { UserError } from '../../shared/user-error';
import type { EmployeeRecord } from '../../domain/dataset.types';
import { notFound, saveKeyed, saveRecord } from '../../records/save-record';
import type { PerformanceRating } from '../../domain/position.enums';
import { employeeByRef } from './employee.service';

const missingIdentifier: UserError = {
  field: ['input', 'nip'],
  code: UserErrorCode.REQUIRED,
  message: 'nip (or pppkNumber for PPPK) is required',
};

/**
 * The lock of everything stored about one employee (the record, ratings, assessments,
 * trainings): their writes run one after another.
 */
export function employeeLockKey(key: string): string {
  return `employees:${key}`;
}

/** Registers (create) or changes (update) an employee found by NIP or PPPK number. */
export async function saveEmployee(
  ctx: Context,
  input: { nip?: string | null; pppkNumber?: string | null },
  mode: 'create' | 'update',
) {
  const key = input.nip ?? input.pppkNumber;
  if (!key) return { userErrors: [missingIdentifier], employee: null };
  const keyField = input.nip ? 'nip' : 'pppkNumber';
  const { userErrors, node } = await saveKeyed(ctx, {
    action: `${mode}Employee`,
    section: 'employees',
    mode,
    keyField,
    key,
    lockKey: employeeLockKey(key),
    input,
    exists: (known) => (input.nip ? known.nips.has(key) : known.pppkNumbers.has(key)),
    load: () => employeeByRef(ctx, input),
  });
  return { userErrors, employee: node };
}

/** Records one year's SKP rating of an employee, replacing that year's. */
export async function recordPerformance(
  ctx: Context,
  input: {
    nip?: string | null;
    pppkNumber?: string | null;
    year: number;
    rating: PerformanceRating;
  },
) {
  const key = input.nip ?? input.pppkNumber;
  if (!key) return { userErrors: [missingIdentifier], employee: null };
  const field = input.nip ? 'nip' : 'pppkNumber';
  const errors = await saveRecord(ctx, 'employees', input, {
    action: 'recordPerformance',
    key,
    lockKey: employeeLockKey(key),
    scope: { section: 'employees', keys: [key] },
    // Read under the employee's lock: ratings of other years recorded meanwhile stay.
    build: (stored) => {
      if (!stored) return [notFound('employees', field, key)];
      const base = stored as EmployeeRecord;
      return {
        ...base,
        performance: [
          ...base.performance.filter((p) => p.year !== input.year),
          { year: input.year, rating: input.rating },
        ],
      };
    },
    identity: {
      mode: 'update',
      field,
      exists: (known) => (input.nip ? known.nips.has(key) : known.pppkNumbers.has(key)),
    },
  });
  // The record is the whole employee: point errors at this input's fields, not the list.
  const userErrors = errors.map((e) =>
    e.field[1] === 'performance' ? { ...e, field: ['input', e.field.at(-1)!] } : e,
  );
  return { userErrors, employee: userErrors.length ? null : await employeeByRef(ctx, input) };
}
