import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemoIfEmpty } from '../src/demo/demo.service';
import { Topology } from './topology';

const USAGE =
  'usage: npm run cluster -- [--processes 2] [--replicas 1] [--port 4001] [--dir .data/cluster]';

/**
 * `npm run cluster`: a primary, streaming replicas made from it, and API processes over them,
 * on this machine, with the demo province: each process serves the console and the API on a
 * port of its own. Ctrl-C stops everything (the data stays in `--dir` for the next run).
 */
async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        processes: { type: 'string', default: '2' },
        replicas: { type: 'string', default: '1' },
        port: { type: 'string', default: '4001' },
        dir: { type: 'string', default: path.join('.data', 'cluster') },
      },
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const count = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max)
      throw new Error(
        `--${name} must be a whole number from ${min} to ${max}, got "${text}".\n${USAGE}`,
      );
    return n;
  };
  const processes = count('processes', values.processes, 1, 16);
  const replicas = count('replicas', values.replicas, 0, 8);
  const port = count('port', values.port, 1024, 65535 - processes);
  const log = (line: string) => console.log(line);
  const today = new Date().toISOString().slice(0, 10);
  console.log(
    `Starting a primary, ${replicas} replica(s) and ${processes} API process(es) in ${values.dir}…`,
  );
  const topology = await Topology.start({
    dir: path.resolve(values.dir),
    replicas,
    processes,
    ports: Array.from({ length: processes }, (_, i) => port + i),
    built: true,
    seed: async (knex) => {
      const report = await loadDemoIfEmpty(knex, today);
      if (report) log('Loaded the demo province into the primary.');
    },
    // One signing secret for the run, so a token works on every process.
    env: { DEMO_MODE: 'true', JWT_SECRET: randomBytes(32).toString('base64url') },
    log,
    onServerLine: (i, line) => {
      // The processes' warnings (a replica out of rotation, the primary gone) as they come.
      if (line.startsWith('{') && /"level":(4|5|6)0/.test(line))
        console.log(`[api ${i + 1}] ${line}`);
    },
  });
  console.log('\nThe cluster is up:');
  console.log(`  primary   ${redact(topology.primary.url)}`);
  topology.replicaUrls.forEach((url, i) =>
    console.log(`  replica ${i + 1} ${redact(url)} (streaming)`),
  );
  topology.apis.forEach((api, i) =>
    console.log(`  api ${i + 1}     ${api.url}/ (console), ${api.url}/graphql, ${api.url}/metrics`),
  );
  const tokens = (await (await fetch(`${topology.apis[0].url}/demo/tokens`)).json()) as Record<
    string,
    string
  >;
  console.log('\nTokens for this run (valid on every process):');
  for (const [role, token] of Object.entries(tokens)) console.log(`  ${role.padEnd(9)} ${token}`);
  console.log('\nCtrl-C stops the processes, the replicas and the primary.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await topology.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** A connection URL without its password. */
function redact(url: string): string {
  return url.replace(/:\/\/([^:]+):[^@]+@/, '://$1:***@');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
