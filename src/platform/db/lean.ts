import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';

type Row = Record<string, unknown>;

/**
 * How to read an entity without the ORM, for the hot reads: the table, the columns to select
 * (SQL), the column of each key property, and the row made into a read-only object with the
 * entity's prototype (so `instanceof`, the global id and the field resolvers work). Such objects
 * are never persisted; writes read their own records.
 */
export interface LeanReader<T extends object> {
  readonly table: string;
  /** The columns to select, qualified by the table's alias, named `<prefix><n>`. */
  select(alias: string, prefix?: string): string;
  /** The column of each property that identifies a row (primary key, unique properties). */
  readonly keyColumns: Readonly<Record<string, string>>;
  /** The object of a row (its columns named by `select` with the same prefix). */
  map(row: Row, prefix?: string): T;
}

const leanPrototypes = new WeakMap<object, object>();

/**
 * An object with `prototype` in its chain and `fields` as its own properties. The ORM puts
 * setters for its properties on entity prototypes; a prototype in between shadows them with
 * plain data properties, so assigning the fields runs none of them.
 */
export function plainObjectOf<T extends object>(prototype: object, fields: Row): T {
  let lean = leanPrototypes.get(prototype);
  if (!lean) {
    const shadows: PropertyDescriptorMap = {};
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
      if (descriptor.set && !descriptor.get)
        shadows[name] = { value: undefined, writable: true, configurable: true };
    }
    lean = Object.create(prototype, shadows) as object;
    leanPrototypes.set(prototype, lean);
  }
  return Object.assign(Object.create(lean) as T, fields);
}

const readers = new WeakMap<EntityMetadata, LeanReader<object>>();

/**
 * The lean reader of an entity, made from its ORM metadata: every stored scalar by its column,
 * each many-to-one as a reference holding only its key (as the ORM gives an unloaded
 * reference), dates as ISO strings and timestamps as `Date`s as the ORM hydrates them. The
 * same SQL an ORM read would select, without the unit of work or the hydrator.
 */
export function leanReaderOf<T extends object>(meta: EntityMetadata<T>): LeanReader<T> {
  const known = readers.get(meta as EntityMetadata);
  if (known) return known as LeanReader<T>;
  const columns: {
    property: string;
    select: (alias: string) => string;
    read: (v: unknown) => unknown;
  }[] = [];
  const keyColumns: Record<string, string> = {};
  for (const prop of meta.props) {
    if (prop.persist === false || prop.fieldNames?.length !== 1) continue;
    const column = prop.fieldNames[0];
    const quoted = (alias: string) => `${alias}."${column}"`;
    if (prop.kind === ReferenceKind.SCALAR) {
      const type = String(prop.columnTypes?.[0] ?? '').toLowerCase();
      if (type === 'date')
        columns.push({ property: prop.name, select: (a) => `${quoted(a)}::text`, read: (v) => v });
      else if (prop.runtimeType === 'Date')
        columns.push({
          property: prop.name,
          select: quoted,
          read: (v) => (v === null || v instanceof Date ? v : new Date(v as string)),
        });
      else if (type.startsWith('numeric') || type.startsWith('decimal'))
        columns.push({
          property: prop.name,
          select: (a) => `${quoted(a)}::float8`,
          read: (v) => v,
        });
      else columns.push({ property: prop.name, select: quoted, read: (v) => v });
      if (prop.primary || prop.unique) keyColumns[prop.name] = column;
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.targetMeta) {
      const key = prop.targetMeta.primaryKeys[0];
      columns.push({
        property: prop.name,
        select: quoted,
        read: (v) => (v === null ? null : { [key]: v }),
      });
    }
  }
  const prototype = meta.prototype as object;
  const reader: LeanReader<T> = {
    table: meta.tableName,
    select: (alias, prefix = 'c') =>
      columns.map((c, i) => `${c.select(alias)} as "${prefix}${i}"`).join(', '),
    keyColumns,
    map(row: Row, prefix = 'c') {
      const fields: Row = {};
      for (let i = 0; i < columns.length; i++)
        fields[columns[i].property] = columns[i].read(row[`${prefix}${i}`]);
      return plainObjectOf<T>(prototype, fields);
    },
  };
  readers.set(meta as EntityMetadata, reader);
  return reader;
}
