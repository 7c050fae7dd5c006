import { Check, Entity, ManyToOne } from '@mikro-orm/core';
import { Course } from './course.entity';

/** `course` may be taken only after `prerequisite` (an edge of an acyclic graph). */
@Entity({ tableName: 'course_prerequisite' })
@Check({ name: 'course_prerequisite_not_self', expression: 'course_id <> prerequisite_id' })
export class CoursePrerequisite {
  @ManyToOne(() => Course, { primary: true, deleteRule: 'cascade' })
  course!: Course;

  @ManyToOne(() => Course, { primary: true, deleteRule: 'restrict', index: true })
  prerequisite!: Course;
}
