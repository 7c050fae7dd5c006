import { isEnumType, type GraphQLSchema } from 'graphql';
import type { Language } from '../../domain/language';
import { labelOf } from '../../domain/labels';

/** Per schema, its enums' values (the schema is built once; walked once). */
const enumsOfSchema = new WeakMap<GraphQLSchema, { enum: string; value: string }[]>();

/**
 * The label of every value of every enum of the schema (not GraphQL's own `__` enums), by enum
 * name then value. Walking the schema, not a list, means an enum added later is answered too;
 * `labelOf` gives its value as it is until the table has its labels (a test holds it to that).
 */
export function labelsOfSchema(schema: GraphQLSchema, language: Language) {
  let values = enumsOfSchema.get(schema);
  if (!values) {
    values = Object.values(schema.getTypeMap())
      .filter(isEnumType)
      .filter((type) => !type.name.startsWith('__'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((type) => type.getValues().map((v) => ({ enum: type.name, value: v.name })));
    enumsOfSchema.set(schema, values);
  }
  return values.map((v) => ({ ...v, label: labelOf(v.enum, v.value, language) }));
}
