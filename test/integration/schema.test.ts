import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printAppSchema } from '../../src/schema';

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
