import { Role } from '../../platform/auth/auth.types';
import {
  Arg,
  Ctx,
  Field,
  Float,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Authorized,
  FieldResolver,
  Root,
} from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import type { Context } from '../../platform/graphql/context';
import { UserError } from '../../shared/user-error';
import { saveRecord } from '../../records/save-record';
import { Employee } from '../employee/employee.entity';
import { employeeLockKey } from '../employee/employee.writes';
import { employeeByRef } from '../employee/employee.service';
import { assessmentOn } from './assessment.service';
import { Assessment } from './assessment.entity';
import { AssessmentMethod } from '../../domain/assessment.enums';

@InputType({ description: 'The level an assessment gave one competency.' })
export class AssessmentResultInput {
  @Field(() => String, { description: 'Competency code.' }) competency!: string;
  @Field(() => Int, { description: 'Level 1–5.' }) level!: number;
}

@InputType({
  description: 'An assessment to add to an employee’s history (history is never edited).',
})
export class RecordAssessmentInput {
  @Field(() => String, { nullable: true, description: 'NIP of the employee assessed.' }) nip?:
    string | null;
  @Field(() => String, { nullable: true, description: 'PPPK number of the employee assessed.' })
  pppkNumber?: string | null;
  @Field(() => DateResolver, { description: 'Date of the assessment (not in the future).' })
  assessedOn!: Date;
  @Field(() => AssessmentMethod, { description: 'How it was assessed.' }) method!: AssessmentMethod;
  @Field(() => String, { nullable: true, description: 'Who assessed.' }) assessor?: string | null;
  @Field(() => Float, { nullable: true, description: 'Potential score 0–100.' }) potential?:
    number | null;
  @Field(() => [AssessmentResultInput], {
    description: 'At least one result; each competency once.',
  })
  results!: AssessmentResultInput[];
}

@ObjectType({ description: 'Result of recording an assessment.' })
export class RecordAssessmentPayload {
  /** What was recorded, read after the commit only when a field asks for it. */
  recorded!: RecordAssessmentInput | null;

  @Field(() => [UserError], { description: 'Empty when it was recorded.' })
  userErrors!: UserError[];
}

@Resolver(() => RecordAssessmentPayload)
export class RecordAssessmentPayloadResolver {
  @FieldResolver(() => Employee, {
    nullable: true,
    description: 'The employee, with updated current levels.',
  })
  employee(@Root() payload: RecordAssessmentPayload, @Ctx() ctx: Context) {
    return payload.recorded ? employeeByRef(ctx, payload.recorded) : null;
  }

  @FieldResolver(() => Assessment, {
    nullable: true,
    description: 'The assessment (the existing one, if identical).',
  })
  async assessment(@Root() payload: RecordAssessmentPayload, @Ctx() ctx: Context) {
    if (!payload.recorded) return null;
    const employee = await employeeByRef(ctx, payload.recorded);
    return employee
      ? assessmentOn(ctx, employee.id, payload.recorded.assessedOn, payload.recorded.method)
      : null;
  }
}

@Resolver()
export class AssessmentMutationResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => RecordAssessmentPayload, {
    nullable: true,
    description:
      'Appends an assessment; repeating an identical one is a no-op, a different one on the same day and method is refused.',
  })
  async recordAssessment(
    @Arg('input', () => RecordAssessmentInput, { description: 'What to change.' })
    input: RecordAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    const key = `${input.nip ?? input.pppkNumber ?? ''} ${input.assessedOn.toISOString().slice(0, 10)} ${input.method}`;
    const userErrors = await saveRecord(ctx, 'assessments', input, {
      action: 'recordAssessment',
      key,
      lockKey: employeeLockKey(input.nip ?? input.pppkNumber ?? ''),
    });
    return Object.assign(new RecordAssessmentPayload(), {
      userErrors,
      recorded: userErrors.length > 0 ? null : input,
    });
  }
}
