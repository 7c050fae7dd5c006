import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parse, type OperationDefinitionNode } from 'graphql';
import knexFactory from 'knex';
import pino from 'pino';
import type { Knex } from '@mikro-orm/knex';
import { appSchema } from '../src/app/schema';
import { COST_MODEL } from '../src/app/features';
import { loadConfig } from '../src/platform/config/config';
import { serverOptions } from '../src/app/bootstrap';
import { Role } from '../src/platform/auth/auth.types';
import { signToken, viewerFromHeader } from '../src/platform/auth/tokens';
import { rootFieldRoles } from '../src/platform/graphql/schema';
import { CostBudget } from '../src/platform/http/budget';
import { ServerMetrics } from '../src/platform/http/metrics';
import { RequestPipeline } from '../src/platform/http/pipeline';

/**
 * `npm run bench:pieces`: what each guard of the request pipeline costs a request, measured
 * alone in this process (nanoseconds per call, median of five rounds): token verification of a
 * token seen before, the caller's budget, the metrics and the request's log line, and the
 * pipeline's admission of the bench's thin operations. No database: the budget and the metrics
 * are made over a pool that never connects (they touch it only on their timers and scrapes).
 */
const ROUNDS = 5;
const CALLS = 200_000;

/**
 * Nanoseconds per call of `call`, the median of the rounds. The loop yields to the event loop
 * every 100 calls, as a server between requests does (the log's writes get to drain).
 */
async function timed(name: string, call: (i: number) => unknown): Promise<[string, number]> {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < CALLS / 10; i++) await call(i);
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let yielding = 0n;
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) {
      const value = call(i);
      if (value instanceof Promise) await value;
      if (i % 100 === 99) {
        const before = process.hrtime.bigint();
        await turn();
        yielding += process.hrtime.bigint() - before;
      }
    }
    // The turns of the event loop are left out (the log is written on libuv's threads).
    rounds.push(Number(process.hrtime.bigint() - started - yielding) / CALLS);
  }
  rounds.sort((a, b) => a - b);
  return [name, rounds[Math.floor(ROUNDS / 2)]];
}

async function main(): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const config = loadConfig({
    ...process.env,
    JWT_SECRET: secret,
    DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
  });
  const keys = { secret };
  const header = `Bearer ${signToken(keys, { role: Role.HR, agency: 'PROV-MALUKU' })}`;
  const idle = knexFactory({
    client: 'pg',
    connection: 'postgres://x@127.0.0.1:1/x',
  }) as unknown as Knex;
  const metrics = new ServerMetrics(idle, undefined);
  const budget = new CostBudget(idle, { perMinute: 1e12, onError: () => undefined });
  const schema = appSchema();
  const options = serverOptions(config, keys);
  const pipeline = new RequestPipeline({
    schema,
    keys,
    limits: options.limits,
    production: true,
    metrics,
    rootRoles: rootFieldRoles(schema),
    cost: COST_MODEL,
  });
  const logger = pino(
    { level: 'info', base: { pid: process.pid } },
    pino.destination({ dest: '/dev/null', sync: false, minLength: 15 * 1024 }),
  );
  const caller = await pipeline.authenticate(header);
  const operationOf = (text: string) => {
    const document = parse(text);
    return { document, operation: document.definitions[0] as OperationDefinitionNode };
  };
  const thin = operationOf('{ __typename }');
  const nip = operationOf('query($nip: String!) { employee(nip: $nip) { nip } }');
  const rich = operationOf(
    'query($nip: String!) { employee(nip: $nip) { nip name rank { code } competencies { level assessedOn stale competency { code } } } }',
  );

  const results = [
    await timed('token verification (a token seen before)', () => viewerFromHeader(keys, header)),
    await timed('authentication step (pipeline.authenticate)', () => pipeline.authenticate(header)),
    await timed('budget: take a cost from the caller', (i) => budget.spend(`HR:${i % 50}`, 2)),
    await timed('metrics: the request and its operation', () => {
      metrics.httpRequest('graphql', 200);
      metrics.observeOperation('EmployeeByNip', 'query', 'primary', 0.0012, []);
    }),
    await timed('request log line', (i) =>
      logger.info(
        {
          requestId: `f3b1c7de-0000-4000-8000-${String(i).padStart(12, '0')}`,
          method: 'POST',
          route: 'graphql',
          status: 200,
          ms: 1.3,
          operation: null,
          type: 'query',
          database: 'primary',
          role: 'HR',
        },
        'request',
      ),
    ),
    await timed('admission of { __typename }', () =>
      pipeline.admit(caller, thin.document, thin.operation, {}),
    ),
    await timed('admission of employee(nip) { nip }', () =>
      pipeline.admit(caller, nip.document, nip.operation, { nip: '197408202004031001' }),
    ),
    await timed('admission of employee(nip) with competencies', () =>
      pipeline.admit(caller, rich.document, rich.operation, { nip: '197408202004031001' }),
    ),
  ];
  await budget.stop();
  await (idle as unknown as { destroy(): Promise<void> }).destroy();
  console.log('\n| step | ns per call |\n| --- | ---: |');
  for (const [name, ns] of results) console.log(`| ${name} | ${ns.toFixed(0)} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
