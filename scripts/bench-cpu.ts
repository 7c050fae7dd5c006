import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/**
 * CPU time of processes, from /proc: what a load cost each side (our server, the peer,
 * PostgreSQL), so that a throughput figure comes with where the cores went. Linux only; elsewhere
 * every figure is null.
 */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

interface Stat {
  ppid: number;
  /** Own user + system time, seconds. */
  own: number;
  /** User + system time of its children that ended and were waited for, seconds. */
  ended: number;
}

async function stat(pid: number): Promise<Stat | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  // Fields after the command name, which is in parentheses and may hold anything.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // f[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
  const n = (field: number) => Number(f[field - 3]);
  return { ppid: n(4), own: (n(14) + n(15)) / TICKS, ended: (n(16) + n(17)) / TICKS };
}

/** CPU seconds used so far by a process (and, with `tree`, its live and ended children). */
export async function cpuSeconds(pid: number, tree = false): Promise<number | null> {
  const root = await stat(pid);
  if (!root) return null;
  if (!tree) return root.own;
  let total = root.own + root.ended;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = await stat(Number(entry));
    if (child?.ppid === pid) total += child.own;
  }
  return total;
}

/** The postmaster's pid of a data directory (first line of `postmaster.pid`), or null. */
export async function postmasterPid(dataDir: string): Promise<number | null> {
  const text = await readFile(`${dataDir}/postmaster.pid`, 'utf8').catch(() => null);
  const pid = Number(text?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** CPU milliseconds per request that `run` cost each of `pids` ([pid, whole tree?]). */
export async function cpuPerRequest<T extends { requests: number }>(
  pids: readonly (readonly [number | null, boolean])[],
  run: () => Promise<T>,
): Promise<{ result: T; msPerRequest: (number | null)[] }> {
  const read = () =>
    Promise.all(pids.map(([pid, tree]) => (pid ? cpuSeconds(pid, tree) : Promise.resolve(null))));
  const before = await read();
  const result = await run();
  const after = await read();
  return {
    result,
    msPerRequest: before.map((b, i) => {
      const a = after[i];
      return a === null || b === null || result.requests === 0
        ? null
        : ((a - b) * 1000) / result.requests;
    }),
  };
}
