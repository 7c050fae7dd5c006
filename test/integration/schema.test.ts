import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { appSchema as buildAppSchema, printedSchema as printAppSchema } from '../../src/app/schema';

describe('schema.graphql', () => {
  it('matches the schema built from the code (run `npm run schema:emit` after API changes)', () => {
    expect(readFileSync('schema.graphql', 'utf8')).toBe(printAppSchema());
  });

  it('describes every public type, field and argument', () => {
    const schema = buildAppSchema();
    const roots = new Set(['Query', 'Mutation', 'Subscription']);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!roots.has(type.name) && !type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args)
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('names enum values in SCREAMING_SNAKE case', () => {
    const bad = Object.values(buildAppSchema().getTypeMap())
      .filter((t) => isEnumType(t) && !t.name.startsWith('__'))
      .flatMap((t) => (isEnumType(t) ? t.getValues() : []).map((v) => v.name))
      .filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name));
    expect(bad).toEqual([]);
  });
});

describe('fields a role may be refused', () => {
  /** Every field with `@Authorized`, by the GraphQL type that holds it. */
  function authorizedFields(): { type: string; field: string }[] {
    const schema = buildAppSchema();
    const storage = getMetadataStorage() as unknown as {
      authorizedFields: { target: object; fieldName: string }[];
      objectTypes: { target: object; name: string }[];
      resolverClasses: { target: object; getObjectType?: () => object }[];
      queries: { target: object }[];
      mutations: { target: object }[];
    };
    const typesOf = (target: object): string[] => {
      const names = storage.objectTypes.filter((o) => o.target === target).map((o) => o.name);
      for (const resolver of storage.resolverClasses.filter((r) => r.target === target)) {
        let of: object | undefined;
        try {
          of = resolver.getObjectType?.();
        } catch {
          of = undefined; // a resolver of root fields only
        }
        const name = storage.objectTypes.find((o) => o.target === of)?.name;
        if (name) names.push(name);
      }
      if (storage.queries.some((q) => q.target === target)) names.push('Query');
      if (storage.mutations.some((m) => m.target === target)) names.push('Mutation');
      return names;
    };
    return storage.authorizedFields.flatMap(({ target, fieldName }) =>
      typesOf(target)
        .filter((type) => {
          const found = schema.getType(type);
          return (isObjectType(found) || isInterfaceType(found)) && !!found.getFields()[fieldName];
        })
        .map((type) => ({ type, field: fieldName })),
    );
  }

  it('are nullable, so a refusal is a null there and the rest of the answer stands', () => {
    const schema = buildAppSchema();
    const fields = authorizedFields();
    expect(fields.length).toBeGreaterThan(40);
    const nonNull = fields.filter(({ type, field }) => {
      const holder = schema.getType(type);
      return (
        (isObjectType(holder) || isInterfaceType(holder)) &&
        isNonNullType(holder.getFields()[field].type)
      );
    });
    expect(nonNull).toEqual([]);
  });
});
