import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVER_NODE_FLAGS } from './server-process';

/** Our server as the bench runs it: built, in its own process, measured from when it is ready. */
export interface BenchServer {
  url: string;
  pid: number;
  /** The server's line on loading its candidate index, once written ('' until then). */
  indexLoad: () => string;
  /** `performance.now()` when it became ready: the clock of the first ranking after `/ready`. */
  readyAt: number;
  /** From the start of its process until then. */
  readyAfterStartMs: number;
  stop: () => Promise<void>;
}

/** How often `/ready` is asked while the server loads: a fine clock for a first ranking. */
const READY_POLL_MS = 10;

/**
 * Starts the built server (as `NODE_ENV=production`) and resolves once it is ready: `/ready`
 * answers 200 and, from a server whose `/ready` never said `loading` (one that says ready
 * before its index is in memory), its "Candidate index:" line has been written too.
 */
export async function startBenchServer(settings: {
  databaseUrl: string;
  secret: string;
  dir: string;
  profile: boolean;
  heapMb?: number;
  log: (line: string) => void;
}): Promise<BenchServer> {
  const profile = settings.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(settings.dir, 'profiles')}`]
    : [];
  const heap = settings.heapMb ? [`--max-old-space-size=${settings.heapMb}`] : [];
  // The server runs on Node's default heap unless --heap-mb says otherwise: the heap the bench
  // itself was given for generating a large province (NODE_OPTIONS) is not passed on.
  const { NODE_OPTIONS: _benchOnly, ...inherited } = process.env;
  let output = '';
  const startedAt = performance.now();
  const server = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...profile, ...heap, 'dist/src/app/index.js'],
    {
      env: {
        ...inherited,
        DATABASE_URL: settings.databaseUrl,
        JWT_SECRET: settings.secret,
        // Selections opened under load are sealed with a key of this run.
        SELECTION_KEY: randomBytes(32).toString('base64url'),
        PORT: '0',
        LOAD_DEMO: 'false',
        NODE_ENV: 'production',
        // Statements are counted for the probe of each operation only, not under load.
        EXPOSE_STATEMENT_COUNT: 'on-request',
        // The bench measures throughput from one token: no per-caller budget.
        RATE_LIMIT_COST_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  process.once('exit', () => server.kill('SIGKILL'));
  const exited = new Promise<never>((_, reject) =>
    server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`))),
  );
  exited.catch(() => undefined); // heard by whichever wait is pending

  let listening: (url: string) => void;
  let indexed: (line: string) => void;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const indexLine = new Promise<string>((resolve) => (indexed = resolve));
  let indexLoad = '';
  server.stdout.on('data', (chunk: Buffer) => {
    // Once the index line is in, its log lines are read and dropped (kept, they would cost the
    // load generator's process more with every request).
    if (indexLoad) return;
    output += chunk.toString();
    const found = /API (http:\/\/localhost:\d+)\/graphql/.exec(output)?.[1];
    if (found) listening(found);
    indexLoad = /Candidate index: [^\n]*/.exec(output)?.[0] ?? '';
    if (!indexLoad) return;
    settings.log(`  ${indexLoad}`);
    indexed(indexLoad);
  });

  try {
    const base = await Promise.race([url, exited]);
    let loading = false;
    for (;;) {
      const answer = await Promise.race([
        fetch(`${base}/ready`).then(
          async (r) => ({ status: r.status, body: await r.text() }),
          () => ({ status: 0, body: '' }),
        ),
        exited,
      ]);
      if (answer.status === 200) break;
      loading ||= answer.body.includes('"loading"');
      await sleep(READY_POLL_MS);
    }
    // A server that said `loading` is ready at its 200: its index is in memory.
    if (!loading) await Promise.race([indexLine, exited]);
    const readyAt = performance.now();
    settings.log(`  ready after ${((readyAt - startedAt) / 1000).toFixed(1)} s`);
    return {
      url: base,
      pid: server.pid!,
      indexLoad: () => indexLoad,
      readyAt,
      readyAfterStartMs: readyAt - startedAt,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
