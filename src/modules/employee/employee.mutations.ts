import { Role } from '../../platform/auth/auth.types';
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
import type { Context } from '../../platform/graphql/context';
import { payloadType } from '../../shared/user-error';
import { PerformanceRating } from '../../domain/position.enums';
import { Employee } from './employee.entity';
import { recordPerformance, saveEmployee } from './employee.writes';
import { EmploymentType } from '../../domain/employee.enums';

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

@Resolver()
export class EmployeeMutationResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => EmployeePayload, { nullable: true, description: 'Registers an employee.' })
  async createEmployee(
    @Arg('input', () => CreateEmployeeInput, { description: 'What to change.' })
    input: CreateEmployeeInput,
    @Ctx() ctx: Context,
  ) {
    return saveEmployee(ctx, input, 'create');
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => EmployeePayload, {
    nullable: true,
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
  @Mutation(() => EmployeePayload, {
    nullable: true,
    description: "Records one year's performance (SKP) rating.",
  })
  async recordPerformance(
    @Arg('input', () => RecordPerformanceInput, { description: 'What to change.' })
    input: RecordPerformanceInput,
    @Ctx() ctx: Context,
  ) {
    return recordPerformance(ctx, input);
  }
}
