import {
  defaultFieldResolver,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Context } from './context';
import { markedPersonalFacts } from './personal-fact';
import type { Size } from './set-sizes';
export { PersonalFact } from './personal-fact';
import { AppError, ErrorCode } from '../../shared/errors';
import type { Access } from '../auth/access';
import { Role } from '../auth/auth.types';

/**
 * Roles under the minimum group rule: they read across agencies and must not single anyone out.
 * ADMIN, HR and COMMITTEE are exempt (they see their people by name anyway), and EMPLOYEE sees
 * only themselves.
 */
export function underGroupRule(access: Access): boolean {
  return access.role === Role.ANALYST;
}

/**
 * Records a list of people answered at `info` (its whole size, or the function that counts it),
 * so that the per-person facts of its rows may be read under the group rule.
 */
export function recordSet<T>(ctx: Context, info: GraphQLResolveInfo, size: Size, value: T): T {
  if (underGroupRule(ctx.access)) ctx.sets.add(info, size);
  return value;
}

/**
 * The one rule on per-person facts: a role under the group rule (ANALYST) may read what tells
 * something about one person only of a row reached as a member of a list of at least
 * `MIN_GROUP_SIZE` people; a lookup (`employee`, `node`), a position's holders, a nested object,
 * or a list whose filter narrows below the minimum does not qualify. Other roles are unaffected.
 */
export async function personalFactsAllowed(
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<boolean> {
  if (!underGroupRule(ctx.access)) return true;
  const size = await ctx.sets.sizeOfParentSet(info);
  return size !== null && size >= ctx.minGroupSize;
}

/** The fields marked `@PersonalFact`, as `Type.field` (read once the schema is built). */
export function personalFactCoordinates(): Set<string> {
  const storage = getMetadataStorage();
  const typeOf = (target: unknown) => storage.objectTypes.find((t) => t.target === target)?.name;
  const found = new Set<string>();
  for (const { target, key } of markedPersonalFacts) {
    const resolver = storage.fieldResolvers.find(
      (r) => r.target === target && r.methodName === key,
    );
    const property = storage.fields.find((f) => f.target === target && f.name === key);
    const type = resolver ? typeOf(resolver.getObjectType?.()) : typeOf(target);
    const field = resolver?.schemaName ?? property?.schemaName;
    if (type && field) found.add(`${type}.${field}`);
  }
  return found;
}

/**
 * Wraps every `@PersonalFact` field of the schema with the group rule: to a role under it, the
 * field answers only where `personalFactsAllowed` says so (else null with FORBIDDEN); to any
 * other role it resolves as before, without a detour.
 */
export function guardPersonalFacts(schema: GraphQLSchema): GraphQLSchema {
  for (const coordinate of personalFactCoordinates()) {
    const [typeName, fieldName] = coordinate.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: Context, info) => {
      if (!underGroupRule(context.access)) return resolve(source, args, context, info);
      return personalFactsAllowed(context, info).then((allowed) => {
        if (!allowed)
          throw new AppError(
            ErrorCode.FORBIDDEN,
            `The ${context.access.role} role may read ${info.parentType.name}.${info.fieldName} only of people listed in a set of at least ${context.minGroupSize} (MIN_GROUP_SIZE), e.g. \`employees\` with a broad filter; not of one person looked up or of a smaller set.`,
            { field: `${info.parentType.name}.${info.fieldName}` },
          );
        return resolve(source, args, context, info);
      });
    };
  }
  return schema;
}

/**
 * The group rule on an analysis of a scope: to a role under it (ANALYST), a scope of fewer than
 * `MIN_GROUP_SIZE` people is refused as a whole (FORBIDDEN, naming `what`).
 */
export function requireGroup(ctx: Context, size: number, what: string): void {
  if (underGroupRule(ctx.access) && size < ctx.minGroupSize)
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `The ${ctx.access.role} role may not analyse ${what}: it holds ${size < 1 ? 'no one' : 'fewer than ' + ctx.minGroupSize + ' people'} (MIN_GROUP_SIZE); widen the scope.`,
      { minGroupSize: ctx.minGroupSize },
    );
}

/**
 * The group rule on the rows of an analysis (a heat-map row or cell, a box, a band): to a role
 * under it (ANALYST), a row about 1 to `MIN_GROUP_SIZE − 1` people is left out; rows about no
 * one say nothing of anyone and stay.
 */
export function shownRows<T>(ctx: Context, rows: readonly T[], people: (row: T) => number): T[] {
  if (!underGroupRule(ctx.access)) return [...rows];
  return rows.filter((row) => {
    const size = people(row);
    return size === 0 || size >= ctx.minGroupSize;
  });
}

/**
 * Fields of an employee that single out whom a row is about, even in a large list: the global
 * ID (the same in every answer), the position (most have one holder) and the unit.
 */
export const PERSON_IDENTIFIERS: ReadonlySet<string> = new Set(['id', 'position', 'orgUnit']);

/** The names of the fields of `type` marked `@PersonalFact` (read once the schema is built). */
export function personalFactFields(type = 'Employee'): Set<string> {
  return new Set(
    [...personalFactCoordinates()]
      .filter((c) => c.startsWith(`${type}.`))
      .map((c) => c.slice(type.length + 1)),
  );
}

/**
 * The group rule on one row: to a role under it, an employee's per-person facts and a field
 * that identifies the employee (`PERSON_IDENTIFIERS`) are never answered together, or a large
 * list would tell whose they are (the one holder of a position, an ID looked up elsewhere).
 * The first such pair an operation asks for on one employee, or null. Fragments are followed.
 */
export function identifiedFacts(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  facts: ReadonlySet<string>,
  type = 'Employee',
): { fact: string; identifier: string } | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const applies = (condition: string | undefined, on: GraphQLNamedType | undefined) =>
    !condition || condition === on?.name || condition === type;
  /** The fields asked for at one level of a selection on `on`, through its fragments. */
  const fieldsAt = (
    set: SelectionSetNode,
    on: GraphQLNamedType | undefined,
    seen = new Set<string>(),
  ) => {
    const found: FieldNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) found.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, on))
          found.push(...fieldsAt(selection.selectionSet, on, seen));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        if (applies(fragment.typeCondition.name.value, on))
          found.push(
            ...fieldsAt(fragment.selectionSet, on, new Set([...seen, fragment.name.value])),
          );
      }
    }
    return found;
  };
  const walk = (
    set: SelectionSetNode,
    on: GraphQLNamedType | undefined,
    depth: number,
  ): { fact: string; identifier: string } | null => {
    if (depth > 64) return null;
    const fields = fieldsAt(set, on);
    const possiblyEmployee =
      on?.name === type ||
      ((isInterfaceType(on) || isUnionType(on)) &&
        schema.getPossibleTypes(on).some((t) => t.name === type));
    if (possiblyEmployee) {
      const names = new Set(fields.map((f) => f.name.value));
      const fact = [...names].find((n) => facts.has(n));
      const identifier = [...names].find((n) => PERSON_IDENTIFIERS.has(n));
      if (fact && identifier) return { fact, identifier };
    }
    for (const field of fields) {
      if (!field.selectionSet) continue;
      const definition =
        on && (isObjectType(on) || isInterfaceType(on))
          ? on.getFields()[field.name.value]
          : undefined;
      const found = walk(
        field.selectionSet,
        definition ? getNamedType(definition.type) : undefined,
        depth + 1,
      );
      if (found) return found;
    }
    return null;
  };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return walk(operation.selectionSet, root ?? undefined, 0);
}
