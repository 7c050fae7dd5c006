import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Competency } from '../competency/competency.entity';
import { Course } from './course.entity';
import { CourseFilter, CourseOrder } from './course.inputs';
import { CourseOutcome } from './course-outcome.entity';
import { listCourses, prerequisiteIds } from './course.service';

export const CourseConnection = connectionType(Course);

async function loadCourses(ctx: Context, ids: number[]): Promise<Course[]> {
  const courses = await ctx.loaders.byId(Course).loadMany(ids);
  return courses.filter((c): c is Course => c instanceof Course);
}

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => CourseConnection, { description: 'The shared course catalogue.' })
  courses(
    @Arg('filter', () => CourseFilter, {
      nullable: true,
      description: 'Conditions the items must meet.',
    })
    filter: CourseFilter | null,
    @Arg('orderBy', () => CourseOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: CourseOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listCourses(ctx, filter, orderBy, page);
  }

  @Query(() => Course, { nullable: true, description: 'A course by its code.' })
  course(
    @Arg('code', () => String, { description: 'The natural key (code).' }) code: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.byKey(Course, 'code').load(code);
  }

  @FieldResolver(() => String, {
    description: 'Name, e.g. "Pelatihan Kepemimpinan Administrator".',
  })
  name(@Root() course: Course) {
    return course.title;
  }

  @FieldResolver(() => [CourseOutcome], {
    description: 'The competencies it develops, and to which level.',
  })
  outcomes(@Root() course: Course, @Ctx() ctx: Context) {
    return ctx.loaders
      .childrenOf(CourseOutcome, 'course', { ordinal: 'ASC', id: 'ASC' })
      .load(course.id);
  }

  @FieldResolver(() => [Course], { description: 'Courses to complete before this one, by code.' })
  async prerequisites(@Root() course: Course, @Ctx() ctx: Context) {
    return loadCourses(ctx, await prerequisiteIds(ctx, false).load(course.id));
  }

  @FieldResolver(() => [Course], { description: 'Courses that require this one first, by code.' })
  async requiredFor(@Root() course: Course, @Ctx() ctx: Context) {
    return loadCourses(ctx, await prerequisiteIds(ctx, true).load(course.id));
  }
}

@Resolver(() => CourseOutcome)
export class CourseOutcomeResolver {
  @FieldResolver(() => Competency, { description: 'The competency developed.' })
  competency(@Root() outcome: CourseOutcome, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Competency).load(outcome.competency.id);
  }

  @FieldResolver(() => Course, { description: 'The course.' })
  course(@Root() outcome: CourseOutcome, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Course).load(outcome.course.id);
  }
}

@Resolver(() => Competency)
export class CompetencyCoursesResolver {
  @FieldResolver(() => [CourseOutcome], {
    description: 'Course outcomes that develop this competency (the courses that close its gaps).',
  })
  developedBy(@Root() competency: Competency, @Ctx() ctx: Context) {
    return ctx.loaders
      .childrenOf(CourseOutcome, 'competency', { toLevel: 'DESC', id: 'ASC' })
      .load(competency.id);
  }
}
