import type { Options } from './bench-options';

/**
 * The bench's tables as markdown, and their place in docs/performance.md: pure, so that what the
 * Performance page shows is tested without a run.
 */

/** What one server did for one operation. */
export interface Figures {
  /** Median of the requests timed one at a time (null: none finished). */
  sequentialP50: number | null;
  /** Under the connections' load; NaN when no request finished within autocannon's timeout. */
  p50: number;
  p95: number;
  requestsPerSecond: number;
  /** Requests that failed under the load (a status but 200, an error, no answer). */
  errors: number;
  /** CPU ms per answered request under the load: the server's, and PostgreSQL's. */
  cpuMsPerRequest: { server: number | null; postgres: number | null };
}

export interface OperationResult extends Figures {
  operation: string;
  sequentialP50: number;
  sqlStatements: number | null;
  /** The plain SQL for the same answer, median ms, when there is one. */
  baselineMedian: number | null;
  timesFaster: number | null;
  /** Each peer's figures for the same operation, by the peer's key, when it can answer it. */
  peers: Record<string, Figures>;
}

/** A peer as the tables name it. */
export interface PeerLabel {
  key: string;
  /** A letter for the table's columns. */
  letter: string;
  description: string;
}

export interface BenchReport {
  /** When the run ended (ISO). */
  date: string;
  /** `git rev-parse --short HEAD`. */
  commit: string;
  /** The code measured had changes not yet committed. */
  uncommittedChanges: boolean;
  machine: {
    cpus: number;
    model: string | undefined;
    memory: number;
    node: string;
    /** The load average over the 15 minutes before the run ended: how busy the host was. */
    loadAverage?: number;
  };
  /** The flags the bench was given, as typed. */
  args: readonly string[];
  options: Options;
  peers: readonly PeerLabel[];
  /** The bulk import's seconds, when this run made the province. */
  bulkImportSeconds: number | null;
  /** The server's own line on loading its candidate index. */
  indexLoad: string;
  /** From the server's start until it was ready (`/ready` answered 200, the index loaded). */
  readyAfterStartMs: number;
  /** The first candidates request, timed from the moment the server was ready. */
  firstRankingAfterReady: number | null;
  /** The first ranking of each other sampled position, nothing cached: median. */
  coldCandidatesMedian: number | null;
  coldPositions: number;
  serverPeakRss: number;
  results: OperationResult[];
}

/** A count as the page writes it: 100000 → "100,000". */
export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** A time in ms: one decimal below 100, whole above; "timed out" for NaN (nothing finished). */
export function ms(n: number | null): string {
  if (n === null) return '–';
  if (Number.isNaN(n)) return 'timed out';
  return n < 100 ? n.toFixed(1) : thousands(Math.round(n));
}

/** Requests per second: whole, or one decimal below 10 (a slow operation's handful). */
export function rate(n: number | null): string {
  if (n === null || Number.isNaN(n)) return '–';
  return n < 10 ? n.toFixed(1) : thousands(Math.round(n));
}

/** Our throughput over the peer's (above 1: ours ahead); none when the peer answered nothing. */
export function ratio(ours: number, peer: Figures | undefined): string {
  if (!peer || !(peer.requestsPerSecond > 0)) return '–';
  return (ours / peer.requestsPerSecond).toFixed(2);
}

function cpu(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(2);
}

/** A markdown table; numbers right-aligned (every column but the first). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}

/**
 * A paragraph or list item wrapped at `width` as the page's prose is (Prettier keeps lines as
 * they are written): greedy, words never split, a list item's next lines indented under its text.
 */
export function wrap(text: string, width = 100): string {
  const indent = text.startsWith('- ') ? '  ' : '';
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    // A line must not start as markdown would read as a list, heading or quote.
    const marker = /^(\d+[.)]|[-+*>#]+|=+)$/.test(word);
    if (line && line.length + 1 + word.length > width && !marker) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** "7 December 2026", as the page writes dates. */
export function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function machine(report: BenchReport): string {
  const { cpus, model, memory, node, loadAverage } = report.machine;
  const load =
    loadAverage === undefined
      ? ''
      : `, 15-minute load average ${loadAverage.toFixed(1)} at the end`;
  return `${cpus} × ${model?.trim() ?? 'unknown CPU'}, ${(memory / 2 ** 30).toFixed(1)} GiB, Node ${node}${load}`;
}

/** The throughput table: ours, then each peer's columns (sequential p50, p50, req/s, ratio). */
function throughputTable(report: BenchReport): string {
  const header = ['operation', 'sequential p50 ms', 'p50 ms', 'p95 ms', 'req/s', 'SQL/req'];
  for (const { letter } of report.peers)
    header.push(
      `${letter}: sequential p50 ms`,
      `${letter}: p50 ms`,
      `${letter}: req/s`,
      `req/s ÷ ${letter}`,
    );
  const rows = report.results.map((r) => {
    const row = [
      r.operation,
      ms(r.sequentialP50),
      ms(r.p50),
      ms(r.p95),
      rate(r.requestsPerSecond),
      r.sqlStatements === null ? '–' : String(r.sqlStatements),
    ];
    for (const { key } of report.peers) {
      const peer = r.peers[key];
      row.push(
        ms(peer?.sequentialP50 ?? null),
        peer ? ms(peer.p50) : '–',
        rate(peer?.requestsPerSecond ?? null),
        ratio(r.requestsPerSecond, peer),
      );
    }
    return row;
  });
  return markdownTable(header, rows);
}

/** Where the cores went under each load: CPU ms per answered request, each side. */
function cpuTable(report: BenchReport): string {
  const header = ['operation', 'server', 'PostgreSQL'];
  for (const { letter } of report.peers) header.push(letter, `${letter}'s PostgreSQL`);
  const rows = report.results.map((r) => {
    const row = [r.operation, cpu(r.cpuMsPerRequest.server), cpu(r.cpuMsPerRequest.postgres)];
    for (const { key } of report.peers) {
      const peer = r.peers[key]?.cpuMsPerRequest;
      row.push(cpu(peer?.server), cpu(peer?.postgres));
    }
    return row;
  });
  return markdownTable(header, rows);
}

/** The run's facts beside the tables: index, readiness, first rankings, memory, baselines. */
function notes(report: BenchReport): string[] {
  const lines: string[] = [];
  lines.push(
    `${report.indexLoad || 'Candidate index: not reported'}; the server was ready ${(report.readyAfterStartMs / 1000).toFixed(1)} s after it started (\`/ready\` answered 200 and the index was loaded).`,
  );
  if (report.firstRankingAfterReady !== null)
    lines.push(
      `First ranking after \`/ready\`: ${ms(report.firstRankingAfterReady)} ms (the first candidates request, sent the moment the server was ready)` +
        (report.coldCandidatesMedian === null
          ? '.'
          : `; the first ranking of each of ${report.coldPositions} other positions, nothing cached: median ${ms(report.coldCandidatesMedian)} ms.`),
    );
  lines.push(`Server peak RSS: ${thousands(Math.round(report.serverPeakRss / 2 ** 20))} MiB.`);
  const baselines = report.results.filter((r) => r.baselineMedian !== null);
  if (baselines.length > 0)
    lines.push(
      `The plain SQL for the same answer, one query at a time in the same run (median): ${baselines
        // Like for like: the plain SQL runs one query at a time, so beside our sequential p50.
        .map((r) => `${r.operation} ${ms(r.baselineMedian)} ms (ours ${ms(r.sequentialP50)} ms)`)
        .join('; ')}.`,
    );
  if (report.bulkImportSeconds !== null)
    lines.push(`Bulk import of the province (this run): ${report.bulkImportSeconds.toFixed(1)} s.`);
  const failures = report.results.flatMap((r) => {
    const sides = [
      ['ours', r.errors] as const,
      ...report.peers.map((p) => [p.letter, r.peers[p.key]?.errors ?? 0] as const),
    ].filter(([, errors]) => errors > 0);
    return sides.length === 0
      ? []
      : [`${r.operation}: ${sides.map(([side, n]) => `${side} ${thousands(n)}`).join(', ')}`];
  });
  if (failures.length > 0)
    lines.push(
      `Failed requests under load (a status but 200, an error in the answer, or none within autocannon's 10 s): ${failures.join('; ')}.`,
    );
  return lines.map((line) => wrap(`- ${line}`));
}

/** The markdown of one run: what, where and when, the two tables and the run's facts. */
export function benchBlock(report: BenchReport): string {
  const o = report.options;
  const lines = [
    wrap(
      `Written by \`npm run bench -- ${report.args.join(' ')}\` on ${longDate(report.date)}, commit \`${report.commit}\`${report.uncommittedChanges ? ' with uncommitted changes' : ''}; ${machine(report)}. ${thousands(o.employees)} employees, ${o.connections} connections, ${o.duration} s of load per operation.`,
    ),
    '',
  ];
  if (report.peers.length > 0)
    lines.push(
      wrap(
        `${report.peers.map((p) => `${p.letter}: ${p.description}`).join('; ')}. Each peer is measured right after ours, under the same load; "req/s ÷" is our throughput over the peer's (above 1: ours ahead).`,
      ),
      '',
    );
  lines.push(
    throughputTable(report),
    '',
    'CPU ms per answered request under the load:',
    '',
    cpuTable(report),
    '',
    ...notes(report),
  );
  return lines.join('\n');
}

/** The comments that hold a size's block on the Performance page. */
export function benchMarkers(employees: number): { start: string; end: string } {
  return { start: `<!-- bench:${employees} -->`, end: `<!-- /bench:${employees} -->` };
}

/**
 * The page with the block for that province size replaced (never appended): the text between
 * its two marker comments. A page without exactly one pair of them for that size is refused.
 */
export function replaceBenchBlock(page: string, employees: number, block: string): string {
  const { start, end } = benchMarkers(employees);
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < 0 || to < from)
    throw new Error(
      `The Performance page has no block for ${thousands(employees)} employees: add ${start} and ${end} where it belongs.`,
    );
  if (page.indexOf(start, from + 1) >= 0 || page.indexOf(end, to + 1) >= 0)
    throw new Error(`The Performance page has two blocks for ${thousands(employees)} employees.`);
  return `${page.slice(0, from + start.length)}\n\n${block.trim()}\n\n${page.slice(to)}`;
}
