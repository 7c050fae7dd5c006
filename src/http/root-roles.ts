import { getMetadataStorage } from 'type-graphql';

/**
 * The roles each root field asks for through `@Authorized` (`Mutation.importDataset` →
 * `['ADMIN']`; an empty list: any signed-in caller), read from type-graphql's metadata once the
 * schema is built, so the pipeline refuses an operation before any of its input is walked.
 */
export function rootFieldRoles(): Map<string, readonly string[]> {
  const storage = getMetadataStorage();
  const roles = new Map<string, readonly string[]>();
  const kinds = [
    ['Query', storage.queries],
    ['Mutation', storage.mutations],
    ['Subscription', storage.subscriptions],
  ] as const;
  for (const [root, resolvers] of kinds)
    for (const resolver of resolvers)
      if (resolver.roles !== undefined)
        roles.set(`${root}.${resolver.schemaName}`, resolver.roles as string[]);
  return roles;
}
