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
}

/**
 * Compares two schemas as front-ends would feel it: a breaking change (a field, argument, enum
 * value or type removed or changed incompatibly) passes only when what it removes was
 * deprecated in the old schema, so clients were told first.
 */
export async function compatibility(oldSdl: string, newSdl: string): Promise<Compatibility> {
  const before = buildSchema(oldSdl);
  const changes = await diff(before, buildSchema(newSdl));
  const refused = changes.filter(
    (change) =>
      change.criticality.level === CriticalityLevel.Breaking && !wasDeprecated(before, change.path),
  );
  return { changes, refused };
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
  const { changes, refused } = await compatibility(old, readFileSync('schema.graphql', 'utf8'));
  for (const change of changes)
    console.log(`${change.criticality.level.padEnd(12)} ${change.message}`);
  console.log(
    `${changes.length} change(s) since ${revision}; ${refused.length} breaking without a deprecation first.`,
  );
  if (refused.length > 0) {
    console.error(
      'Breaking changes must come after a release that deprecates what they remove (@deprecated(reason: "…")):',
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
