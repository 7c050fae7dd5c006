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
import type { Context } from '../../platform/graphql/context';
import { payloadType } from '../../shared/user-error';
import { TITLE_DEPRECATION, titleFromName } from '../../shared/naming';
import { saveCoded, type CodedKind } from '../../records/save-record';
import { Course } from './course.entity';
import { CourseModality, CourseType } from '../../domain/course.enums';

@InputType({ description: 'A competency a course develops.' })
export class CourseOutcomeInput {
  @Field(() => String, { description: 'Competency code.' }) competency!: string;
  @Field(() => Int, { nullable: true, description: 'Level needed to enter (below `toLevel`).' })
  minLevel?: number | null;
  @Field(() => Int, { description: 'Level reached, 1–5.' }) toLevel!: number;
}

@InputType({ description: 'A new course.' })
export class CreateCourseInput {
  @Field(() => String, { description: 'Natural key.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'Name (required, unless `title` is given).' })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The name, under its old field name.',
    deprecationReason: TITLE_DEPRECATION,
  })
  title?: string | null;
  @Field(() => CourseType, { description: 'Kind of development.' }) type!: CourseType;
  @Field(() => CourseModality, { description: 'Modality.' }) modality!: CourseModality;
  @Field(() => Int, { description: 'Length in JP (> 0).' }) hours!: number;
  @Field(() => Float, { nullable: true, description: 'Cost per participant, rupiah (default 0).' })
  cost?: number;
  @Field(() => String, { description: 'Provider.' }) provider!: string;
  @Field(() => [CourseOutcomeInput], { nullable: true, description: 'What it develops.' })
  outcomes?: CourseOutcomeInput[];
  @Field(() => [String], {
    nullable: true,
    description: 'Codes of courses to complete first (no cycles).',
  })
  prerequisites?: string[];
}

@InputType({ description: 'Changes to a course; lists, when given, replace the stored ones.' })
export class UpdateCourseInput {
  @Field(() => String, { description: 'The course to change.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'New name.' }) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The new name, under its old field name.',
    deprecationReason: TITLE_DEPRECATION,
  })
  title?: string | null;
  @Field(() => CourseType, { nullable: true, description: 'Kind of development.' })
  type?: CourseType;
  @Field(() => CourseModality, { nullable: true, description: 'Modality.' })
  modality?: CourseModality;
  @Field(() => Int, { nullable: true, description: 'Length in JP.' }) hours?: number;
  @Field(() => Float, { nullable: true, description: 'Cost per participant, rupiah.' })
  cost?: number;
  @Field(() => String, { nullable: true, description: 'Provider.' }) provider?: string;
  @Field(() => [CourseOutcomeInput], { nullable: true, description: 'All outcomes.' })
  outcomes?: CourseOutcomeInput[];
  @Field(() => [String], { nullable: true, description: 'All prerequisites (codes).' })
  prerequisites?: string[];
}

export const CoursePayload = payloadType(
  'CoursePayload',
  'course',
  Course,
  'Result of a course mutation.',
);

const COURSE: CodedKind<Course, 'course'> = {
  section: 'courses',
  entity: Course,
  field: 'course',
  noun: 'Course',
};

@Resolver()
export class CourseMutationResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => CoursePayload, {
    nullable: true,
    description: 'Adds a course to the shared catalogue.',
  })
  async createCourse(
    @Arg('input', () => CreateCourseInput, { description: 'What to change.' })
    input: CreateCourseInput,
    @Ctx() ctx: Context,
  ) {
    const named = titleFromName(input, true);
    if (named.userErrors.length) return { userErrors: named.userErrors, course: null };
    return saveCoded(ctx, COURSE, named.input, 'create');
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CoursePayload, { nullable: true, description: 'Changes a course.' })
  async updateCourse(
    @Arg('input', () => UpdateCourseInput, { description: 'What to change.' })
    input: UpdateCourseInput,
    @Ctx() ctx: Context,
  ) {
    const named = titleFromName(input, false);
    if (named.userErrors.length) return { userErrors: named.userErrors, course: null };
    return saveCoded(ctx, COURSE, named.input, 'update');
  }
}
