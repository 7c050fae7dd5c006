import type { GraphQLSchema } from 'graphql';
import { buildAppSchema, printAppSchema } from '../platform/graphql/schema';
import { RESOLVERS } from './features';

let built: GraphQLSchema | undefined;

/** The application's executable schema, built once per process from the features' resolvers. */
export function appSchema(): GraphQLSchema {
  return (built ??= buildAppSchema(RESOLVERS));
}

/** The schema as committed in `schema.graphql`. */
export function printedSchema(): string {
  return printAppSchema(appSchema());
}

/** Tests only: the next `appSchema` builds a schema anew (as `fieldFastPaths` is then set). */
export function forgetAppSchema(): void {
  built = undefined;
}
