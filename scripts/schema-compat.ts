import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isInterfaceType,
  type GraphQLSchema,
} from 'graphql';

/** The changes between two versions of the schema, and the breaking ones not announced before. */
export interface Compatibility {
  readonly changes: readonly Change[];
  /** Breaking changes to what was not deprecated: a client may rely on it still. */
  readonly refused: readonly Change[];
  /** Breaking changes made on purpose (`schema-changes.json`), with their reason. */
  readonly accepted: readonly (Change & { reason: string })[];
}

/** The breaking changes accepted on purpose, by path, with why (`schema-changes.json`). */
export type AcceptedChanges = ReadonlyMap<string, string>;

export function acceptedChanges(file = 'schema-changes.json'): AcceptedChanges {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  const { accepted } = JSON.parse(text) as { accepted: { reason: string; paths: string[] }[] };
  return new Map(
    accepted.flatMap(({ reason, paths }) => paths.map((path) => [path, reason] as const)),
  );
}

/**
 * Compares two schemas as front-ends would feel it: a breaking change (a field, argument, enum
 * value or type removed or changed incompatibly) passes only when what it removes was
 * deprecated in the old schema, so clients were told first.
 */
export async function compatibility(
  oldSdl: string,
  newSdl: string,
  accepted: AcceptedChanges = new Map(),
): Promise<Compatibility> {
  const before = buildSchema(oldSdl);
  const changes = await diff(before, buildSchema(newSdl));
  const breaking = changes.filter(
    (change) =>
      change.criticality.level === CriticalityLevel.Breaking && !wasDeprecated(before, change.path),
  );
  return {
    changes,
    refused: breaking.filter((change) => !accepted.has(change.path ?? '')),
    accepted: breaking.flatMap((change) => {
      const reason = accepted.get(change.path ?? '');
      return reason ? [{ ...change, reason }] : [];
    }),
  };
}

/** Whether the field, argument, input field or enum value at `Type.member[.argument]` was deprecated. */
function wasDeprecated(schema: GraphQLSchema, path: string | undefined): boolean {
  const [typeName, member, argument] = (path ?? '').split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || !member) return false;
  if (isEnumType(type)) return !!type.getValue(member)?.deprecationReason;
  if (isInputObjectType(type)) return !!type.getFields()[member]?.deprecationReason;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return false;
    if (argument) return !!field.args.find((a) => a.name === argument)?.deprecationReason;
    return !!field.deprecationReason;
  }
  return false;
}

/** The schema file as it was at a git revision, or null when there is none to compare with. */
function schemaAt(revision: string): string | null {
  try {
    return execFileSync('git', ['show', `${revision}:schema.graphql`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

/**
 * `npm run schema:compat [-- REVISION]`: compares `schema.graphql` with the one at REVISION
 * (default: the previous commit) and fails on a breaking change without a deprecation first.
 */
async function main(): Promise<void> {
  const revision = process.argv[2] ?? 'HEAD~1';
  const old = schemaAt(revision);
  if (old === null) {
    console.log(`No schema.graphql at ${revision}: nothing to compare with.`);
    return;
  }
  const { changes, refused, accepted } = await compatibility(
    old,
    readFileSync('schema.graphql', 'utf8'),
    acceptedChanges(),
  );
  for (const change of changes)
    console.log(`${change.criticality.level.padEnd(12)} ${change.message}`);
  for (const change of accepted) console.log(`accepted: ${change.path ?? ''}: ${change.reason}`);
  console.log(
    `${changes.length} change(s) since ${revision}; ${accepted.length} breaking on purpose (schema-changes.json); ${refused.length} breaking without a deprecation first.`,
  );
  if (refused.length > 0) {
    console.error(
      'Breaking changes must come after a release that deprecates what they remove (@deprecated(reason: "…")), or be accepted on purpose, with a reason, in schema-changes.json:',
    );
    for (const change of refused) console.error(`  ${change.path ?? ''}: ${change.message}`);
    process.exit(1);
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
