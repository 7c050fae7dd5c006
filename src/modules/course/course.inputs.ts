import { Field, InputType, registerEnumType } from 'type-graphql';
import { orderInput } from '../../shared/order';
import { CourseModality, CourseType } from '../../domain/course.enums';

export enum CourseOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  TITLE = 'TITLE',
  HOURS = 'HOURS',
  COST = 'COST',
}
registerEnumType(CourseOrderField, {
  name: 'CourseOrderField',
  description: 'Sort key of courses.',
  valuesConfig: {
    CODE: { description: 'By code.' },
    NAME: { description: 'By name.' },
    TITLE: { description: 'By name (the old name of NAME).', deprecationReason: 'Use `NAME`.' },
    HOURS: { description: 'By length in JP.' },
    COST: { description: 'By cost per participant.' },
  },
});
export const CourseOrder = orderInput('Course', CourseOrderField, CourseOrderField.CODE);
export type CourseOrder = InstanceType<typeof CourseOrder>;

@InputType({ description: 'Which courses to list.' })
export class CourseFilter {
  @Field(() => CourseType, { nullable: true, description: 'Only this kind.' })
  type?: CourseType | null;

  @Field(() => CourseModality, { nullable: true, description: 'Only this modality.' })
  modality?: CourseModality | null;

  @Field(() => String, { nullable: true, description: 'Provider contains this text (any case).' })
  provider?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only courses that develop this competency (code).',
  })
  developsCompetency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code or name contains this text (any case).',
  })
  search?: string | null;
}
