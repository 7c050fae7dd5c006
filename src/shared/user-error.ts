import { Field, ObjectType, type ClassType } from 'type-graphql';
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
