import { Entity, ManyToOne } from '@mikro-orm/core';
import { Course } from '../course/course.entity';
import { Position } from './position.entity';

/** A course the holder of a position must have completed (e.g. PKA for Administrator). */
@Entity({ tableName: 'position_required_course' })
export class PositionRequiredCourse {
  @ManyToOne(() => Position, { primary: true, deleteRule: 'cascade' })
  position!: Position;

  @ManyToOne(() => Course, { primary: true, deleteRule: 'restrict', index: true })
  course!: Course;
}
