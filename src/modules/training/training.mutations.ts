import { Role } from '../../platform/auth/auth.types';
import {
  Arg,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Authorized,
} from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import type { Context } from '../../platform/graphql/context';
import { UserError } from '../../shared/user-error';
import { saveRecord } from '../../records/save-record';
import { Employee } from '../employee/employee.entity';
import { employeeLockKey } from '../employee/employee.writes';
import { employeeByRef } from '../employee/employee.service';
import { completionOf } from './training.service';
import { TrainingRecord } from './training-record.entity';

@InputType({ description: 'A completed course (its JP count toward the 20 JP of the year).' })
export class RecordTrainingInput {
  @Field(() => String, { nullable: true, description: 'NIP.' }) nip?: string | null;
  @Field(() => String, { nullable: true, description: 'PPPK number.' }) pppkNumber?: string | null;
  @Field(() => String, { description: 'Course code.' }) course!: string;
  @Field(() => DateResolver, { description: 'Completion date (not in the future).' })
  completedOn!: Date;
  @Field(() => Int, { nullable: true, description: 'JP earned; default: the course’s hours.' })
  hours?: number | null;
}

@ObjectType({ description: 'Result of recording a training.' })
export class RecordTrainingPayload {
  @Field(() => TrainingRecord, { nullable: true, description: 'The training record.' })
  trainingRecord!: TrainingRecord | null;

  @Field(() => Employee, { nullable: true, description: 'The employee.' })
  employee!: Employee | null;

  @Field(() => [UserError], { description: 'Empty when it was recorded.' })
  userErrors!: UserError[];
}

@Resolver()
export class TrainingMutationResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => RecordTrainingPayload, {
    nullable: true,
    description: 'Records a completed course; the same course on the same day updates the JP.',
  })
  async recordTraining(
    @Arg('input', () => RecordTrainingInput, { description: 'What to change.' })
    input: RecordTrainingInput,
    @Ctx() ctx: Context,
  ) {
    const key = `${input.nip ?? input.pppkNumber ?? ''} ${input.course} ${input.completedOn.toISOString().slice(0, 10)}`;
    const userErrors = await saveRecord(ctx, 'trainings', input, {
      action: 'recordTraining',
      key,
      lockKey: employeeLockKey(input.nip ?? input.pppkNumber ?? ''),
    });
    if (userErrors.length > 0) return { userErrors, trainingRecord: null, employee: null };
    const employee = await employeeByRef(ctx, input);
    const trainingRecord = await completionOf(ctx, employee!.id, input.course, input.completedOn);
    return { userErrors, trainingRecord, employee };
  }
}
