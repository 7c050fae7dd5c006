import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import type { Context } from '../../platform/graphql/context';
import { payloadType } from '../../shared/user-error';
import { Role } from '../../platform/auth/auth.types';
import { PersonalFact } from '../../platform/graphql/personal-facts';
import { Course } from '../course/course.entity';
import { Employee } from '../employee/employee.entity';
import { Position } from '../position/position.entity';
import { DevelopmentPlan } from './development-plan.entity';
import {
  createDevelopmentPlan,
  planOnTrack,
  planProgress,
  plansOf,
  unitPlans,
  type PlanCourseProgress,
} from './development.service';

@InputType({ description: 'A development plan to make from the training plan toward a position.' })
export class CreateDevelopmentPlanInput {
  @Field(() => String, { description: 'NIP of the employee.' }) nip!: string;
  @Field(() => String, { description: 'Code of the position the plan leads to.' })
  targetPositionCode!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Development hours (JP) a year to spread the courses over; default 20.',
  })
  yearlyHours?: number | null;
  @Field(() => Int, { nullable: true, description: 'The first year; default this year.' })
  startYear?: number | null;
}

export const DevelopmentPlanPayload = payloadType(
  'DevelopmentPlanPayload',
  'developmentPlan',
  DevelopmentPlan,
  'Result of making a development plan.',
);

@ObjectType({
  description: 'A course of a development plan: when it is due, and whether it is done.',
})
export class DevelopmentCourse {
  courseId!: number;
  @Field(() => Int, { description: 'The year it is to be taken.' }) targetYear!: number;
  @Field(() => DateResolver, {
    nullable: true,
    description: 'When it was completed; null if not yet.',
  })
  completedOn!: string | null;
}

@ObjectType({ description: 'The development plans of a unit, with how many are on track.' })
export class DevelopmentPlanSummary {
  @Field(() => Int, { description: 'Plans of the unit’s people.' }) total!: number;
  @Field(() => Int, { description: 'Of them, on track this year.' }) onTrack!: number;
  @Field(() => [DevelopmentPlan], { description: 'The plans, latest first.' })
  plans!: DevelopmentPlan[];
}

@Resolver(() => DevelopmentPlan)
export class DevelopmentPlanResolver {
  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => DevelopmentPlanPayload, {
    nullable: true,
    description:
      'Makes an employee’s development plan from the training plan toward a position: each course with a target year, prerequisites first, within the yearly hours.',
  })
  createDevelopmentPlan(
    @Arg('input', () => CreateDevelopmentPlanInput, { description: 'The plan to make.' })
    input: CreateDevelopmentPlanInput,
    @Ctx() ctx: Context,
  ) {
    return createDevelopmentPlan(ctx, input);
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Query(() => DevelopmentPlanSummary, {
    nullable: true,
    description: 'The development plans of an org unit’s people, with how many are on track.',
  })
  developmentPlans(
    @Arg('orgUnitCode', () => String, { description: 'The org unit.' }) orgUnitCode: string,
    @Arg('includeSubunits', () => Boolean, {
      defaultValue: true,
      description: 'Include the units below it.',
    })
    includeSubunits: boolean,
    @Ctx() ctx: Context,
  ) {
    return unitPlans(ctx, orgUnitCode, includeSubunits);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Whose plan it is.' })
  employee(@Root() plan: DevelopmentPlan, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(plan.employee.id);
  }

  @FieldResolver(() => Position, { nullable: true, description: 'The position it leads to.' })
  targetPosition(@Root() plan: DevelopmentPlan, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Position).load(plan.targetPosition.id);
  }

  @FieldResolver(() => [DevelopmentCourse], {
    description:
      'The courses in plan order (prerequisites first), each with its year and progress.',
  })
  courses(@Root() plan: DevelopmentPlan, @Ctx() ctx: Context) {
    return planProgress(ctx, plan.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Every course due in an earlier year is completed.',
  })
  onTrack(@Root() plan: DevelopmentPlan, @Ctx() ctx: Context) {
    return planOnTrack(ctx, plan);
  }
}

@Resolver(() => DevelopmentCourse)
export class DevelopmentCourseResolver {
  @FieldResolver(() => Course, { description: 'The course.' })
  course(@Root() course: PlanCourseProgress, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Course).load(course.courseId);
  }
}

@Resolver(() => Employee)
export class EmployeeDevelopmentResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE, Role.EMPLOYEE)
  @PersonalFact()
  @FieldResolver(() => [DevelopmentPlan], {
    nullable: true,
    description: 'Development plans, latest first.',
  })
  developmentPlans(@Root() employee: Employee, @Ctx() ctx: Context) {
    return plansOf(ctx, employee);
  }
}
