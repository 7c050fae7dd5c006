import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123110919_initial } from './Migration20261123110919_initial';
import { Migration20261123110920_reference_data } from './Migration20261123110920_reference_data';
import { Migration20261123114858_talent } from './Migration20261123114858_talent';
import { Migration20261123114859_talent_defaults } from './Migration20261123114859_talent_defaults';
import { Migration20261123120304_audit } from './Migration20261123120304_audit';
import { Migration20261123120305_audit_append_only } from './Migration20261123120305_audit_append_only';
import { Migration20261123160000_employee_change } from './Migration20261123160000_employee_change';
import { Migration20261123170000_employee_name_index } from './Migration20261123170000_employee_name_index';
import { Migration20261129214919_selections } from './Migration20261129214919_selections';
import { Migration20261129215722_development_plans } from './Migration20261129215722_development_plans';
import { Migration20261130020000_audit_request_id } from './Migration20261130020000_audit_request_id';
import { Migration20261130050000_position_seniority } from './Migration20261130050000_position_seniority';
import { Migration20261201090000_cost_budget } from './Migration20261201090000_cost_budget';
import { Migration20261207122543_selection_record } from './Migration20261207122543_selection_record';
import { Migration20261207180100_selection_stages } from './Migration20261207180100_selection_stages';
import { Migration20261207180200_discipline } from './Migration20261207180200_discipline';
import { Migration20261207180300_talent_review } from './Migration20261207180300_talent_review';
import { Migration20261207180400_berita_acara } from './Migration20261207180400_berita_acara';
import { Migration20261207233000_unit_change } from './Migration20261207233000_unit_change';

/** Every migration in order; `npm run migration:create` appends new ones here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123110919_initial', class: Migration20261123110919_initial },
  { name: 'Migration20261123110920_reference_data', class: Migration20261123110920_reference_data },
  { name: 'Migration20261123114858_talent', class: Migration20261123114858_talent },
  { name: 'Migration20261123114859_talent_defaults', class: Migration20261123114859_talent_defaults },
  { name: 'Migration20261123120304_audit', class: Migration20261123120304_audit },
  { name: 'Migration20261123120305_audit_append_only', class: Migration20261123120305_audit_append_only },
  { name: 'Migration20261123160000_employee_change', class: Migration20261123160000_employee_change },
  { name: 'Migration20261123170000_employee_name_index', class: Migration20261123170000_employee_name_index },
  { name: 'Migration20261129214919_selections', class: Migration20261129214919_selections },
  { name: 'Migration20261129215722_development_plans', class: Migration20261129215722_development_plans },
  { name: 'Migration20261130020000_audit_request_id', class: Migration20261130020000_audit_request_id },
  { name: 'Migration20261130050000_position_seniority', class: Migration20261130050000_position_seniority },
  { name: 'Migration20261201090000_cost_budget', class: Migration20261201090000_cost_budget },
  { name: 'Migration20261207122543_selection_record', class: Migration20261207122543_selection_record },
  { name: 'Migration20261207180100_selection_stages', class: Migration20261207180100_selection_stages },
  { name: 'Migration20261207180200_discipline', class: Migration20261207180200_discipline },
  { name: 'Migration20261207180300_talent_review', class: Migration20261207180300_talent_review },
  { name: 'Migration20261207180400_berita_acara', class: Migration20261207180400_berita_acara },
  { name: 'Migration20261207233000_unit_change', class: Migration20261207233000_unit_change },
];
