import { Entity, Enum, Index, JsonType, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Node } from '../../shared/node.type';
import { Position } from '../position/position.entity';
import { FingerprintScheme } from './selection.record';
import type { FrozenSelection } from './selection.snapshot';
import type { StoredMember } from './selection-member.type';

/**
 * A committee's selection for a position: the ranking frozen when it was opened (every
 * candidate's result, plan and readiness with the inputs they came from), a fingerprint of it,
 * and the decisions taken on it until it is closed.
 */
@Entity({ tableName: 'selection' })
@Index({ properties: ['agency', 'id'] })
@ObjectType({
  implements: Node,
  description:
    'A committee selection: the ranking of a position frozen at opening, its decisions, and a fingerprint that shows it was not changed.',
})
export class Selection extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Position)
  position!: Position;

  /** Agency of the position, for who may see and decide. */
  @Field(() => String, { description: 'Agency of the position.' })
  @Property({ type: 'string', length: 64 })
  agency!: string;

  @Field(() => String, { nullable: true, description: 'The committee’s note when opening.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => DateTimeResolver, { description: 'When it was opened (and the ranking frozen).' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  openedAt!: Date;

  @Field(() => String, { description: 'Token subject of who opened it.' })
  @Property({ type: 'string', length: 200 })
  openedBy!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When it was closed; null while open.',
  })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  /** The frozen ranking and its inputs (see `FrozenSelection`). */
  @Property({ type: JsonType })
  snapshot!: FrozenSelection;

  @Field(() => String, {
    description:
      'HMAC-SHA256 (hex), under the server’s selection key, of the canonical form of the frozen inputs and results (plain SHA-256 for selections opened before keyed fingerprints: see `fingerprintScheme`).',
  })
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Field(() => FingerprintScheme, { description: 'How `fingerprint` was made.' })
  @Enum({ items: () => FingerprintScheme })
  fingerprintScheme!: FingerprintScheme;

  /** The committee's members as recorded (name, NIP, role); null until set. */
  @Property({ type: JsonType, nullable: true })
  members?: StoredMember[] | null;

  /** HMAC-SHA256 (hex) over the fingerprint and the members (`membersMacOf`); null without members. */
  @Property({ type: 'string', length: 64, nullable: true })
  membersMac?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Number of its berita acara, given at closing by the agency’s `numberFormat` and its sequence of the year; null while open.',
  })
  @Property({ type: 'string', length: 120, nullable: true })
  number?: string | null;

  /** HMAC-SHA256 (hex) over the fingerprint, `closedAt` and the decisions at closing; null while open. */
  @Property({ type: 'string', length: 64, nullable: true })
  closeMac?: string | null;
}
