import type { EntityClass } from '@mikro-orm/core';
import type { Context } from '../platform/graphql/context';
import type { UserError } from '../shared/user-error';
import { userErrorOf } from './dataset-issue';
import { actorOf } from './audit';
import { writeRecord } from './write-record';
import type { ExportScope } from './export-dataset';
import type { DatasetIssue, Section } from '../domain/dataset.types';
import type { KnownKeys } from './known-keys';
import { outsideAgency } from './record-agency';

/** Whether a mutation makes a record (its key must be new) or changes one (it must exist). */
export type SaveMode = 'create' | 'update';

export interface SaveOptions {
  /** The mutation's name, for the audit trail. */
  action: string;
  /** The record's natural key (code, NIP, …), for the audit trail. */
  key: string;
  /** What the write locks (see `RecordWrite.lockKey`); the section and key by default. */
  lockKey?: string;
  /** How to read the stored record, for sections that have one. */
  scope?: ExportScope;
  /** The record from the stored one, read under the lock; the input as it is by default. */
  build?: (stored: unknown) => object | DatasetIssue[];
  /** The key must be new (create) or must exist (update). */
  identity?: { mode: SaveMode; field: string; exists: (known: KnownKeys) => boolean };
}

/**
 * Writes one record through the import path, so mutations and imports share every rule, with
 * an audit event in the same transaction. A caller bound to an agency (HR) sees only its
 * agency's keys: another agency's records are answered as not found, as they are for reads.
 * User errors come back with input paths and nothing is changed.
 */
export async function saveRecord(
  ctx: Context,
  section: Section,
  input: object,
  options: SaveOptions,
): Promise<UserError[]> {
  const record = plain(input) as Record<string, unknown>;
  const agency = ctx.access.agency;
  const { identity } = options;
  const issues = await writeRecord(ctx.knex, {
    section,
    key: options.key,
    lockKey: options.lockKey ?? `${section}:${options.key}`,
    scope: options.scope,
    build: options.build ?? (() => record),
    checks: [
      ...(identity
        ? [
            ({ all, visible }: { all: KnownKeys; visible: KnownKeys }) =>
              keyIssues(section, identity, options.key, identity.mode === 'create' ? all : visible),
          ]
        : []),
      ...(agency
        ? [
            ({ all }: { all: KnownKeys }, built: Record<string, unknown>) =>
              outsideAgency(section, built, all, agency),
          ]
        : []),
    ],
    agency,
    today: ctx.today,
    waitMs: ctx.writeWaitMs,
    audit: { actor: actorOf(ctx), action: options.action },
  });
  // Anything read before the write is stale now.
  ctx.loaders.clear();
  ctx.em.clear();
  return issues.map((issue) => userErrorOf(issue, 'record'));
}

/**
 * A create whose key is taken (anywhere: keys are unique nationally) answers TAKEN; an update
 * of a key the caller cannot see answers NOT_FOUND, in the words used for a key that does not
 * exist at all.
 */
function keyIssues(
  section: Section,
  identity: NonNullable<SaveOptions['identity']>,
  key: string,
  known: KnownKeys,
): DatasetIssue[] {
  const found = identity.exists(known);
  if (identity.mode === 'create' && found)
    return [issue(section, identity.field, 'TAKEN', `"${key}" is already used by another record`)];
  if (identity.mode === 'update' && !found) return [notFound(section, identity.field, key)];
  return [];
}

/** The one answer for a key that does not exist or that the caller may not see. */
export function notFound(section: Section, field: string, key: string): DatasetIssue {
  return issue(section, field, 'NOT_FOUND', `no record has ${field} "${key}"`);
}

function issue(section: Section, field: string, code: string, message: string): DatasetIssue {
  return { section, index: 0, field, code, message };
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
  mode: SaveMode;
  keyField: string;
  key: string;
  /** What the write locks, when not the section and key. */
  lockKey?: string;
  input: object;
  exists: (known: KnownKeys) => boolean;
  load: () => Promise<E | null>;
}

/**
 * Creates or updates the record with a natural key: an update merges the input over the
 * stored record as it is under the lock (fields left out keep their value; lists given
 * replace the stored ones), so concurrent updates of different fields all land.
 */
export async function saveKeyed<E>(
  ctx: Context,
  o: SaveKeyed<E>,
): Promise<{ userErrors: UserError[]; node: E | null }> {
  const input = plain(o.input) as object;
  const userErrors = await saveRecord(ctx, o.section, input, {
    action: o.action,
    key: o.key,
    lockKey: o.lockKey,
    scope: { section: o.section, keys: [o.key] },
    build: (stored) => {
      if (o.mode === 'create') return input;
      return stored ? merge(stored, input) : [notFound(o.section, o.keyField, o.key)];
    },
    identity: { mode: o.mode, field: o.keyField, exists: o.exists },
  });
  return { userErrors, node: userErrors.length > 0 ? null : await o.load() };
}

type CodedSection = 'agencies' | 'orgUnits' | 'competencies' | 'courses' | 'positions';

/** A kind of record whose natural key is `code`: its section, entity and payload field. */
export interface CodedKind<E extends object, F extends string> {
  readonly section: CodedSection;
  readonly entity: EntityClass<E>;
  /** The payload's field for the record (`position`), and the mutations' noun (`Position`). */
  readonly field: F;
  readonly noun: string;
}

/**
 * Creates or updates a record with a code and answers the mutation's payload:
 * `{ userErrors, <field>: the record after the change }`; the audit action is `createPosition`,
 * `updateCourse`, … after the mode and the noun.
 */
export async function saveCoded<E extends object, F extends string>(
  ctx: Context,
  kind: CodedKind<E, F>,
  input: { code: string },
  mode: SaveMode,
): Promise<{ userErrors: UserError[] } & Record<F, E | null>> {
  const { userErrors, node } = await saveKeyed(ctx, {
    action: `${mode}${kind.noun}`,
    section: kind.section,
    mode,
    keyField: 'code',
    key: input.code,
    input,
    exists: (known) => known[kind.section].has(input.code),
    load: () => ctx.loaders.byKey(kind.entity, 'code').load(input.code),
  });
  return { userErrors, [kind.field]: node } as { userErrors: UserError[] } & Record<F, E | null>;
}
