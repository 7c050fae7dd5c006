import { Assessment } from '../modules/assessment/assessment.entity';
import { AuditEvent } from '../records/audit-event.entity';
import { AssessmentResult } from '../modules/assessment/assessment-result.entity';
import { Competency } from '../modules/competency/competency.entity';
import { CompetencyLevel } from '../modules/competency/competency-level.entity';
import { Course } from '../modules/course/course.entity';
import { CourseOutcome } from '../modules/course/course-outcome.entity';
import { CoursePrerequisite } from '../modules/course/course-prerequisite.entity';
import { Employee } from '../modules/employee/employee.entity';
import { PerformanceRecord } from '../modules/employee/performance-record.entity';
import { Agency } from '../modules/org/agency.entity';
import { OrgUnit } from '../modules/org/org-unit.entity';
import { Position } from '../modules/position/position.entity';
import { PositionRequiredCourse } from '../modules/position/position-required-course.entity';
import { PositionRequirement } from '../modules/position/position-requirement.entity';
import { EducationLevel } from '../modules/reference/education-level.entity';
import { Rank } from '../modules/reference/rank.entity';
import { Selection } from '../modules/selection/selection.entity';
import {
  DevelopmentPlan,
  DevelopmentPlanCourse,
} from '../modules/development/development-plan.entity';
import { SelectionDecision } from '../modules/selection/selection-decision.entity';
import { ProfessionalismRulesEntity } from '../modules/talent/professionalism-rules.entity';
import { TalentBoxAction } from '../modules/talent/talent-box-action.entity';
import { TalentPolicy } from '../modules/talent/talent-policy.entity';
import { TrainingRecord } from '../modules/training/training-record.entity';

/** Every entity of the domain graph, for the ORM's discovery. */
export const ENTITIES = [
  Agency,
  OrgUnit,
  Rank,
  EducationLevel,
  Competency,
  CompetencyLevel,
  Course,
  CourseOutcome,
  CoursePrerequisite,
  Position,
  PositionRequirement,
  PositionRequiredCourse,
  Employee,
  PerformanceRecord,
  Assessment,
  AssessmentResult,
  TrainingRecord,
  TalentPolicy,
  TalentBoxAction,
  ProfessionalismRulesEntity,
  AuditEvent,
  Selection,
  SelectionDecision,
  DevelopmentPlan,
  DevelopmentPlanCourse,
];
