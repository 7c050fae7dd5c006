import { Client } from 'pg';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/config/database';
async function main() {
  const db = await startEmbeddedPostgres({ dataDir: path.resolve('.data/bench/postgres'), port: 54410, database: 'bench_5000_1', fast: true });
  const clients = await Promise.all(Array.from({ length: 10 }, async () => { const c = new Client({ connectionString: db.url }); await c.connect(); return c; }));
  const nips = (await clients[0].query('select nip from employee where nip is not null limit 500')).rows.map((r) => r.nip);
  const sql = `select distinct on (a.employee_id, r.competency_id) a.employee_id, r.competency_id, r.level from assessment a join assessment_result r on r.assessment_id = a.id join competency c on c.id = r.competency_id join employee e on e.id = a.employee_id where e.nip = $1 order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc`;
  const t = performance.now(); let n = 0;
  await Promise.all(clients.map(async (c, k) => { for (let i = 0; i < 300; i++) { await c.query(sql, [nips[(i * 10 + k) % nips.length]]); n++; } }));
  const s = (performance.now() - t) / 1000;
  console.log('queries/s', (n / s).toFixed(0), 'mean ms', (s * 1000 / 300).toFixed(2));
  await Promise.all(clients.map((c) => c.end())); await db.stop();
}
main();
