import 'reflect-metadata';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../src/app/orm.config';
import { startScratchDatabase } from './scratch-database';

/**
 * Generates a migration for the difference between the entities and the committed migrations,
 * on a scratch database, then rewrites `migrations/index.ts`. Usage: `npm run migration:create -- name`.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const db = await startScratchDatabase('cg_migrate');
  const orm = await MikroORM.init(ormConfig(db.url));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(undefined, false, false, name);
    if (!result.fileName) console.log('No changes: entities and migrations agree.');
    else console.log(`Wrote migrations/${result.fileName}; read it before committing.`);
  } finally {
    await orm.close();
    await db.stop();
  }
  await writeIndex();
}

async function writeIndex(): Promise<void> {
  const dir = path.resolve('migrations');
  const files = (await readdir(dir)).filter((f) => /^Migration\d+.*\.ts$/.test(f)).sort();
  const names = files.map((f) => f.replace(/\.ts$/, ''));
  const source = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...names.map((n) => `import { ${n} } from './${n}';`),
    '',
    '/** Every migration in order; `npm run migration:create` appends new ones here. */',
    'export const MIGRATIONS: MigrationObject[] = [',
    ...names.map((n) => `  { name: '${n}', class: ${n} },`),
    '];',
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'index.ts'), source);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
