import { Entity, JsonType, PrimaryKey, Property } from '@mikro-orm/core';
import type { ProfessionalismRules } from '../../domain/professionalism';

/** Weights and sub-scores of the professionalism index for one agency, or the default (`*`). */
@Entity({ tableName: 'professionalism_rules' })
export class ProfessionalismRulesEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  scope!: string;

  @Property({ type: JsonType })
  rules!: ProfessionalismRules;
}
