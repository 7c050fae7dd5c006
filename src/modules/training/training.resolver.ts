import type { FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { PersonalFact, recordSet } from '../../platform/graphql/personal-facts';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { paginate } from '../../platform/db/keyset';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Course } from '../course/course.entity';
import { Employee } from '../employee/employee.entity';
import { TrainingRecord } from './training-record.entity';

export const TrainingRecordConnection = connectionType(TrainingRecord);

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  @PersonalFact()
  @FieldResolver(() => Employee, { nullable: true, description: 'Who completed it.' })
  employee(@Root() record: TrainingRecord, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(record.employee.id);
  }

  @FieldResolver(() => Course, { description: 'The course completed.' })
  course(@Root() record: TrainingRecord, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Course).load(record.course.id);
  }
}

@Resolver(() => Employee)
export class EmployeeTrainingsResolver {
  @PersonalFact()
  @FieldResolver(() => TrainingRecordConnection, {
    nullable: true,
    description: 'Completed courses, latest first.',
  })
  trainings(@Root() employee: Employee, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    const sort = [{ property: 'completedOn', direction: 'DESC' }] as const;
    return paginate(ctx.em, TrainingRecord, { employee: employee.id }, sort, page);
  }
}

@Resolver(() => Course)
export class CourseCompletionsResolver {
  @FieldResolver(() => TrainingRecordConnection, {
    description: 'Who completed the course, latest first.',
  })
  async completions(
    @Root() course: Course,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const sort = [{ property: 'completedOn', direction: 'DESC' }] as const;
    // Only the completions of people the viewer may see.
    const visible = await ctx.access.employeeCondition();
    const where = visible ? { course: course.id, employee: visible } : { course: course.id };
    const completions = await paginate(
      ctx.em,
      TrainingRecord,
      where as FilterQuery<TrainingRecord>,
      sort,
      page,
    );
    // A set of people for the group rule: who completed a rare course is a per-person fact.
    return recordSet(ctx, info, completions.totalCount, completions);
  }
}
