import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context';
import { connectionType, PageArgs } from '../../shared/pagination';
import { Agency } from './agency.entity';
import { AgencyFilter, AgencyOrder, OrgUnitFilter, OrgUnitOrder } from './org.inputs';
import { listAgencies, listOrgUnits } from './org.service';
import { OrgUnit } from './org-unit.entity';

export const AgencyConnection = connectionType(Agency);

export const OrgUnitConnection = connectionType(OrgUnit);

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => AgencyConnection, { description: 'Agencies, by code unless ordered otherwise.' })
  agencies(
    @Arg('filter', () => AgencyFilter, {
      nullable: true,
      description: 'Conditions the items must meet.',
    })
    filter: AgencyFilter | null,
    @Arg('orderBy', () => AgencyOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: AgencyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listAgencies(ctx, filter, orderBy, page);
  }

  @Query(() => Agency, { nullable: true, description: 'An agency by its code.' })
  agency(
    @Arg('code', () => String, { description: 'The natural key (code).' }) code: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.byKey(Agency, 'code').load(code);
  }

  @FieldResolver(() => OrgUnitConnection, { description: "The agency's org units." })
  orgUnits(
    @Root() agency: Agency,
    @Arg('filter', () => OrgUnitFilter, {
      nullable: true,
      description: 'Conditions the items must meet.',
    })
    filter: OrgUnitFilter | null,
    @Arg('orderBy', () => OrgUnitOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: OrgUnitOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listOrgUnits(ctx, filter, orderBy, page, { agency: agency.id });
  }
}

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Query(() => OrgUnitConnection, { description: 'Org units, by code unless ordered otherwise.' })
  orgUnits(
    @Arg('filter', () => OrgUnitFilter, {
      nullable: true,
      description: 'Conditions the items must meet.',
    })
    filter: OrgUnitFilter | null,
    @Arg('orderBy', () => OrgUnitOrder, {
      nullable: true,
      description: 'Sort order (ties broken by creation order).',
    })
    orderBy: OrgUnitOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return listOrgUnits(ctx, filter, orderBy, page);
  }

  @Query(() => OrgUnit, { nullable: true, description: 'An org unit by its code.' })
  orgUnit(
    @Arg('code', () => String, { description: 'The natural key (code).' }) code: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.byKey(OrgUnit, 'code').load(code);
  }

  @FieldResolver(() => Agency, { description: 'The agency the unit belongs to.' })
  agency(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Agency).load(unit.agency.id);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The unit above; null at the top.' })
  parent(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return unit.parent ? ctx.loaders.byId(OrgUnit).load(unit.parent.id) : null;
  }

  @FieldResolver(() => [OrgUnit], { description: 'The units directly below, by code.' })
  children(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return ctx.loaders.childrenOf(OrgUnit, 'parent', { code: 'ASC' }).load(unit.id);
  }
}
