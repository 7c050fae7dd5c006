import type { Knex } from '@mikro-orm/knex';
import { importDataset } from '../modules/dataset/dataset.service';
import type { ImportReport } from '../domain/dataset.types';
import { generateDemoDataset } from './demo.generate';

/** Loads the demo province when the database has no employees; returns the report, or null. */
export async function loadDemoIfEmpty(knex: Knex, today: string): Promise<ImportReport | null> {
  const [{ count }] = await knex('employee').count<{ count: string }[]>({ count: '*' });
  if (Number(count) > 0) return null;
  const report = await importDataset(knex, generateDemoDataset({ today }), {
    today,
    audit: { actor: { role: 'SYSTEM', subject: 'demo' }, action: 'loadDemo' },
  });
  if (!report.applied) {
    const first = report.issues
      .slice(0, 5)
      .map((i) => `${i.section}[${i.index}].${i.field}: ${i.message}`);
    throw new Error(`The demo dataset did not import:\n${first.join('\n')}`);
  }
  return report;
}
