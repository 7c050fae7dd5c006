import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { openDatabase } from '../src/app/bootstrap';
import { loadConfig } from '../src/platform/config/config';
import { exportDataset } from '../src/records/export-dataset';

/** `npm run export -- FILE`: writes the whole database as one dataset document. */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run export -- FILE');
    process.exit(2);
  }
  const database = await openDatabase(loadConfig(), (line) => console.error(line));
  try {
    const document = await exportDataset(database.orm.em.getKnex());
    await writeFile(file, JSON.stringify(document, null, 1));
    const counts = Object.entries(document).map(
      ([section, records]) => `${records.length} ${section}`,
    );
    console.log(`Wrote ${file}: ${counts.join(', ')}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
