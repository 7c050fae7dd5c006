import type { MikroORM } from '@mikro-orm/postgresql';
import { createHttpServer, type AppServer, type ServerOptions } from '../platform/http/server';
import { rankingOf } from '../engine/ranking';
import { createContext } from './context';
import { COST_MODEL, eventSize, featureRoutes } from './features';
import { appSchema } from './schema';
import { warmUpRequests } from './warm-up';

export type { AppServer, ServerOptions } from '../platform/http/server';

/** The application's server: the platform's, with the features' schema, costs and routes. */
export function createServer(orm: MikroORM, options: ServerOptions): Promise<AppServer> {
  return createHttpServer(orm, options, {
    schema: appSchema(),
    createContext,
    cost: COST_MODEL,
    eventSize,
    // `/metrics` shows the ranking index of the primary (the engine's, wired here).
    rankingFigures: (primary) => rankingOf(primary).figures,
    // `/ready` waits for the ranking index's first load (the engine's, wired here).
    readiness: (primary) => rankingOf(primary).readiness(),
    routes: featureRoutes,
    // `/ready` after the request path has run once (a ranking, a page of employees).
    warmUp: warmUpRequests,
  });
}
