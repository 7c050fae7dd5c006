import 'reflect-metadata';
import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { buildSchemaSync, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import type { Context } from './context';
import { callFieldResolversDirectly, readPlainFieldsDirectly } from './field-fast-paths';
import { badInput } from '../../shared/errors';
import { guardPersonalFacts } from './personal-facts';
import { InputProblemError, normaliseDeep } from '../../domain/text';

/**
 * How type-graphql builds the schema: arguments are not validated by class-validator (every
 * argument is normalised and checked here, and by the services), so resolvers may be called
 * with their scalar arguments as GraphQL gives them (`callFieldResolversDirectly`).
 */
const BUILD = { validate: false } as const;

/** The resolver classes each schema was built from (for the roles of its fields). */
const RESOLVERS_OF = new WeakMap<GraphQLSchema, readonly Function[]>();

/**
 * The executable schema of the features' resolver classes (`src/app/schema.ts` builds the
 * application's, once per process).
 */
export function buildAppSchema(resolvers: NonEmptyArray<Function>): GraphQLSchema {
  const built = normaliseArguments(
    resolvers,
    guardPersonalFacts(
      callFieldResolversDirectly(
        readPlainFieldsDirectly(
          buildSchemaSync({
            resolvers,
            validate: BUILD.validate,
            // Subscriptions bring their own streams (the change log): no topics are published.
            pubSub: {
              publish() {
                throw new Error('No topics are published: subscriptions read the change log.');
              },
              subscribe() {
                throw new Error('No topics are published: subscriptions read the change log.');
              },
            },
            // `@Authorized(roles)`: signed in with one of the roles (any role when none are named).
            authChecker: ({ context }: { context: Context }, roles) => {
              context.access.require(...(roles as string[]));
              return true;
            },
          }),
        ),
        BUILD,
      ),
    ),
  );
  RESOLVERS_OF.set(built, resolvers);
  return built;
}

/**
 * Every argument of every field is normalised once, before any resolver sees it: texts in
 * Unicode NFC without surrounding white space; a control character, a bidirectional control or
 * a lone surrogate anywhere, or a value nested deeper than `MAX_INPUT_DEPTH`, refused with
 * BAD_USER_INPUT naming the argument (`extensions.argument`). So a key written `" JPT-014"` is
 * the same key as `"JPT-014"` to every lookup, agency check and write. A field guarded by
 * `@Authorized` checks the caller's role first: a caller who may not call it is refused before
 * its input is walked, whatever that input holds.
 */
function normaliseArguments(resolvers: readonly Function[], schema: GraphQLSchema): GraphQLSchema {
  const roles = fieldRoles(schema, resolvers);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const required = roles.get(`${type.name}.${field.name}`);
      const normaliseAll = (args: Record<string, unknown>, context: Context) => {
        if (required) context.access.require(...required);
        const normalised: Record<string, unknown> = {};
        for (const name of Object.keys(args)) {
          try {
            normalised[name] = normaliseDeep(args[name], [name]);
          } catch (error) {
            if (!(error instanceof InputProblemError)) throw error;
            const argument = (
              error.kind === 'too-deep' ? typedPart(field.args, error.path) : error.path
            ).join('.');
            throw badInput(`Argument \`${argument}\` ${error.problem}.`, { argument });
          }
        }
        return normalised;
      };
      field.resolve = (source, args: Record<string, unknown>, context: Context, info) =>
        resolve(source, normaliseAll(args, context), context, info);
      // A subscription reads its arguments when it starts, as well as for each event.
      const subscribe = field.subscribe;
      if (subscribe)
        field.subscribe = (source, args: Record<string, unknown>, context: Context, info) =>
          subscribe(source, normaliseAll(args, context), context, info);
    }
  }
  return schema;
}

/**
 * The part of `path` (into a field's arguments) that the schema's input types name: it stops
 * where a scalar (a JSON value) begins, so a value nested too deep is named by its argument,
 * `input.dataset`, not by the keys inside it.
 */
function typedPart(
  args: readonly GraphQLArgument[],
  path: (string | number)[],
): (string | number)[] {
  let type = getNullableType(args.find((a) => a.name === path[0])?.type);
  let length = 1;
  while (length < path.length && type) {
    if (isListType(type)) type = getNullableType(type.ofType);
    else if (isInputObjectType(type)) type = getNullableType(type.getFields()[path[length]]?.type);
    else break;
    length++;
  }
  return path.slice(0, length);
}

/**
 * The roles `@Authorized` names for each field of the schema's root types that is guarded
 * (by the method's decorator, or the resolver class's), keyed `Mutation.importDataset`; an
 * empty list means any signed-in caller. A field not in the map is open to everyone. The
 * request pipeline may refuse a whole operation with it before looking at its input.
 */
export function rootFieldRoles(schema: GraphQLSchema): Map<string, readonly string[]> {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map(
      (t) => t?.name,
    ),
  );
  return new Map(
    [...fieldRoles(schema, RESOLVERS_OF.get(schema) ?? [])].filter(([key]) =>
      roots.has(key.slice(0, key.indexOf('.'))),
    ),
  );
}

/**
 * The roles of every guarded field the resolver classes define (root fields and field
 * resolvers), keyed `Type.field`, as type-graphql finds them: the method's `@Authorized`, else
 * its class's. Fields declared on object types themselves take no arguments here.
 */
function fieldRoles(
  schema: GraphQLSchema,
  classes: readonly Function[],
): Map<string, readonly string[]> {
  const storage = getMetadataStorage();
  const rolesOf = (target: Function, method: string): readonly string[] | undefined =>
    (
      storage.authorizedFields.find((a) => a.target === target && a.fieldName === method) ??
      storage.authorizedResolver.find((a) => a.target === target)
    )?.roles as readonly string[] | undefined;
  const roles = new Map<string, readonly string[]>();
  const resolvers = new Set<Function>(classes);
  const roots: [string | undefined, typeof storage.queries][] = [
    [schema.getQueryType()?.name, storage.queries],
    [schema.getMutationType()?.name, storage.mutations],
    [schema.getSubscriptionType()?.name, storage.subscriptions],
  ];
  for (const [type, definitions] of roots) {
    for (const definition of definitions) {
      const found = rolesOf(definition.target, definition.methodName);
      if (type && found && resolvers.has(definition.target))
        roles.set(`${type}.${definition.schemaName}`, found);
    }
  }
  for (const resolver of storage.fieldResolvers) {
    const found = rolesOf(resolver.target, resolver.methodName);
    if (!found || !resolvers.has(resolver.target)) continue;
    const objectClass = storage.resolverClasses
      .find((r) => r.target === resolver.target)
      ?.getObjectType?.();
    const type = [...storage.objectTypes, ...storage.interfaceTypes].find(
      (t) => t.target === objectClass,
    );
    if (type) roles.set(`${type.name}.${resolver.schemaName}`, found);
  }
  return roles;
}

/** The schema as committed in `schema.graphql`: sorted, so diffs show real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
