import { Entity, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Selection } from './selection.entity';
import { SelectionStage } from './selection-stage.entity';

/**
 * A score the committee entered for a candidate at a stage. Scores are appended, never edited or
 * deleted (a trigger refuses it): a correction is a new score that supersedes the candidate's
 * earlier one at that stage. Each carries a keyed MAC chained to the score recorded before it
 * (see `selection.record.ts`).
 */
@Entity({ tableName: 'selection_stage_score' })
@Index({ properties: ['selection', 'id'] })
export class SelectionStageScore {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Selection)
  selection!: Selection;

  @ManyToOne(() => SelectionStage)
  stage!: SelectionStage;

  /** The candidate (one of the frozen ranking). */
  @Property({ type: 'integer' })
  employeeId!: number;

  @Property({ type: 'double' })
  score!: number;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt!: Date;

  /** Token subject of who entered it. */
  @Property({ type: 'string', length: 200 })
  recordedBy!: string;

  /** The candidate's score at this stage before this one, which this one replaces. */
  @OneToOne(() => SelectionStageScore, { nullable: true, owner: true })
  supersedes?: SelectionStageScore | null;

  /** HMAC-SHA256 (hex): see `scoreMacOf`. */
  @Property({ type: 'string', length: 64 })
  mac!: string;
}
