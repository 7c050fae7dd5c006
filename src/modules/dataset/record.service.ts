import type { EntityClass } from '@mikro-orm/core';
import type { Context } from '../../context';
import { UserErrorCode } from '../../shared/errors';
import { toUserError, type UserError } from '../../shared/user-error';
import { actorOf } from '../audit/audit.service';
import { importDataset } from './dataset.service';
import { outsideAgency } from './record-agency';
import type { DatasetDocument, DatasetIssue, Section } from './dataset.types';
import { exportDataset, type ExportScope } from './dataset.export';
import type { KnownKeys } from './dataset.validate';

export interface SaveOptions {
  /** The mutation's name, for the audit trail. */
  action: string;
  /** The record's natural key (code, NIP, …), for the audit trail. */
  key: string;
  /** How to read the record before and after, for sections that have one. */
  scope?: ExportScope;
  /** Extra checks against the keys in the database (e.g. the key must be new). */
  check?: (known: KnownKeys) => DatasetIssue[];
}

/**
 * Writes one record through the import path, so mutations and imports share every rule, with
 * an audit event in the same transaction. A caller bound to an agency (HR) can only touch its
 * agency's records; others are answered as not found. User errors come back with input paths
 * and nothing is changed.
 */
export async function saveRecord(
  ctx: Context,
  section: Section,
  record: object,
  options: SaveOptions,
): Promise<UserError[]> {
  const document: DatasetDocument = { [section]: [plain(record)] };
  const agency = ctx.access.agency;
  const row = document[section]![0] as unknown as Record<string, unknown>;
  const report = await importDataset(ctx.knex, document, {
    today: ctx.today,
    check: (known) => [
      ...(options.check?.(known) ?? []),
      ...(agency ? outsideAgency(section, row, known, agency) : []),
    ],
    audit: {
      actor: actorOf(ctx.access.viewer),
      action: options.action,
      record: { section, key: options.key, scope: options.scope },
    },
  });
  // Anything read before the write is stale now.
  ctx.loaders.clear();
  ctx.em.clear();
  return report.issues.map(toUserError);
}

/** A key check for `saveRecord`: must be new (create) or must exist (update). */
export function keyCheck(
  section: Section,
  mode: 'create' | 'update',
  field: string,
  key: string,
  exists: (known: KnownKeys) => boolean,
): (known: KnownKeys) => DatasetIssue[] {
  return (known) => {
    const found = exists(known);
    if (mode === 'create' && found) {
      return [
        {
          section,
          index: 0,
          field,
          code: 'TAKEN',
          message: `"${key}" is already used by another record`,
        },
      ];
    }
    if (mode === 'update' && !found) {
      return [
        { section, index: 0, field, code: 'NOT_FOUND', message: `no record has ${field} "${key}"` },
      ];
    }
    return [];
  };
}

/** The stored record of one key as the dataset format has it, for merging an update into. */
export async function currentRecord<T>(ctx: Context, scope: ExportScope): Promise<T | undefined> {
  const document = await exportDataset(ctx.knex, scope);
  return document[scope.section][0] as T | undefined;
}

/** `patch` over `base`: fields the patch leaves undefined keep their value; null clears. */
export function merge<T extends object>(base: T, patch: object): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** GraphQL input objects as plain JSON: class instances become objects, dates ISO strings. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

export interface SaveKeyed<E> {
  /** The mutation's name, for the audit trail. */
  action: string;
  section: ExportScope['section'];
  mode: 'create' | 'update';
  keyField: string;
  key: string;
  input: object;
  exists: (known: KnownKeys) => boolean;
  load: () => Promise<E | null>;
}

/**
 * Creates or updates the record with a natural key: an update merges the input over the
 * stored record (fields left out keep their value; lists given replace the stored ones).
 */
export async function saveKeyed<E>(
  ctx: Context,
  o: SaveKeyed<E>,
): Promise<{ userErrors: UserError[]; node: E | null }> {
  let record: object = o.input;
  if (o.mode === 'update') {
    const base = await currentRecord<object>(ctx, { section: o.section, keys: [o.key] });
    if (!base) {
      return {
        userErrors: [
          {
            field: ['input', o.keyField],
            code: UserErrorCode.NOT_FOUND,
            message: `no record has ${o.keyField} "${o.key}"`,
          },
        ],
        node: null,
      };
    }
    record = merge(base, o.input);
  }
  const userErrors = await saveRecord(ctx, o.section, record, {
    action: o.action,
    key: o.key,
    scope: { section: o.section, keys: [o.key] },
    check: keyCheck(o.section, o.mode, o.keyField, o.key, o.exists),
  });
  return { userErrors, node: userErrors.length > 0 ? null : await o.load() };
}

type CodedSection = 'agencies' | 'orgUnits' | 'competencies' | 'courses' | 'positions';

/** `saveKeyed` for the sections whose natural key is `code`. */
export function saveByCode<E extends object>(
  ctx: Context,
  section: CodedSection,
  entity: EntityClass<E>,
  input: { code: string },
  mode: 'create' | 'update',
  action: string,
) {
  return saveKeyed(ctx, {
    action,
    section,
    mode,
    keyField: 'code',
    key: input.code,
    input,
    exists: (known) => known[section].has(input.code),
    load: () => ctx.loaders.byKey(entity, 'code').load(input.code),
  });
}
