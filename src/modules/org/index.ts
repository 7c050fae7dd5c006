import type { Feature } from '../../platform/http/feature';
import { AgencyResolver, OrgUnitResolver } from './org.resolver';
import { OrgMutationResolver } from './org.mutations';
import { Agency } from './agency.entity';
import { AgencyLogo } from './agency-logo.entity';
import { LetterheadResolver } from './letterhead.resolver';
import { OrgUnit } from './org-unit.entity';

/** Agencies (instansi) and their org units (OPD and below). */
export const orgFeature: Feature = {
  name: 'org',
  resolvers: [AgencyResolver, OrgUnitResolver, OrgMutationResolver, LetterheadResolver],
  entities: [Agency, OrgUnit, AgencyLogo],
  leanEntities: [OrgUnit, Agency],
  companions: new Map([[OrgUnit, [{ relation: 'agency', entity: Agency }]]]),
  cost: {
    lists: {
      'OrgUnit.children': 30,
    },
  },
};
