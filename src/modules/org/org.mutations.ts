import { Role } from '../../platform/auth/auth.types';
import { Arg, Ctx, Field, InputType, Mutation, Resolver, Authorized } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { payloadType } from '../../shared/user-error';
import { saveCoded, type CodedKind } from '../../records/save-record';
import { Agency } from './agency.entity';
import { AgencyKind } from '../../domain/org.enums';
import { OrgUnit } from './org-unit.entity';

@InputType({ description: 'A new agency.' })
export class CreateAgencyInput {
  @Field(() => String, { description: 'Natural key, e.g. `PROV-MALUKU`.' }) code!: string;
  @Field(() => String, { description: 'Official name.' }) name!: string;
  @Field(() => AgencyKind, { description: 'Kind of agency.' }) kind!: AgencyKind;
}

@InputType({ description: 'Changes to an agency; fields left out keep their value.' })
export class UpdateAgencyInput {
  @Field(() => String, { description: 'The agency to change.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'New name.' }) name?: string;
  @Field(() => AgencyKind, { nullable: true, description: 'New kind.' }) kind?: AgencyKind;
}

@InputType({ description: 'A new org unit.' })
export class CreateOrgUnitInput {
  @Field(() => String, { description: 'Natural key.' }) code!: string;
  @Field(() => String, { description: 'Agency code.' }) agency!: string;
  @Field(() => String, { description: 'Name of the unit.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Code of the parent unit (same agency).' })
  parent?: string | null;
}

@InputType({
  description:
    'Changes to an org unit; fields left out keep their value, `parent: null` makes it top-level.',
})
export class UpdateOrgUnitInput {
  @Field(() => String, { description: 'The unit to change.' }) code!: string;
  @Field(() => String, { nullable: true, description: 'Agency code.' }) agency?: string;
  @Field(() => String, { nullable: true, description: 'New name.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'Code of the parent unit.' }) parent?:
    string | null;
}

export const AgencyPayload = payloadType(
  'AgencyPayload',
  'agency',
  Agency,
  'Result of an agency mutation.',
);

export const OrgUnitPayload = payloadType(
  'OrgUnitPayload',
  'orgUnit',
  OrgUnit,
  'Result of an org unit mutation.',
);

const AGENCY: CodedKind<Agency, 'agency'> = {
  section: 'agencies',
  entity: Agency,
  field: 'agency',
  noun: 'Agency',
};
const ORG_UNIT: CodedKind<OrgUnit, 'orgUnit'> = {
  section: 'orgUnits',
  entity: OrgUnit,
  field: 'orgUnit',
  noun: 'OrgUnit',
};

@Resolver()
export class OrgMutationResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => AgencyPayload, { nullable: true, description: 'Creates an agency.' })
  async createAgency(
    @Arg('input', () => CreateAgencyInput, { description: 'What to change.' })
    input: CreateAgencyInput,
    @Ctx() ctx: Context,
  ) {
    return saveCoded(ctx, AGENCY, input, 'create');
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AgencyPayload, { nullable: true, description: 'Changes an agency.' })
  async updateAgency(
    @Arg('input', () => UpdateAgencyInput, { description: 'What to change.' })
    input: UpdateAgencyInput,
    @Ctx() ctx: Context,
  ) {
    return saveCoded(ctx, AGENCY, input, 'update');
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => OrgUnitPayload, { nullable: true, description: 'Creates an org unit.' })
  async createOrgUnit(
    @Arg('input', () => CreateOrgUnitInput, { description: 'What to change.' })
    input: CreateOrgUnitInput,
    @Ctx() ctx: Context,
  ) {
    return saveCoded(ctx, ORG_UNIT, input, 'create');
  }

  @Authorized(Role.ADMIN, Role.HR)
  @Mutation(() => OrgUnitPayload, {
    nullable: true,
    description: 'Changes an org unit (rename, move in the tree).',
  })
  async updateOrgUnit(
    @Arg('input', () => UpdateOrgUnitInput, { description: 'What to change.' })
    input: UpdateOrgUnitInput,
    @Ctx() ctx: Context,
  ) {
    return saveCoded(ctx, ORG_UNIT, input, 'update');
  }
}
