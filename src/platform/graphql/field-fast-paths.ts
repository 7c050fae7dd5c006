import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * A property field with nothing around it is read by GraphQL's own resolver. type-graphql wraps
 * every property in a function that builds a record and runs the (empty) middleware chain, once
 * per field of every object answered: thousands of times for a page of 100 employees. Kept
 * wrapped, by name in every type (so a name's guard is never lost through a type it was not
 * declared on): a field with roles (`@Authorized`, even with none named) or middleware, any
 * field resolver's name, a property published under another name, and every field of a class
 * guarded as a whole. The root types are left alone.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
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
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    if (guardedTypes.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 && plain.has(field.name) && !wrapped.has(field.name))
        field.resolve = undefined;
    }
  }
  return schema;
}

/**
 * A field resolver with nothing around it (no roles, no middleware) that takes only its parent,
 * the context and the info is called straight: type-graphql's handler sorts the parameters'
 * metadata, maps each one, and runs the empty middleware chain on every call, for every object
 * (on a page of 100 employees, thousands of times). A parent that is not already of the
 * parameter's class goes through type-graphql's own handler, which converts it. Resolver
 * classes hold no state: the instance called is made here, once.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const instances = new Map<unknown, object>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || resolver.roles !== undefined) continue;
    if ((resolver.middlewares ?? []).length > 0) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    if (!params.every((p) => p.kind === 'root' || p.kind === 'context' || p.kind === 'info'))
      continue;
    const typeName = storage.objectTypes.find((t) => t.target === resolver.getObjectType?.())?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[resolver.schemaName];
    const handler = field?.resolve;
    if (!field || !handler || field.args.length > 0) continue;
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
      args,
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
        else values[i] = info;
      }
      return method.apply(target, values);
    };
  }
  return schema;
}

const isSubclass = (target: unknown, parent: unknown) =>
  typeof target === 'function' &&
  typeof parent === 'function' &&
  Object.prototype.isPrototypeOf.call(parent, target);
