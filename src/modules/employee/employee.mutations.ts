import { Role } from '../auth/auth.types';
import {
  Arg,
  Ctx,
  Field,
  Float,
  InputType,
  Int,
  Mutation,
  Resolver,
  Authorized,
} from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import type { Context } from '../../context';
import { UserErrorCode } from '../../shared/errors';
import { payloadType, type UserError } from '../../shared/user-error';
import type { EmployeeRecord } from '../dataset/dataset.types';
import { notFound, saveKeyed, saveRecord } from '../dataset/record.service';
import { PerformanceRating } from '../position/position.enums';
import { Employee } from './employee.entity';
import { employeeByRef } from './employee.service';
import { EmploymentType } from './employee.enums';

@InputType({ description: 'The SKP rating of a year.' })
export class PerformanceInput {
  @Field(() => Int, { description: 'The rated year.' }) year!: number;
  @Field(() => PerformanceRating, { description: 'The rating.' }) rating!: PerformanceRating;
}

@InputType({ description: 'A new employee: PNS and CPNS with a NIP, PPPK with a PPPK number.' })
export class CreateEmployeeInput {
  @Field(() => String, { nullable: true, description: '18-digit NIP (PNS, CPNS).' }) nip?:
    string | null;
  @Field(() => String, { nullable: true, description: 'PPPK number (PPPK).' }) pppkNumber?:
    string | null;
  @Field(() => String, { description: 'Full name.' }) name!: string;
  @Field(() => EmploymentType, { description: 'PNS, CPNS or PPPK.' })
  employmentType!: EmploymentType;
  @Field(() => String, { nullable: true, description: 'Rank code, `I/a` … `IV/e` (PNS, CPNS).' })
  rank?: string | null;
  @Field(() => Int, { nullable: true, description: 'Grade 1–17 (PPPK).' }) pppkGrade?:
    number | null;
  @Field(() => String, { description: 'Education code (D4 = S1).' }) education!: string;
  @Field(() => String, { description: 'Org unit code.' }) orgUnit!: string;
  @Field(() => String, { nullable: true, description: 'Code of the position held.' }) position?:
    string | null;
  @Field(() => DateResolver, {
    nullable: true,
    description: 'Birth date when it differs from the NIP (or PPPK).',
  })
  birthDate?: Date | null;
  @Field(() => DateResolver, {
    nullable: true,
    description: 'TMT CPNS when it differs from the NIP (or PPPK).',
  })
  appointedOn?: Date | null;
  @Field(() => Float, { nullable: true, description: 'Potential score 0–100.' }) potential?:
    number | null;
  @Field(() => [PerformanceInput], { nullable: true, description: 'SKP ratings, one per year.' })
  performance?: PerformanceInput[];
}

@InputType({
  description:
    'Changes to an employee, found by NIP or PPPK number; fields left out keep their value.',
})
export class UpdateEmployeeInput {
  @Field(() => String, { nullable: true, description: 'NIP of the employee to change.' }) nip?:
    string | null;
  @Field(() => String, { nullable: true, description: 'PPPK number of the employee to change.' })
  pppkNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Full name.' }) name?: string;
  @Field(() => EmploymentType, { nullable: true, description: 'e.g. CPNS → PNS.' })
  employmentType?: EmploymentType;
  @Field(() => String, { nullable: true, description: 'Rank code.' }) rank?: string | null;
  @Field(() => Int, { nullable: true, description: 'PPPK grade.' }) pppkGrade?: number | null;
  @Field(() => String, { nullable: true, description: 'Education code.' }) education?: string;
  @Field(() => String, { nullable: true, description: 'Org unit code.' }) orgUnit?: string;
  @Field(() => String, { nullable: true, description: 'Position code; null: no position.' })
  position?: string | null;
  @Field(() => DateResolver, { nullable: true, description: 'Birth date.' })
  birthDate?: Date | null;
  @Field(() => DateResolver, { nullable: true, description: 'TMT CPNS.' })
  appointedOn?: Date | null;
  @Field(() => Float, { nullable: true, description: 'Potential score 0–100.' }) potential?:
    number | null;
  @Field(() => [PerformanceInput], {
    nullable: true,
    description: 'All SKP ratings, replacing the stored ones.',
  })
  performance?: PerformanceInput[];
}

@InputType({ description: "One year's SKP rating of an employee (replaces that year's rating)." })
export class RecordPerformanceInput {
  @Field(() => String, { nullable: true, description: 'NIP.' }) nip?: string | null;
  @Field(() => String, { nullable: true, description: 'PPPK number.' }) pppkNumber?: string | null;
  @Field(() => Int, { description: 'The rated year.' }) year!: number;
  @Field(() => PerformanceRating, { description: 'The rating.' }) rating!: PerformanceRating;
}

export const EmployeePayload = payloadType(
  'EmployeePayload',
  'employee',
  Employee,
  'Result of an employee mutation.',
);

const missingIdentifier: UserError = {
  field: ['input', 'nip'],
  code: UserErrorCode.REQUIRED,
  message: 'nip (or pppkNumber for PPPK) is required',
};

@Resolver()
export class EmployeeMutationResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => EmployeePayload, { description: 'Registers an employee.' })
  async createEmployee(
    @Arg('input', () => CreateEmployeeInput, { description: 'What to change.' })
    input: CreateEmployeeInput,
    @Ctx() ctx: Context,
  ) {
    return saveEmployee(ctx, input, 'create');
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => EmployeePayload, {
    description: 'Changes an employee (rank, unit, position, …).',
  })
  async updateEmployee(
    @Arg('input', () => UpdateEmployeeInput, { description: 'What to change.' })
    input: UpdateEmployeeInput,
    @Ctx() ctx: Context,
  ) {
    return saveEmployee(ctx, input, 'update');
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => EmployeePayload, { description: "Records one year's performance (SKP) rating." })
  async recordPerformance(
    @Arg('input', () => RecordPerformanceInput, { description: 'What to change.' })
    input: RecordPerformanceInput,
    @Ctx() ctx: Context,
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
}

/**
 * The lock of everything stored about one employee (the record, ratings, assessments,
 * trainings): their writes run one after another.
 */
export function employeeLockKey(key: string): string {
  return `employees:${key}`;
}

async function saveEmployee(
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
