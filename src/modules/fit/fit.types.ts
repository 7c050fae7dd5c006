import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { connectionType } from '../../shared/pagination';
import type { ScoringPolicy } from '../../domain/fit.policy';
import type {
  CandidateSpec,
  ConditionResult,
  FitResult,
  PositionSpec,
  TermResult,
} from '../../domain/fit.scoring';
import type { TrainingPlanResult } from '../../domain/training-plan';

export enum JpmScale {
  OPTIMAL = 'OPTIMAL',
  ELIGIBILITY = 'ELIGIBILITY',
}
registerEnumType(JpmScale, {
  name: 'JpmScale',
  description: 'Which category scale a JPM is read on.',
  valuesConfig: {
    OPTIMAL: {
      description:
        'Peraturan BRIN 3/2023: OPTIMAL ≥ 90, CUKUP_OPTIMAL ≥ 78, KURANG_OPTIMAL below (default).',
    },
    ELIGIBILITY: {
      description:
        'Functional competency tests: MEMENUHI_SYARAT ≥ 80, MASIH_MEMENUHI_SYARAT ≥ 68, KURANG_MEMENUHI_SYARAT below.',
    },
  },
});

export enum JpmCategory {
  OPTIMAL = 'OPTIMAL',
  CUKUP_OPTIMAL = 'CUKUP_OPTIMAL',
  KURANG_OPTIMAL = 'KURANG_OPTIMAL',
  MEMENUHI_SYARAT = 'MEMENUHI_SYARAT',
  MASIH_MEMENUHI_SYARAT = 'MASIH_MEMENUHI_SYARAT',
  KURANG_MEMENUHI_SYARAT = 'KURANG_MEMENUHI_SYARAT',
}
registerEnumType(JpmCategory, {
  name: 'JpmCategory',
  description: 'The band a JPM falls in on the scale used (half-open bands).',
  valuesConfig: {
    OPTIMAL: { description: 'OPTIMAL scale: JPM of at least 90.' },
    CUKUP_OPTIMAL: { description: 'OPTIMAL scale: at least 78 and below 90.' },
    KURANG_OPTIMAL: { description: 'OPTIMAL scale: below 78.' },
    MEMENUHI_SYARAT: { description: 'ELIGIBILITY scale: at least 80.' },
    MASIH_MEMENUHI_SYARAT: { description: 'ELIGIBILITY scale: at least 68 and below 80.' },
    KURANG_MEMENUHI_SYARAT: { description: 'ELIGIBILITY scale: below 68.' },
  },
});

export enum ConditionCode {
  RANK_TOO_LOW = 'RANK_TOO_LOW',
  EDUCATION_TOO_LOW = 'EDUCATION_TOO_LOW',
  MISSING_REQUIRED_COURSE = 'MISSING_REQUIRED_COURSE',
  TOO_FEW_YEARS_OF_SERVICE = 'TOO_FEW_YEARS_OF_SERVICE',
  PERFORMANCE_TOO_LOW = 'PERFORMANCE_TOO_LOW',
  ASSESSMENT_STALE = 'ASSESSMENT_STALE',
  NOT_ASSESSED = 'NOT_ASSESSED',
  NEAR_RETIREMENT = 'NEAR_RETIREMENT',
  DISCIPLINE = 'DISCIPLINE',
}
registerEnumType(ConditionCode, {
  name: 'ConditionCode',
  description: 'A hard requirement of a position that a candidate does not meet.',
  valuesConfig: {
    RANK_TOO_LOW: { description: 'Rank below the minimum (or no PNS rank).' },
    EDUCATION_TOO_LOW: { description: 'Education below the minimum.' },
    MISSING_REQUIRED_COURSE: { description: 'A required course (e.g. PKA) not completed.' },
    TOO_FEW_YEARS_OF_SERVICE: {
      description: 'Fewer years since TMT CPNS than required (or unknown).',
    },
    PERFORMANCE_TOO_LOW: { description: 'A recent year rated below the minimum, or not rated.' },
    ASSESSMENT_STALE: {
      description: 'A required competency was last assessed longer ago than the validity period.',
    },
    NOT_ASSESSED: { description: 'No required competency has ever been assessed.' },
    NEAR_RETIREMENT: { description: 'Within a year of the retirement age of the position.' },
    DISCIPLINE: {
      description:
        'Serving a disciplinary sentence, or sentenced at the position’s discipline level or heavier within its window (PP 94/2021).',
    },
  },
});

export enum Readiness {
  READY_NOW = 'READY_NOW',
  AFTER_TRAINING = 'AFTER_TRAINING',
  NEEDS_ASSESSMENT = 'NEEDS_ASSESSMENT',
  BLOCKED = 'BLOCKED',
}
export enum ReadinessHorizon {
  READY_NOW = 'READY_NOW',
  ONE_TO_TWO_YEARS = 'ONE_TO_TWO_YEARS',
  LATER = 'LATER',
}
registerEnumType(ReadinessHorizon, {
  name: 'ReadinessHorizon',
  description:
    'When a candidate could be ready: now, in 1–2 years, or later (succession planning).',
  valuesConfig: {
    READY_NOW: { description: 'Qualified now.' },
    ONE_TO_TWO_YEARS: {
      description:
        'The training plan fits in two years of the yearly development hours (and any assessment to redo).',
    },
    LATER: {
      description: 'A longer plan, or a condition training cannot change.',
    },
  },
});

registerEnumType(Readiness, {
  name: 'Readiness',
  description: 'How soon a candidate could hold the position.',
  valuesConfig: {
    READY_NOW: { description: 'Qualified now.' },
    AFTER_TRAINING: {
      description:
        'Would qualify after the training plan (which includes missing required courses).',
    },
    NEEDS_ASSESSMENT: {
      description: 'Stale or missing assessments must be redone before a verdict.',
    },
    BLOCKED: {
      description:
        'A condition training cannot fix (rank, education, service, performance, retirement), or gaps no course closes.',
    },
  },
});

@InputType({ description: 'How to score; every field has the default of the domain rules.' })
export class ScoringPolicyInput {
  @Field(() => JpmScale, { nullable: true, description: 'Category scale; default OPTIMAL.' })
  scale?: JpmScale | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Count min(actual, required) per competency; default true.',
  })
  capPerCompetency?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Cap the total at 100; default true.' })
  capTotal?: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Threshold for `qualified`, 0–100; default 78 (OPTIMAL) or 68 (ELIGIBILITY).',
  })
  minJobPersonMatch?: number | null;

  @Field(() => DateResolver, {
    nullable: true,
    description:
      'Evaluate as of this date (levels, staleness, service, retirement); default today.',
  })
  asOf?: Date | string | null;

  @Field(() => Int, { nullable: true, description: 'Years an assessment stays valid; default 3.' })
  validityYears?: number | null;
}

@InputType({ description: 'Which candidates to rank.' })
export class CandidateFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only those who qualify.' })
  qualifiedOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only employees of this agency (code).' })
  agencyCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only employees of this org unit (code) and the units below it.',
  })
  orgUnitCode?: string | null;

  @Field(() => Float, { nullable: true, description: 'Only candidates with at least this JPM.' })
  minJobPersonMatch?: number | null;

  @Field(() => [Readiness], {
    nullable: true,
    description: 'Only candidates with one of these readiness values.',
  })
  readiness?: Readiness[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Leave out the sitting holders of the position (`Fit.incumbent`).',
  })
  excludeIncumbents?: boolean | null;
}

@ObjectType({
  description: 'One required competency of the position against the candidate: a term of the JPM.',
})
export class FitTerm {
  competencyId!: number;

  @Field(() => Int, { description: 'Required level.' }) required!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Current level; null if never assessed (counts 0).',
  })
  actual!: number | null;
  @Field(() => Float, { description: 'Weight of the term.' }) weight!: number;
  @Field(() => Boolean, { description: 'A gap here disqualifies.' }) critical!: boolean;
  @Field(() => Int, { description: 'actual (or 0) − required; negative is lacking.' }) gap!: number;
  @Field(() => Boolean, { description: 'The level comes from a stale assessment.' })
  stale!: boolean;
  @Field(() => DateResolver, { nullable: true, description: 'When the level was assessed.' })
  assessedOn!: string | null;
  @Field(() => Float, {
    description: 'What the term adds to the numerator: weight × counted level.',
  })
  contribution!: number;

  static of(term: TermResult): FitTerm {
    return Object.assign(new FitTerm(), term);
  }
}

@ObjectType({ description: 'A competency where the candidate is below the requirement.' })
export class Gap {
  competencyId!: number;

  @Field(() => Int, { description: 'Required level.' }) required!: number;
  @Field(() => Int, { nullable: true, description: 'Current level; null if never assessed.' })
  actual!: number | null;
  @Field(() => Int, { description: 'Negative: actual (or 0) − required.' }) gap!: number;
  @Field(() => Boolean, { description: 'A critical requirement.' }) critical!: boolean;

  static of(term: TermResult): Gap {
    return Object.assign(new Gap(), {
      competencyId: term.competencyId,
      required: term.required,
      actual: term.actual,
      gap: term.gap,
      critical: term.critical,
    });
  }
}

@ObjectType({
  description: 'A hard requirement not met, with what it asks and what the person has.',
})
export class UnmetCondition {
  @Field(() => ConditionCode, { description: 'Which requirement.' }) code!: ConditionCode;
  @Field(() => String, { description: 'The reason in words.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'What the position requires.' }) required!:
    string | null;
  @Field(() => String, { nullable: true, description: 'What the candidate has.' }) actual!:
    string | null;

  static of(condition: ConditionResult): UnmetCondition {
    return Object.assign(new UnmetCondition(), condition);
  }
}

export enum PlanReason {
  REQUIRED_COURSE = 'REQUIRED_COURSE',
  CLOSES_GAP = 'CLOSES_GAP',
  RAISES_LEVEL = 'RAISES_LEVEL',
  PREREQUISITE = 'PREREQUISITE',
}
registerEnumType(PlanReason, {
  name: 'PlanReason',
  description: 'Why a course is in a training plan (the first that holds, in this order).',
  valuesConfig: {
    REQUIRED_COURSE: { description: 'The position requires it to have been held.' },
    CLOSES_GAP: { description: 'A gap competency reaches its required level with it.' },
    RAISES_LEVEL: {
      description: 'It raises a gap competency on the way to a later course that closes the gap.',
    },
    PREREQUISITE: { description: 'Another planned course needs it first.' },
  },
});

@ObjectType({ description: 'A course in a training plan, with why it is there.' })
export class PlannedCourse {
  courseId!: number;
  closesIds!: number[];
  raisesIds!: number[];
  prerequisiteOfIds!: number[];

  @Field(() => PlanReason, { description: 'The main reason it is in the plan.' })
  reason!: PlanReason;

  @Field(() => Boolean, { description: 'The position requires it to have been held.' })
  required!: boolean;
}

@ObjectType({ description: 'The courses of a plan that are there for one main reason.' })
export class PlanReasonTotal {
  @Field(() => PlanReason, { description: 'The reason.' }) reason!: PlanReason;
  @Field(() => Int, { description: 'Courses.' }) courses!: number;
  @Field(() => Int, { description: 'Their JP.' }) hours!: number;
  @Field(() => Float, { description: 'Their cost in rupiah.' }) cost!: number;
}

@ObjectType({
  description:
    'The courses that close the gaps at the least total JP (ties: least cost, then code).',
})
export class TrainingPlan {
  @Field(() => [PlannedCourse], {
    description: 'Courses in an order that respects prerequisites and entry levels.',
  })
  courses!: PlannedCourse[];

  @Field(() => Int, { description: 'Total JP.' }) totalHours!: number;
  @Field(() => Float, { description: 'Total cost in rupiah.' }) totalCost!: number;
  @Field(() => Boolean, { description: 'Every gap is closed by the plan.' })
  closesAllGaps!: boolean;
  @Field(() => [Gap], { description: 'Gaps no combination of courses can close.' })
  uncoveredGaps!: Gap[];

  @Field(() => [PlanReasonTotal], {
    description:
      'JP and cost by the main reason of each course (required, closes a gap, raises a level, prerequisite); they add up to the totals.',
  })
  byReason!: PlanReasonTotal[];
}

/** One employee against one position: the verdict with everything needed to explain it. */
@ObjectType({
  description: 'How one employee fits one position: JPM, each term, gaps, unmet conditions, plan.',
})
export class Fit {
  employeeId!: number;
  positionId!: number;
  position!: PositionSpec;
  candidate!: CandidateSpec;
  policy!: ScoringPolicy;
  result!: FitResult;
  /** Computed on first use (plan and readiness share it). */
  plan?: Promise<TrainingPlanResult>;
  /** The readiness of a frozen fit (a selection's), as computed when it was frozen. */
  frozenReadiness?: Readiness;

  @Field(() => Float, {
    description: 'Job Person Match, 0–100 under the policy, rounded to 2 decimals.',
  })
  get jobPersonMatch(): number {
    return this.result.jobPersonMatch;
  }

  @Field(() => Float, { description: 'Σ w·actual / Σ w·required × 100 with no cap at all.' })
  get jobPersonMatchUncapped(): number {
    return this.result.jobPersonMatchUncapped;
  }

  @Field(() => Boolean, {
    description:
      'The employee holds this position now (the sitting holder, not a candidate for it).',
  })
  get incumbent(): boolean {
    return this.candidate.positionId === this.positionId;
  }

  @Field(() => Float, { description: 'Gap index (IKK) = 100 − JPM.' })
  get gapIndex(): number {
    return Math.round((100 - this.result.jobPersonMatch) * 100) / 100;
  }

  @Field(() => JpmCategory, { description: 'Band of the JPM on the policy’s scale.' })
  get category(): JpmCategory {
    return this.result.category as JpmCategory;
  }

  @Field(() => Float, { description: 'The threshold `qualified` used.' })
  get threshold(): number {
    return this.result.threshold;
  }

  @Field(() => DateResolver, { description: 'The date the fit was evaluated at.' })
  get asOf(): string {
    return this.policy.asOf;
  }

  @Field(() => [FitTerm], {
    description: 'One term per required competency, in the position’s order.',
  })
  get terms(): FitTerm[] {
    return this.result.terms.map((x) => FitTerm.of(x));
  }

  @Field(() => [Gap], { description: 'Terms with actual < required, largest gap first.' })
  get gaps(): Gap[] {
    return this.result.gaps.map((x) => Gap.of(x));
  }

  @Field(() => [UnmetCondition], { description: 'Hard requirements not met, each with a code.' })
  get unmetConditions(): UnmetCondition[] {
    return this.result.unmetConditions.map((x) => UnmetCondition.of(x));
  }

  @Field(() => Boolean, { description: 'No unmet condition.' })
  get eligible(): boolean {
    return this.result.eligible;
  }

  @Field(() => Boolean, {
    description: 'Eligible, JPM ≥ threshold and no gap on a critical requirement.',
  })
  get qualified(): boolean {
    return this.result.qualified;
  }
}

export const FitConnection = connectionType(Fit);

@InputType({ description: 'A level assumed assessed, for a what-if.' })
export class AssumedLevel {
  @Field(() => String, { description: 'Competency code.' }) competency!: string;
  @Field(() => Int, { description: 'Level 1–5.' }) level!: number;
}

@InputType({
  description:
    'What a what-if assumes of the employee: courses completed and levels assessed as of the policy date. Nothing is written.',
})
export class Assumptions {
  @Field(() => [String], {
    nullable: true,
    description:
      'Codes of courses taken as completed; their outcomes raise levels as the training plan does.',
  })
  trainings?: string[] | null;

  @Field(() => [AssumedLevel], { nullable: true, description: 'Levels taken as assessed.' })
  levels?: AssumedLevel[] | null;
}

@ObjectType('ScoringPolicy', { description: 'The scoring choices a ranking was made with.' })
export class ScoringPolicyType {
  @Field(() => JpmScale, { description: 'Category scale.' }) scale!: JpmScale;
  @Field(() => Boolean, { description: 'Each term capped at its required level.' })
  capPerCompetency!: boolean;
  @Field(() => Boolean, { description: 'The total capped at 100.' }) capTotal!: boolean;
  @Field(() => Float, { description: 'JPM needed to qualify.' }) minJobPersonMatch!: number;
  @Field(() => DateResolver, { description: 'The date everything was evaluated at.' })
  asOf!: string;
  @Field(() => Int, { description: 'Assessments older than this many years were stale.' })
  validityYears!: number;
}
