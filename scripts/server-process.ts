import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The V8 flags the server runs with (`npm start`, `npm run serve`, the bench, the tests' own
 * processes). A young generation of 64 MiB a semi-space instead of 16: under concurrent reads
 * much of what a request allocates lives until its answer is sent, and with small semi-spaces
 * it is copied again and again (at 10 connections the page of 100 spent 40 % of its CPU in
 * scavenges). It costs at most 3 × 64 MiB of RSS and changes nothing else.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** A server started as a process of its own, as a deployment runs it. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** Its address, e.g. `http://localhost:41234`. */
  readonly url: string;
  /** Everything it has written so far (standard output and error). */
  output(): string;
  readonly exited: Promise<number | null>;
  /** Asks it to stop (SIGTERM: it drains its requests) and waits until it has. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Settings on top of this process's environment (`PORT` defaults to 0: any free port). */
  readonly env: Record<string, string>;
  /** Run the built server (`dist/`) rather than the sources through tsx. */
  readonly built?: boolean;
  readonly startTimeoutMs?: number;
  /** Hears each line it writes. */
  readonly onLine?: (line: string) => void;
}

/**
 * Starts `src/app/index.ts` (or the build) in a process of its own, and resolves once it has said
 * where it listens. One process: under tsx's own command the server would be a grandchild.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const args = options.built
    ? [...SERVER_NODE_FLAGS, path.resolve('dist/src/app/index.js')]
    : [...SERVER_NODE_FLAGS, '--import', 'tsx', path.resolve('src/app/index.ts')];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let partial = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const hear = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (!options.onLine) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) options.onLine(line);
  };
  child.stdout.on('data', hear);
  child.stderr.on('data', hear);
  const timeout = options.startTimeoutMs ?? 90_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start in ${timeout} ms: ${output}`));
    }, timeout);
    const watch = () => {
      const match = /API (http:\/\/localhost:\d+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', watch);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', watch);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it started: ${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
