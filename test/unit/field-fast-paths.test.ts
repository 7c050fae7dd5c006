import 'reflect-metadata';
import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
  Arg,
  Int,
  buildSchemaSync,
  type MiddlewareFn,
} from 'type-graphql';
import {
  callFieldResolversDirectly,
  readPlainFieldsDirectly,
} from '../../src/platform/graphql/field-fast-paths';

/**
 * The fast paths take a field from type-graphql's handler only where nothing runs around it: a
 * global middleware (which the metadata does not show) keeps every handler in place, so it runs
 * for every field as type-graphql would run it.
 */
@ObjectType()
class Thing {
  @Field(() => String)
  name!: string;
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => Thing)
  thing(): Thing {
    return Object.assign(new Thing(), { name: 'a thing' });
  }

  @FieldResolver(() => String)
  shout(@Root() thing: Thing): string {
    return thing.name.toUpperCase();
  }

  @FieldResolver(() => String)
  repeat(
    @Root() thing: Thing,
    @Arg('times', () => Int, { defaultValue: 2 }) times: number,
    @Arg('between', () => String, { nullable: true }) between: string | null,
  ): string {
    return Array<string>(times)
      .fill(thing.name)
      .join(between ?? ' ');
  }
}

function build(globalMiddlewares: MiddlewareFn[], validate = false): GraphQLSchema {
  return callFieldResolversDirectly(
    readPlainFieldsDirectly(
      buildSchemaSync({ resolvers: [ThingResolver], validate, globalMiddlewares }),
    ),
    { validate },
  );
}

const fieldsOf = (schema: GraphQLSchema) => {
  const type = schema.getType('Thing');
  if (!isObjectType(type)) throw new Error('no Thing');
  return type.getFields();
};

describe('the field fast paths', () => {
  it('read a plain property directly and call a field resolver straight, when nothing is around them', async () => {
    const schema = build([]);
    expect(fieldsOf(schema).name.resolve).toBeUndefined();
    const result = await graphql({ schema, source: '{ thing { name shout } }' });
    expect(result).toEqual({ data: { thing: { name: 'a thing', shout: 'A THING' } } });
  });

  it('call a field resolver with scalar arguments straight, with their defaults, when arguments are not validated', async () => {
    const schema = build([]);
    const reference = buildSchemaSync({ resolvers: [ThingResolver], validate: false });
    expect(String(fieldsOf(schema).repeat.resolve)).not.toBe(
      String(fieldsOf(reference).repeat.resolve),
    );
    const source = '{ thing { a: repeat b: repeat(times: 3, between: "-") } }';
    const result = await graphql({ schema, source });
    expect(result).toEqual({
      data: { thing: { a: 'a thing a thing', b: 'a thing-a thing-a thing' } },
    });
    expect(await graphql({ schema: reference, source })).toEqual(result);
    // Validated arguments stay with type-graphql's handler.
    const validated = build([], true);
    expect(String(fieldsOf(validated).repeat.resolve)).toBe(
      String(fieldsOf(reference).repeat.resolve),
    );
  });

  it('leave every handler to type-graphql under a global middleware, which runs for every field', async () => {
    const seen: string[] = [];
    const middleware: MiddlewareFn = ({ info }, next) => {
      seen.push(`${info.parentType.name}.${info.fieldName}`);
      return next();
    };
    const reference = buildSchemaSync({
      resolvers: [ThingResolver],
      validate: false,
      globalMiddlewares: [middleware],
    });
    const schema = build([middleware]);
    expect(fieldsOf(schema).name.resolve).toBeTypeOf('function');
    // The field resolver's handler is type-graphql's own: the same as in a schema left alone.
    expect(String(fieldsOf(schema).shout.resolve)).toBe(String(fieldsOf(reference).shout.resolve));
    const result = await graphql({ schema, source: '{ thing { name shout } }' });
    expect(result).toEqual({ data: { thing: { name: 'a thing', shout: 'A THING' } } });
    expect(seen.sort()).toEqual(['Query.thing', 'Thing.name', 'Thing.shout']);
  });
});
