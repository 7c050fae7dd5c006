import { rankingOf } from '../engine/ranking';
import { contextFactory } from '../platform/graphql/context';
import { CONTEXT_PARTS } from './features';

/**
 * A fresh context per request: a new identity map and new loaders, never shared, reading and
 * guarding rows as the features declare (`features.ts`).
 */
export const createContext = contextFactory({
  ...CONTEXT_PARTS,
  extend: (primaryKnex) => ({ ranking: rankingOf(primaryKnex) }),
});
