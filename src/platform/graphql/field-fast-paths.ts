import {
  GraphQLScalarType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { writtenFor } from '../../shared/library-version';

/**
 * Two fast paths past type-graphql's per-field handlers, which build a record and run the
 * (empty) middleware chain once per field of every object answered. They read type-graphql's
 * metadata storage (`getMetadataStorage()`: its built fields, field resolvers, roles and
 * middlewares), which 2.0.0-rc.4 does not document, so they run on that version only: on any
 * other, Node warns once at start-up and every field keeps type-graphql's own handler.
 *
 * They never take a field from under something that wraps it. Besides the roles and
 * middlewares the metadata shows, each field to be read directly has its own type-graphql
 * handler called once, at start-up, on a probe parent (its context and info throw when
 * touched): with nothing around it, the handler gives back the parent's property, there and
 * then; a role check or any middleware (the field's, its class's, or a global one the build was
 * given) answers a promise instead. Should one field answer otherwise, neither fast path runs
 * on the schema: a global middleware, or a guard the metadata does not show, is never passed by.
 *
 * Measured with `npm run bench -- --only "page of 100"` (100,000 employees, 10 connections, the
 * built server), the fast paths on and off (type-graphql's handlers everywhere), alternated, on
 * 2 cores shared with other work, 2026-12-07: 15 pairs of runs (5 of 5 s, 10 of 10 s). Server
 * CPU per request, median, 33.7 ms with them and 40.0 ms without (req/s 9.2 and 7.3); within a
 * pair, a median 8% less CPU with them (less in 13 of 15). On one employee with competencies
 * (3 pairs) 3.1 ms and 3.4 ms. `test/integration/field-fast-paths.test.ts` holds both to the
 * same answers for every role.
 */

/** The versions the fast paths were written and measured for. */
const WRITTEN_FOR = { 'type-graphql': '2.0.0-rc.4' };

/** Tests only: `enabled: false` leaves type-graphql's own handlers in schemas built from then. */
export const fieldFastPaths = { enabled: true };

/**
 * The property fields `readPlainFieldsDirectly` may read directly (each probed as above), or
 * null when neither fast path may run on the schema. Decided once per schema, on the handlers
 * type-graphql made, before either fast path changes one.
 */
const decided = new WeakMap<GraphQLSchema, GraphQLField<unknown, unknown>[] | null>();

function fieldsToReadDirectly(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] | null {
  if (!decided.has(schema)) {
    const candidates = plainFieldCandidates(schema);
    // Some fields have no handler at all (GraphQL reads them already); the rest are probed.
    const handlers = candidates.flatMap((field) => (field.resolve ? [field.resolve] : []));
    const mayRun =
      fieldFastPaths.enabled &&
      writtenFor('The GraphQL field fast paths (type-graphql metadata)', WRITTEN_FOR) &&
      handlers.length > 0 &&
      handlers.every(onlyReads);
    decided.set(schema, mayRun ? candidates : null);
  }
  return decided.get(schema)!;
}

const PROBED = Symbol('probed');
const probeParent = new Proxy({}, { get: () => PROBED });
const untouchable = new Proxy(
  {},
  {
    get() {
      throw new Error('A probe of the field handlers at start-up: nothing here.');
    },
  },
);

/** Whether a handler, called on the probe parent, gives back its property there and then. */
function onlyReads(resolve: GraphQLFieldResolver<unknown, unknown>): boolean {
  let answer: unknown;
  try {
    answer = resolve(probeParent, {}, untouchable, untouchable as GraphQLResolveInfo);
  } catch {
    return false;
  }
  if (answer instanceof Promise) answer.catch(() => undefined);
  return answer === PROBED;
}

/**
 * A property field with nothing around it is read by GraphQL's own resolver. type-graphql wraps
 * every property in a function that builds a record and runs the (empty) middleware chain, once
 * per field of every object answered: thousands of times for a page of 100 employees. Kept
 * wrapped, by name in every type (so a name's guard is never lost through a type it was not
 * declared on): a field with roles (`@Authorized`, even with none named) or middleware, any
 * field resolver's name, a property published under another name, and every field of a class
 * guarded as a whole. The root types are left alone. Nothing changes where the fast paths may
 * not run (see above).
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  for (const field of fieldsToReadDirectly(schema) ?? []) field.resolve = undefined;
  return schema;
}

/** The property fields the rules above leave to GraphQL's own resolver, before the probe. */
function plainFieldCandidates(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  const storage = getMetadataStorage();
  const wrapped = new Set<string>([
    ...storage.authorizedFields.map((a) => a.fieldName),
    ...storage.middlewares.map((m) => m.fieldName),
    ...storage.fieldResolvers.map((r) => r.schemaName),
    ...storage.fields.filter((f) => f.name !== f.schemaName).map((f) => f.schemaName),
  ]);
  const guardedClasses = new Set<unknown>([
    ...storage.authorizedResolver.map((a) => a.target),
    ...storage.resolverMiddlewares.map((m) => m.target),
  ]);
  const guardedTypes = new Set(
    [...storage.objectTypes, ...storage.interfaceTypes]
      .filter((t) => [...guardedClasses].some((c) => c === t.target || isSubclass(t.target, c)))
      .map((t) => t.name),
  );
  const plain = new Set(storage.fields.map((f) => f.schemaName));
  const roots = new Set<unknown>([
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]);
  const candidates: GraphQLField<unknown, unknown>[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    if (guardedTypes.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 && plain.has(field.name) && !wrapped.has(field.name))
        candidates.push(field);
    }
  }
  return candidates;
}

/**
 * A field resolver with nothing around it (no roles, no middleware) that takes only its parent,
 * the context, the info and arguments of scalar types (when the schema was built with
 * `validate: false` and no argument has a validator of its own) is called straight: type-graphql's handler sorts the parameters'
 * metadata, maps each one, and runs the empty middleware chain on every call, for every object
 * (on a page of 100 employees, thousands of times). A parent that is not already of the
 * parameter's class goes through type-graphql's own handler, which converts it. A scalar
 * argument is what type-graphql would pass unchanged (`convertArgToInstance` leaves scalars
 * as they are; validation is off), so it is read from the arguments GraphQL gives; its own
 * handler would build three promises per call (`validateArg` is async), on a page of 100
 * employees three hundred for `competencies` alone. Resolver
 * classes hold no state and no container is given to the build (type-graphql's own makes them
 * with `new`): the instance called is made here, once. Nothing changes where the fast paths may
 * not run (see above), so a global middleware is never passed by.
 */
export function callFieldResolversDirectly(
  schema: GraphQLSchema,
  build: { validate: boolean },
): GraphQLSchema {
  if (fieldsToReadDirectly(schema) === null) return schema;
  const storage = getMetadataStorage();
  const instances = new Map<unknown, object>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || resolver.roles !== undefined) continue;
    if ((resolver.middlewares ?? []).length > 0) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    if (
      !params.every(
        (p) =>
          p.kind === 'root' ||
          p.kind === 'context' ||
          p.kind === 'info' ||
          (p.kind === 'arg' && !build.validate && readsAsGiven(p)),
      )
    )
      continue;
    const typeName = storage.objectTypes.find((t) => t.target === resolver.getObjectType?.())?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[resolver.schemaName];
    const handler = field?.resolve;
    const named = new Set(params.flatMap((p) => (p.kind === 'arg' ? [p.name] : [])));
    if (!field || !handler || !field.args.every((a) => named.has(a.name))) continue;
    let instance = instances.get(resolver.target);
    if (!instance)
      instances.set(resolver.target, (instance = new (resolver.target as new () => object)()));
    const method = (instance as Record<string, (...values: unknown[]) => unknown>)[
      resolver.methodName
    ];
    const target = instance;
    // The class each parent parameter expects (every class is defined once the schema is built).
    const rootTypes = params.map((p) => (p.kind === 'root' ? p.getType?.() : undefined));
    field.resolve = (
      root: Record<string, unknown>,
      args: Record<string, unknown>,
      context: Record<string, unknown>,
      info,
    ) => {
      const values: unknown[] = new Array(params.length);
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        if (p.kind === 'root') {
          const value = p.propertyName ? root[p.propertyName] : root;
          const type = rootTypes[i];
          if (
            value != null &&
            type !== undefined &&
            !(typeof type === 'function' && value instanceof type)
          )
            return handler(root, args, context, info);
          values[i] = value;
        } else if (p.kind === 'context')
          values[i] = p.propertyName ? context[p.propertyName] : context;
        else if (p.kind === 'arg') values[i] = args[p.name];
        else values[i] = info;
      }
      return method.apply(target, values);
    };
  }
  return schema;
}

/**
 * An argument type-graphql passes on as GraphQL gives it: a scalar (type-graphql's own, or one
 * of the built-in classes it maps to one), with no validator of its own.
 */
function readsAsGiven(param: {
  getType: () => unknown;
  validateSettings?: unknown;
  validateFn?: unknown;
}): boolean {
  if (param.validateFn !== undefined || (param.validateSettings ?? false) !== false) return false;
  const type = param.getType();
  return (
    type instanceof GraphQLScalarType || type === String || type === Number || type === Boolean
  );
}

const isSubclass = (target: unknown, parent: unknown) =>
  typeof target === 'function' &&
  typeof parent === 'function' &&
  Object.prototype.isPrototypeOf.call(parent, target);
