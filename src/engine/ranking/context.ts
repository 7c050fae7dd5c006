import type { Ranking } from './index';

/**
 * `ctx.ranking`, declared from here. The `Context` interface lives in src/platform/graphql,
 * a floor below the engine, which may not import the engine (.dependency-cruiser.cjs); so the
 * engine adds its field to the interface by module augmentation, and the code that makes the
 * context object (`createContext`) sets it to `rankingOf(primaryKnex)`.
 */
declare module '../../platform/graphql/context' {
  interface Context {
    /** The ranking engine of the primary database (`primaryKnex`): the index and its scans. */
    readonly ranking: Ranking;
  }
}
