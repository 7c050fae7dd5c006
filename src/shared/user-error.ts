import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { DatasetIssue } from '../modules/dataset/dataset.types';
import { UserErrorCode } from './errors';

/** An expected failure of a mutation, returned as data (nothing was changed). */
@ObjectType({ description: 'Why a mutation input was rejected; the mutation changed nothing.' })
export class UserError {
  @Field(() => [String], {
    description: 'Path to the input field, e.g. ["input", "requirements", "2", "level"].',
  })
  field!: string[];

  @Field(() => UserErrorCode, { description: 'Machine-readable reason.' })
  code!: UserErrorCode;

  @Field(() => String, { description: 'Human-readable reason, naming the value.' })
  message!: string;
}

const CODES = new Set<string>(Object.values(UserErrorCode));

/** A dataset issue of a one-record document as a user error on the mutation's `input`. */
export function toUserError(issue: DatasetIssue): UserError {
  const path = issue.field ? issue.field.split(/[.[\]]+/).filter(Boolean) : [];
  return {
    field: ['input', ...path],
    code: (CODES.has(issue.code) ? issue.code : UserErrorCode.INVALID) as UserErrorCode,
    message: issue.field ? `${issue.field}: ${issue.message}` : issue.message,
  };
}

/** Builds a mutation payload type: the changed object under `field`, plus `userErrors`. */
export function payloadType<T extends object>(
  name: string,
  field: string,
  type: ClassType<T>,
  description: string,
) {
  @ObjectType(name, { description })
  class Payload {
    @Field(() => [UserError], { description: 'Empty when the mutation succeeded.' })
    userErrors!: UserError[];
  }
  Field(() => type, {
    nullable: true,
    description: `The ${field} after the change; null on user errors.`,
  })(Payload.prototype, field);
  return Payload;
}
