import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PositionCategory } from '../../domain/position.enums';
import { StageKind } from './selection.enums';

/**
 * One stage of the template of a position category (data: seeded with the defaults of
 * `src/domain/selection-stages.ts`, changed by ADMIN with `setStageTemplate`). A selection
 * copies its category's stages when it is opened.
 */
@Entity({ tableName: 'stage_template_stage' })
@Unique({ properties: ['category', 'order'] })
export class StageTemplateStage {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Enum({ items: () => PositionCategory })
  category!: PositionCategory;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => StageKind })
  kind!: StageKind;

  @Property({ type: 'double' })
  weight!: number;

  @Property({ type: 'double', nullable: true })
  passMark?: number | null;

  @Property({ type: 'smallint' })
  order!: number;
}
