import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './features';

/** ORM settings for one database URL; migrations are listed in code, not globbed from disk. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl,
    entities: [...ENTITIES],
    discovery: { requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      path: path.resolve(__dirname, '../../../migrations'),
      pathTs: path.resolve(process.cwd(), 'migrations'),
      migrationsList: MIGRATIONS,
      silent: true,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    // Kept by triggers, read with SQL (engine/ranking/candidate-index.ts), and the processes' shared cost
    // budgets (http/budget.ts): not entities.
    schemaGenerator: { skipTables: ['employee_change', 'cost_budget'] },
    pool: { min: 0, max: 10 },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    ...overrides,
  });
}
