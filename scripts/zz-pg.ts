import { startEmbeddedPostgres } from '../src/config/database';
async function main() {
  const db = await startEmbeddedPostgres({
    dataDir: '/work/main/.data/bench/postgres',
    port: 54410,
    database: 'bench_100000_1',
    fast: true,
  });
  console.log(db.url);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
