import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { connectionType, PageArgs } from '../../shared/pagination';
import { payloadType } from '../../shared/user-error';
import { Role } from '../../platform/auth/auth.types';
import { Employee } from '../employee/employee.entity';
import { FitConnection, ScoringPolicyInput, ScoringPolicyType } from '../fit/fit.types';
import { Position } from '../position/position.entity';
import { Decision, SelectionDecision } from './selection-decision.entity';
import { Selection } from './selection.entity';
import {
  closeSelection,
  currentDecisions,
  decisionsOf,
  frozenCandidates,
  listSelections,
  openSelection,
  recordDecision,
  selectionById,
  setSelectionMembers,
  verified,
} from './selection.service';
import { SelectionMember, SelectionMemberInput } from './selection-member.type';
import { signingOrder } from '../../domain/committee';

@InputType({ description: 'A selection to open for a position: its ranking is frozen now.' })
export class OpenSelectionInput {
  @Field(() => String, { description: 'Code of the position.' }) positionCode!: string;
  @Field(() => ScoringPolicyInput, { nullable: true, description: 'Scoring choices.' })
  policy?: ScoringPolicyInput | null;
  @Field(() => String, {
    nullable: true,
    description: 'The committee’s note (at most 2,000 characters).',
  })
  note?: string | null;
  @Field(() => [SelectionMemberInput], {
    nullable: true,
    description:
      'The committee’s members, if known now (or later by `setSelectionMembers`): an odd number from 3 to 15, one CHAIR, at most one SECRETARY.',
  })
  members?: SelectionMemberInput[] | null;
}

@InputType({ description: 'The members of the committee of an open selection.' })
export class SetSelectionMembersInput {
  @Field(() => ID, { description: 'The selection (open).' }) selectionId!: string;
  @Field(() => [SelectionMemberInput], {
    description:
      'Every member, replacing any recorded before: an odd number from 3 to 15, one CHAIR, at most one SECRETARY, valid distinct NIPs.',
  })
  members!: SelectionMemberInput[];
}

@InputType({
  description:
    'A decision on a candidate of an open selection, named by `nip` or by `employee` (exactly one).',
})
export class RecordDecisionInput {
  @Field(() => ID, { description: 'The selection.' }) selectionId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'NIP of a candidate of the selection (or give `employee`).',
  })
  nip?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Global ID of a candidate of the selection (or give `nip`): how a PPPK candidate, who has no NIP, is named.',
  })
  employee?: string | null;
  @Field(() => Decision, { description: 'The decision.' }) decision!: Decision;
  @Field(() => String, { description: 'Why (required, at most 2,000 characters).' })
  reason!: string;
}

@InputType({ description: 'A selection to close.' })
export class CloseSelectionInput {
  @Field(() => ID, { description: 'The selection.' }) selectionId!: string;
}

export const SelectionPayload = payloadType(
  'SelectionPayload',
  'selection',
  Selection,
  'Result of a selection mutation.',
);
export const SelectionConnection = connectionType(Selection);

@Resolver(() => Selection)
export class SelectionResolver {
  @Authorized(Role.COMMITTEE)
  @Mutation(() => SelectionPayload, {
    nullable: true,
    description:
      'Opens a selection for a position of the committee’s agency, freezing the first 100 of its ranking.',
  })
  openSelection(
    @Arg('input', () => OpenSelectionInput, { description: 'What to open.' })
    input: OpenSelectionInput,
    @Ctx() ctx: Context,
  ) {
    return openSelection(ctx, input);
  }

  @Authorized(Role.COMMITTEE)
  @Mutation(() => SelectionPayload, {
    nullable: true,
    description: 'Records a decision, with its reason, on a candidate of an open selection.',
  })
  recordDecision(
    @Arg('input', () => RecordDecisionInput, { description: 'The decision.' })
    input: RecordDecisionInput,
    @Ctx() ctx: Context,
  ) {
    return recordDecision(ctx, input);
  }

  @Authorized(Role.COMMITTEE)
  @Mutation(() => SelectionPayload, {
    nullable: true,
    description:
      'Records the members of the committee of an open selection (who sign its berita acara), replacing those recorded before; sealed with the selection.',
  })
  setSelectionMembers(
    @Arg('input', () => SetSelectionMembersInput, { description: 'The selection and its members.' })
    input: SetSelectionMembersInput,
    @Ctx() ctx: Context,
  ) {
    return setSelectionMembers(ctx, input);
  }

  @Authorized(Role.COMMITTEE)
  @Mutation(() => SelectionPayload, {
    nullable: true,
    description: 'Closes a selection: after this, nothing about it changes.',
  })
  closeSelection(
    @Arg('input', () => CloseSelectionInput, { description: 'The selection.' })
    input: CloseSelectionInput,
    @Ctx() ctx: Context,
  ) {
    return closeSelection(ctx, input);
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => Selection, { nullable: true, description: 'A selection by its ID.' })
  selection(
    @Arg('id', () => ID, { description: 'Its global ID.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return selectionById(ctx, id);
  }

  @Authorized(Role.ADMIN, Role.HR, Role.COMMITTEE)
  @Query(() => SelectionConnection, {
    nullable: true,
    description: 'Selections, latest first (HR and COMMITTEE: their agency’s).',
  })
  selections(
    @Arg('positionCode', () => String, { nullable: true, description: 'Only this position’s.' })
    positionCode: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listSelections(ctx, positionCode, page);
  }

  @FieldResolver(() => Position, { description: 'The position.' })
  position(@Root() selection: Selection, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Position).load(selection.position.id);
  }

  @FieldResolver(() => [SelectionMember], {
    description:
      'The committee’s members as recorded, in signing order (chair, secretary, members); empty until recorded.',
  })
  members(@Root() selection: Selection): SelectionMember[] {
    return signingOrder(selection.members ?? []);
  }

  @FieldResolver(() => ScoringPolicyType, { description: 'The policy the ranking was made with.' })
  policy(@Root() selection: Selection) {
    return selection.snapshot.policy;
  }

  @FieldResolver(() => Boolean, {
    description:
      'The stored record is as it was written, checked now under the server’s selection key: the snapshot gives `fingerprint`, every decision (superseded ones too) carries its MAC chained to the one before, and a closed selection’s closing MAC covers `closedAt` and its decisions. Under `fingerprintScheme: SHA256` only the snapshot’s plain hash is checked.',
  })
  verified(@Root() selection: Selection, @Ctx() ctx: Context) {
    return verified(ctx, selection);
  }

  @FieldResolver(() => FitConnection, {
    description: 'The ranking frozen at opening, best first, whatever has changed since.',
  })
  candidates(@Root() selection: Selection, @Args(() => PageArgs) page: PageArgs) {
    return frozenCandidates(selection, page);
  }

  @FieldResolver(() => [SelectionDecision], {
    description:
      'The decisions in force (each candidate’s latest), in the order taken; with `history: true`, every decision recorded, superseded ones included.',
  })
  async decisions(
    @Root() selection: Selection,
    @Arg('history', () => Boolean, {
      defaultValue: false,
      description: 'Include the decisions later ones superseded.',
    })
    history: boolean,
    @Ctx() ctx: Context,
  ) {
    const all = await decisionsOf(ctx, selection);
    return history ? all : currentDecisions(all);
  }
}

@Resolver(() => SelectionDecision)
export class SelectionDecisionResolver {
  @FieldResolver(() => Employee, { nullable: true, description: 'The candidate decided about.' })
  employee(@Root() decision: SelectionDecision, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Employee).load(decision.employeeId);
  }

  @FieldResolver(() => SelectionDecision, {
    nullable: true,
    description:
      'The candidate’s earlier decision that this one corrects or replaces (kept, never edited); null for the first.',
  })
  async supersedes(@Root() decision: SelectionDecision, @Ctx() ctx: Context) {
    const id = decision.supersedes?.id;
    if (id == null) return null;
    const all = await ctx.loaders
      .childrenOf(SelectionDecision, 'selection', { id: 'ASC' })
      .load(decision.selection.id);
    return all.find((d) => d.id === id) ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether this is the candidate’s decision in force (no later one supersedes it).',
  })
  async current(@Root() decision: SelectionDecision, @Ctx() ctx: Context) {
    const all = await ctx.loaders
      .childrenOf(SelectionDecision, 'selection', { id: 'ASC' })
      .load(decision.selection.id);
    return currentDecisions(all).some((d) => d.id === decision.id);
  }
}
