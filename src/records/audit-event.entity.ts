import { Entity, Index, JsonType, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../shared/node.type';

/** One change: who, when, what, and the record before and after. Append-only (a trigger refuses edits). */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['agency', 'id'] })
@ObjectType({
  implements: Node,
  description: 'An append-only record of one change (mutation or import).',
})
export class AuditEvent extends Node {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => Date, { description: 'When it happened.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date;

  @Field(() => String, { description: 'Role of the caller.' })
  @Property({ type: 'string', length: 20 })
  actorRole!: string;

  @Field(() => String, {
    description: 'Token subject of the caller (a user id or NIP; `cli` for the command line).',
  })
  @Property({ type: 'string', length: 200 })
  actor!: string;

  @Field(() => String, { description: 'The mutation, or `importDataset`.' })
  @Property({ type: 'string', length: 64 })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Dataset section of the record changed.' })
  @Property({ type: 'string', length: 32, nullable: true })
  section?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Natural key of the record changed (code, NIP, …).',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  recordKey?: string | null;

  /** Agency of the record changed, for HR's view of the trail. */
  @Field(() => String, {
    nullable: true,
    description: 'Agency of the record changed, where it has one.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  agency?: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The record before (dataset format); null when new.',
  })
  @Property({ type: JsonType, nullable: true })
  before?: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The record after (dataset format), or an import’s counts.',
  })
  @Property({ type: JsonType, nullable: true })
  after?: unknown;

  @Field(() => String, {
    nullable: true,
    description:
      'Id of the HTTP request that made the change (its `x-request-id` header and log lines); null for the command line.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  requestId?: string | null;
}
