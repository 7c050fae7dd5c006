import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Selection } from './selection.entity';

export enum Decision {
  SHORTLISTED = 'SHORTLISTED',
  SELECTED = 'SELECTED',
  NOT_SELECTED = 'NOT_SELECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(Decision, {
  name: 'Decision',
  description: 'What a committee decided about a candidate of a selection.',
  valuesConfig: {
    SHORTLISTED: { description: 'Kept for the next round.' },
    SELECTED: { description: 'Chosen for the position.' },
    NOT_SELECTED: { description: 'Not chosen.' },
    WITHDRAWN: { description: 'The candidate withdrew (or was withdrawn).' },
  },
});

/**
 * One decision of a committee on one candidate. Decisions are appended, never edited or deleted
 * (a trigger refuses it): a correction is a new decision that supersedes the candidate's earlier
 * one. Each carries a keyed MAC chained to the one before it (see `selection.record.ts`).
 */
@Entity({ tableName: 'selection_decision' })
@Index({ properties: ['selection', 'id'] })
@ObjectType({ description: 'A decision on a candidate of a selection, with its reason.' })
export class SelectionDecision {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Selection)
  selection!: Selection;

  /** The employee decided about (one of the frozen candidates). */
  @Property({ type: 'integer' })
  employeeId!: number;

  @Field(() => Decision, { description: 'The decision.' })
  @Enum({ items: () => Decision })
  decision!: Decision;

  @Field(() => String, { description: 'Why, in the committee’s words.' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => DateTimeResolver, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  decidedAt!: Date;

  @Field(() => String, { description: 'Token subject of who recorded it.' })
  @Property({ type: 'string', length: 200 })
  decidedBy!: string;

  /** The candidate's decision before this one, which this one replaces (null: the first). */
  @OneToOne(() => SelectionDecision, { nullable: true, owner: true })
  supersedes?: SelectionDecision | null;

  /**
   * HMAC-SHA256 (hex) over the selection's fingerprint, this decision and the MAC of the decision
   * recorded before it; null for decisions recorded before MACs were kept.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  mac?: string | null;
}
