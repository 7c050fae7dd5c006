import 'reflect-metadata';
import pino from 'pino';
import { openDatabase, selectionKeyOf, serverOptions, tokenKeys } from './bootstrap';
import {
  ConfigError,
  loadConfig,
  requireSelectionKey,
  requireTokenKey,
} from '../platform/config/config';
import { loadDemoIfEmpty } from '../demo/demo.service';
import { demoExample, demoTokensFor } from '../demo/demo.tokens';
import { rankingOf } from '../engine/ranking';
import { setSelectionKey } from '../modules/selection/selection.record';
import { createServer } from './server';
import { LogLines } from '../platform/http/log-lines';

/** Start-up only: config → database → demo data → schema → HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  requireTokenKey(config);
  requireSelectionKey(config);
  const log = (line: string) => console.log(line);
  // Structured logs (JSON lines on standard output); the banner above them is for people.
  // Written in blocks rather than a write per line, at least every second, and what is left
  // when the process exits (`LogLines`).
  const destination = new LogLines();
  const logger = pino({ level: config.logLevel, base: { pid: process.pid } }, destination);
  process.on('exit', () => destination.end());
  const database = await openDatabase(config, log, (level, message, fields) =>
    logger[level](fields ?? {}, message),
  );
  if (database.routing)
    log(
      `Reads of queries go to ${config.replicaUrls.length} replica(s) in rotation; writes to the primary`,
    );
  setSelectionKey(selectionKeyOf(config, log));
  const knex = database.orm.em.getKnex();
  if (config.loadDemo) {
    const report = await loadDemoIfEmpty(knex, new Date().toISOString().slice(0, 10));
    if (report)
      log(
        `Loaded the demo province: ${report.sections.map((s) => `${s.received} ${s.section}`).join(', ')}`,
      );
  }
  const example = await demoExample(knex);
  const keys = tokenKeys(config);
  const demoTokens = config.demo ? demoTokensFor(keys, example) : undefined;
  const server = await createServer(database.orm, {
    ...serverOptions(config, keys),
    routing: database.routing,
    logger,
    exampleNip: example?.nip,
    explorerToken: demoTokens?.ADMIN,
    demoTokens,
  });
  await new Promise<void>((resolve) => server.http.listen(config.port, resolve));
  const address = server.http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`competency-graph ready: committee console http://localhost:${port}/`);
  log(`  API http://localhost:${port}/graphql (POST), explorer http://localhost:${port}/explorer`);
  // Load the candidate index now rather than on the first ranking (seconds at province scale);
  // `/ready` says `loading` until it has loaded, while `/health` answers from now on.
  const warming = Date.now();
  rankingOf(knex)
    .warmUp()
    .then(
      ({ employees, bytes }) => {
        log(
          `Candidate index: ${employees} employees in ${((Date.now() - warming) / 1000).toFixed(1)} s (${(bytes / 2 ** 20).toFixed(0)} MiB of columns)`,
        );
        // And the request path's warm-up, without waiting for a probe of `/ready` to start it.
        server.readiness();
      },
      (error: unknown) => console.error('The candidate index did not load:', error),
    );
  if (demoTokens) {
    log(
      'Demo mode: tokens for this run (send "Authorization: Bearer <token>"; the explorer has ADMIN, the console offers a role picker):',
    );
    for (const [role, token] of Object.entries(demoTokens)) log(`  ${role.padEnd(9)} ${token}`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing in-flight requests and stopping…`);
    await server.stop();
    await database.close();
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
