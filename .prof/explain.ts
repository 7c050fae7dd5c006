import { Client } from 'pg';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/config/database';
async function main() {
  const db = await startEmbeddedPostgres({ dataDir: path.resolve('.data/bench/postgres'), port: 54410, database: 'bench_5000_1', fast: true });
  const c = new Client({ connectionString: db.url }); await c.connect();
  const nip = (await c.query('select nip from employee where nip is not null limit 1')).rows[0].nip;
  const id = (await c.query('select id from employee where nip = $1', [nip])).rows[0].id;
  const r = await c.query(`explain analyze select distinct on (a.employee_id, r.competency_id)
              a.employee_id as "employeeId", r.competency_id as "competencyId",
              c.code as "competencyCode", r.level, a.assessed_on::text as "assessedOn", a.id as "assessmentId"
         from assessment a join assessment_result r on r.assessment_id = a.id join competency c on c.id = r.competency_id
        where a.employee_id = any($1) and a.assessed_on <= $2
        order by a.employee_id, r.competency_id, a.assessed_on desc, a.id desc`, [[id], '2026-11-01']);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  await c.end(); await db.stop();
}
main();
