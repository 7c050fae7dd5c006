import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../platform/auth/auth.types';
import type { Context } from '../../platform/graphql/context';
import { Employee } from '../employee/employee.entity';
import { EmployeePayload } from '../employee/employee.mutations';
import { Position } from '../position/position.entity';
import { PositionPayload } from '../position/position.mutations';
import { SuccessionNominee, SuccessionPlan } from './succession-plan.entity';
import {
  ApproveSuccessionInput,
  CalibrateTalentBoxInput,
  NominateSuccessorInput,
} from './talent-review.inputs';
import {
  approveSuccession,
  calibrateTalentBox,
  nominateSuccessor,
  plansOf,
  successorsOf,
} from './talent-review.service';

/** The talent committee's acts: calibrating boxes and deciding succession plans. */
@Resolver()
export class TalentReviewMutationResolver {
  @Authorized(Role.COMMITTEE)
  @Mutation(() => EmployeePayload, {
    nullable: true,
    description:
      'Calibrates an employee’s talent box for a year, with a reason (COMMITTEE of the employee’s agency); a later calibration supersedes it.',
  })
  calibrateTalentBox(
    @Arg('input', () => CalibrateTalentBoxInput, { description: 'The calibration.' })
    input: CalibrateTalentBoxInput,
    @Ctx() ctx: Context,
  ) {
    return calibrateTalentBox(ctx, input);
  }

  @Authorized(Role.COMMITTEE)
  @Mutation(() => PositionPayload, {
    nullable: true,
    description:
      'Nominates a successor into the draft succession plan of a key position (COMMITTEE of its agency); after an approval it opens the next version.',
  })
  nominateSuccessor(
    @Arg('input', () => NominateSuccessorInput, { description: 'The successor.' })
    input: NominateSuccessorInput,
    @Ctx() ctx: Context,
  ) {
    return nominateSuccessor(ctx, input);
  }

  @Authorized(Role.COMMITTEE)
  @Mutation(() => PositionPayload, {
    nullable: true,
    description:
      'Approves the draft succession plan of a key position as a whole (COMMITTEE of its agency).',
  })
  approveSuccession(
    @Arg('input', () => ApproveSuccessionInput, { description: 'The position.' })
    input: ApproveSuccessionInput,
    @Ctx() ctx: Context,
  ) {
    return approveSuccession(ctx, input);
  }
}

@Resolver(() => Position)
export class PositionSuccessionResolver {
  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @FieldResolver(() => SuccessionPlan, {
    nullable: true,
    description:
      'The current succession plan of a key position: the open draft, else the latest approved version; null when none was started.',
  })
  async successionPlan(@Root() position: Position, @Ctx() ctx: Context) {
    return (await plansOf(ctx, position.id))[0] ?? null;
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @FieldResolver(() => [SuccessionPlan], {
    nullable: true,
    description: 'Every version of the position’s succession plan, newest first (its history).',
  })
  successionPlans(@Root() position: Position, @Ctx() ctx: Context) {
    return plansOf(ctx, position.id);
  }
}

@Resolver(() => SuccessionPlan)
export class SuccessionPlanResolver {
  @FieldResolver(() => [SuccessionNominee], {
    description: 'The nominated successors, in nomination order.',
  })
  successors(@Root() plan: SuccessionPlan, @Ctx() ctx: Context) {
    return successorsOf(ctx, plan.id);
  }
}

@Resolver(() => SuccessionNominee)
export class SuccessionNomineeResolver {
  @FieldResolver(() => Employee, {
    nullable: true,
    description: 'The successor (null when the viewer may not see them).',
  })
  employee(@Root() nominee: SuccessionNominee, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(nominee.employee.id);
  }
}
