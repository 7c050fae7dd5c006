import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import { plainObjectOf, type LeanReader } from './loaders';

type Row = Record<string, unknown>;

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
